extension EventLog {
    /// Recomputes the hash chain from sequence 1 and hands every record's fields to `check`
    /// (which decodes and evolves the domain projection, throwing to name an undecodable
    /// payload); stops at the first fault.
    ///
    /// - Parameter progress: called every 65,536 records with the sequence reached.
    /// - Returns: a report naming the first bad record, if any.
    package func verifyChain(
        progress: (UInt64) -> Void = { _ in },
        check: (RecordFields) throws -> Void
    ) throws -> VerificationReport {
        var expected: UInt64 = 1
        var previous = Digest.zero
        var fault: VerificationFault?
        try scanStored(from: 1) { stored in
            fault = Self.verifyRecord(stored, expected: expected, previous: previous, check: check)
            guard fault == nil else { return false }
            previous = Digest(raw: UnsafeRawBufferPointer(rebasing: stored[(stored.count - 32)...])) ?? .zero
            if expected & 0xFFFF == 0 { progress(expected) }
            expected += 1
            return true
        }
        let checked = expected - 1
        if fault == nil {
            let stored = try Self.storedHead(environment: environment, meta: meta)
            if let stored, stored.sequence > checked {
                fault = VerificationFault(sequence: checked + 1, kind: .gap, detail: "missing records up to the head \(stored.sequence)")
            } else if let stored, stored.sequence == checked, stored.hash != previous {
                fault = VerificationFault(sequence: checked, kind: .hashMismatch, detail: "head hash in meta differs from the chain")
            }
        }
        return VerificationReport(recordsChecked: checked, headHash: previous, fault: fault)
    }

    private static func verifyRecord(
        _ stored: UnsafeRawBufferPointer,
        expected: UInt64,
        previous: Digest,
        check: (RecordFields) throws -> Void
    ) -> VerificationFault? {
        let view: StoredRecordView
        let fields: RecordFields
        do {
            view = try StoredRecordView(stored)
            fields = try RecordFields(canonical: view.canonical)
        } catch {
            return VerificationFault(sequence: expected, kind: .undecodable, detail: error.description)
        }
        guard fields.sequence == expected else {
            return VerificationFault(
                sequence: expected,
                kind: .gap,
                detail: "found sequence \(fields.sequence) where \(expected) was expected"
            )
        }
        guard view.previousHash == previous else {
            return VerificationFault(sequence: expected, kind: .brokenLink, detail: "previous hash does not match record \(expected - 1)")
        }
        guard Digest.chain(previous: previous, canonical: view.canonical) == view.hash else {
            return VerificationFault(sequence: expected, kind: .hashMismatch, detail: "stored hash differs from the recomputed hash")
        }
        do {
            try check(fields)
        } catch {
            return VerificationFault(sequence: expected, kind: .undecodable, detail: "\(error)")
        }
        return nil
    }
}

/// The outcome of ``EventLog/verifyChain(progress:check:)``.
package struct VerificationReport: Sendable {
    /// How many records were checked and found good.
    package var recordsChecked: UInt64
    /// The hash of the last good record.
    package var headHash: Digest
    /// The first fault, or `nil` when the log is whole.
    package var fault: VerificationFault?
    /// The sequence of the snapshot compared with the rebuilt projection, if there was one.
    package var snapshotSequence: UInt64?
}

/// The first bad record verify found.
package struct VerificationFault: Sendable, Equatable, CustomStringConvertible {
    /// What kind of fault.
    package enum Kind: String, Sendable {
        /// The stored hash is not SHA-256 of the previous hash and the canonical bytes.
        case hashMismatch = "hash_mismatch"
        /// The record's previous hash is not the previous record's hash.
        case brokenLink = "broken_link"
        /// A sequence number is missing or out of place.
        case gap
        /// The record or its payload does not decode.
        case undecodable
        /// The projection rebuilt from the log differs from the stored snapshot.
        case snapshotMismatch = "snapshot_mismatch"
    }

    /// The sequence number of the first bad record.
    package var sequence: UInt64
    /// What is wrong.
    package var kind: Kind
    /// Details for the auditor.
    package var detail: String

    /// Creates a fault.
    package init(sequence: UInt64, kind: Kind, detail: String) {
        self.sequence = sequence
        self.kind = kind
        self.detail = detail
    }

    /// `record N: kind: detail`.
    package var description: String { "record \(sequence): \(kind.rawValue): \(detail)" }
}
