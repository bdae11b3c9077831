import Ledger
import Testing

/// Properties over random valid command streams from ``LedgerScenarioGenerator``.
struct PropertyTests {
    static let seeds: [UInt64] = [1, 7, 42, 2026]

    static func scenario(_ seed: UInt64, events: Int = 3000) -> (
        log: [(LedgerEvent, EventMeta)], state: LedgerState
    ) {
        var generator = LedgerScenarioGenerator(seed: seed, customerTarget: 40)
        let run = generator.run(events: events)
        return (run.events, run.state)
    }

    /// Report times spread over the scenario's dates and sequences.
    static func sampleTimes(_ state: LedgerState, count: Int, seed: UInt64) -> [ReportTime] {
        var random = SplitMix64(seed: seed)
        var times: [ReportTime] = []
        for _ in 0..<count {
            let asOf = LedgerDate(days: Int32.random(in: 19_700...20_100, using: &random))
            times.append(
                ReportTime(asOf: asOf, knownAt: UInt64.random(in: 1...state.head, using: &random))
            )
        }
        return times
    }

    @Test(arguments: seeds)
    func generatorProducesARealisticMix(seed: UInt64) {
        var generator = LedgerScenarioGenerator(seed: seed, customerTarget: 40)
        let run = generator.run(events: 3000)
        var kinds: Set<String> = []
        for (event, _) in run.events { kinds.insert(event.typeName) }
        #expect(
            kinds.isSuperset(of: [
                "invoice.issued", "payment.received", "payment.allocated", "credit_note.issued",
                "invoice.written_off", "payment.reversed", "invoice.discount_taken",
                "payment.refunded", "invoice.disputed", "invoice.dispute_resolved",
                "invoice.promised",
            ])
        )
        #expect(run.refused < 300)
    }

    @Test(arguments: seeds)
    func replayFromScratchEqualsIncrementalState(seed: UInt64) {
        let (log, state) = Self.scenario(seed)
        var replayed = LedgerState()
        for (event, meta) in log {
            let encoded = EventCodec.encode(event)
            let decoded = try? EventCodec.decode(
                type: encoded.type,
                version: encoded.version,
                payload: encoded.payload
            )
            #expect(decoded == event)
            replayed.evolve(decoded ?? event, meta)
        }
        #expect(replayed == state)
    }

    /// A run that fills the customers' lists at its end makes the state that evolving event by
    /// event makes: from nothing, and from a state part-way through, whose older invoices the
    /// run closes and reopens.
    @Test(arguments: seeds)
    func deferringCustomerListsMakesTheSameState(seed: UInt64) {
        let (log, state) = Self.scenario(seed)
        for split in [0, log.count / 3] {
            var replayed = LedgerState()
            for (event, meta) in log[..<split] { replayed.evolve(event, meta) }
            replayed.evolveDeferringCustomerLists { replayed in
                for (event, meta) in log[split...] { replayed.evolve(event, meta) }
            }
            #expect(replayed == state, "split at \(split)")
            #expect(replayed.customers.count > 0)
        }
        var unchanged = state
        unchanged.evolveDeferringCustomerLists { _ in }
        #expect(unchanged == state)
    }

    @Test(arguments: seeds)
    func snapshotRoundTripEqualsTheState(seed: UInt64) throws {
        let (_, state) = Self.scenario(seed)
        let restored = try LedgerState(snapshot: state.snapshotBytes())
        #expect(restored == state)
        #expect(restored.snapshotBytes() == state.snapshotBytes())
        let time = ReportTime(asOf: date("2025-06-30"), knownAt: state.head)
        #expect(restored.balances(at: time) == state.balances(at: time))
    }

    @Test(arguments: seeds)
    func bucketsAddUpToOpenAndNetIdentityHolds(seed: UInt64) throws {
        let (_, state) = Self.scenario(seed)
        for time in Self.sampleTimes(state, count: 25, seed: seed) {
            let report = state.aging(try AgingQuery(time: time))
            for row in report.rows + report.totals {
                #expect(row.buckets.reduce(Money.zero(row.currency), +) == row.open)
            }
            let balances = state.balances(at: time)
            for row in balances.rows {
                let figures = row.figures
                #expect(
                    figures.net == figures.invoiced - figures.paid - figures.credited
                        - figures.writtenOff
                )
            }
            // Aging's open and unapplied per currency agree with the balances' totals.
            for total in report.totals {
                let balance = balances.totals.first { $0.currency == total.currency }
                #expect(balance?.open == total.open)
                #expect(balance?.unapplied == total.unapplied)
            }
        }
    }

    @Test(arguments: seeds)
    func knownAtIgnoresEveryLaterEvent(seed: UInt64) throws {
        let (log, state) = Self.scenario(seed)
        for time in Self.sampleTimes(state, count: 6, seed: seed &+ 1) {
            var prefix = LedgerState()
            for (event, meta) in log where meta.sequence <= time.knownAt {
                prefix.evolve(event, meta)
            }
            #expect(prefix.balances(at: time) == state.balances(at: time))
            #expect(
                prefix.aging(try AgingQuery(time: time)) == state.aging(try AgingQuery(time: time))
            )
        }
    }

    @Test(arguments: seeds)
    func eventsEffectiveAfterADateNeverChangeAReportAtIt(seed: UInt64) throws {
        let (log, state) = Self.scenario(seed)
        for time in Self.sampleTimes(state, count: 6, seed: seed &+ 2) {
            // Rebuild from only the events that cannot take effect on or before the date:
            // dropping them must not change the report at it.
            var filtered = LedgerState()
            for (event, meta) in log where !Self.isEffectiveOnlyAfter(event, time.asOf) {
                filtered.evolve(event, meta)
            }
            let head = ReportTime(asOf: time.asOf, knownAt: state.head)
            #expect(filtered.balances(at: head).rows == state.balances(at: head).rows)
            #expect(
                filtered.aging(try AgingQuery(time: head)).rows
                    == state.aging(try AgingQuery(time: head)).rows
            )
        }
    }

    /// Whether the event only takes effect after `date` and nothing later depends on its existence.
    static func isEffectiveOnlyAfter(_ event: LedgerEvent, _ date: LedgerDate) -> Bool {
        switch event {
        case .paymentReversed(let event): event.date > date
        case .invoiceWrittenOff(let event): event.date > date
        case .invoiceVoided(let event): event.date > date
        case .paymentAllocated(let event): event.date > date
        case .creditNoteIssued(let event): event.date > date
        case .paymentRefunded(let event): event.date > date
        case .invoiceDiscountTaken(let event): event.date > date
        default: false
        }
    }

    @Test(arguments: seeds)
    func mutatingACopyLeavesTheOriginalUnchanged(seed: UInt64) {
        let (log, state) = Self.scenario(seed, events: 1500)
        let original = state
        let snapshot = state.snapshotBytes()
        var copy = state
        var generator = LedgerScenarioGenerator(seed: seed &+ 99, customerTarget: 40)
        var applied = 0
        while applied < 200 {
            let (command, context) = generator.nextCommand(in: copy)
            guard let events = try? decide(command, copy, context) else { continue }
            for event in events {
                copy.evolve(event, EventMeta(sequence: copy.head + 1, recordedAtMicros: 0))
                applied += 1
            }
        }
        #expect(copy != original)
        #expect(original == state)
        #expect(original.snapshotBytes() == snapshot)
        #expect(log.count == Int(state.head))
    }
}
