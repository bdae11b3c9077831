extension EventLog {
    /// Recomputes the hash chain from sequence 1, has worker threads `decode` every record
    /// (throwing names an undecodable payload) and hands the results to `check` in sequence
    /// order on the calling thread (which evolves the domain projection); stops at the first
    /// fault.
    ///
    /// - Parameters:
    ///   - progress: called every 65,536 records with the sequence reached.
    ///   - options: how the work is divided among threads (hashes are always checked).
    ///   - decode: turns a record into what `check` takes, on a worker thread.
    ///   - check: takes each decoded record in sequence order, on the calling thread.
    /// - Returns: a report naming the first bad record, if any.
    /// - Throws: storage errors; a record that is bad is a fault in the report, not an error.
    package func verifyChain<Value: Sendable>(
        progress: (UInt64) -> Void = { _ in },
        options: ScanOptions = ScanOptions(),
        decode: @escaping @Sendable (RecordFields) throws -> Value,
        check: (ScannedRecord<Value>) throws -> Void
    ) throws -> VerificationReport {
        var options = options
        options.checksHashes = true
        var previous = Digest.zero
        var checked: UInt64 = 0
        var fault: VerificationFault?
        let scanFault = try orderedScan(
            first: 1,
            last: try lastStoredSequence(),
            options: options,
            transform: decode
        ) { record in
            guard record.previousHash == previous else {
                fault = VerificationFault(
                    sequence: record.sequence,
                    kind: .brokenLink,
                    detail: "previous hash does not match record \(record.sequence - 1)"
                )
                return false
            }
            do {
                try check(record)
            } catch {
                fault = VerificationFault(
                    sequence: record.sequence,
                    kind: .undecodable,
                    detail: "\(error)"
                )
                return false
            }
            previous = record.hash
            checked = record.sequence
            if checked & 0xFFFF == 0 { progress(checked) }
            return true
        }
        fault = fault ?? scanFault
        if fault == nil {
            let stored = try Self.storedHead(environment: environment, meta: meta)
            if let stored, stored.sequence > checked {
                fault = VerificationFault(
                    sequence: checked + 1,
                    kind: .gap,
                    detail: "missing records up to the head \(stored.sequence)"
                )
            } else if let stored, stored.sequence == checked, stored.hash != previous {
                fault = VerificationFault(
                    sequence: checked,
                    kind: .hashMismatch,
                    detail: "head hash in meta differs from the chain"
                )
            }
        }
        return VerificationReport(recordsChecked: checked, headHash: previous, fault: fault)
    }

    /// ``verifyChain(progress:options:decode:check:)`` of the hash chain alone: every record is
    /// parsed and hashed, no payload decoded.
    package func verifyChain(progress: (UInt64) -> Void = { _ in }) throws -> VerificationReport {
        try verifyChain(progress: progress, decode: { _ in () }, check: { _ in })
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
