package import Ledger

extension EventLog {
    /// Recomputes the hash chain from sequence 1 and decodes every payload into its event,
    /// handing each in order to `check`: the first half of ``verifyLedger(progress:)``.
    ///
    /// - Returns: the report; its `fault` names the first bad record, if any.
    /// - Throws: storage errors.
    package func verifyEvents(
        progress: (UInt64) -> Void = { _ in },
        options: ScanOptions = ScanOptions(),
        check: (ScannedRecord<LedgerEvent>) throws -> Void
    ) throws -> VerificationReport {
        try verifyChain(
            progress: progress,
            options: options,
            decode: Self.decodeEvent,
            check: check
        )
    }

    /// Verifies the whole ledger: recomputes the hash chain from sequence 1, decodes every
    /// payload while rebuilding the projection, then compares the rebuilt projection with the
    /// newest stored snapshot (replayed forward to the head).
    ///
    /// - Parameter progress: called now and then with the sequence reached.
    /// - Returns: the report; its `fault` names the first bad record, if any.
    /// - Throws: storage errors; a bad record or snapshot is a fault in the report.
    package func verifyLedger(progress: (UInt64) -> Void = { _ in }) throws -> VerificationReport {
        var rebuilt = LedgerState()
        var report = try verifyEvents(progress: progress) { record in
            rebuilt.evolve(record.value, record.meta)
        }
        guard report.fault == nil else { return report }
        let snapshot = try? latestSnapshot { try LedgerState(snapshot: $0) }
        if let snapshot {
            var fromSnapshot = snapshot.value
            try replay(
                into: &fromSnapshot,
                from: snapshot.sequence + 1,
                through: report.recordsChecked
            )
            if fromSnapshot != rebuilt {
                report.fault = VerificationFault(
                    sequence: snapshot.sequence,
                    kind: .snapshotMismatch,
                    detail:
                        "the snapshot at \(snapshot.sequence) differs from the projection rebuilt from the log"
                )
            }
        } else if (try? latestSnapshot { Array($0) }) != nil {
            report.fault = VerificationFault(
                sequence: 0,
                kind: .snapshotMismatch,
                detail: "the newest snapshot does not decode"
            )
        }
        report.snapshotSequence = snapshot?.sequence
        return report
    }
}
