import Ledger
import Testing

/// Properties of generated scenarios that define policies and run dunning every few days.
struct DunningPropertyTests {
    static let seeds: [UInt64] = [3, 11, 2026]

    static func scenario(_ seed: UInt64) -> (log: [(LedgerEvent, EventMeta)], state: LedgerState) {
        var generator = LedgerScenarioGenerator(seed: seed, customerTarget: 40)
        generator.includesDunning = true
        let run = generator.run(events: 4000)
        return (run.events, run.state)
    }

    @Test(arguments: seeds)
    func replayAndSnapshotReproduceTheDunningState(seed: UInt64) throws {
        let (log, state) = Self.scenario(seed)
        let types = Set(log.map(\.0.typeName))
        #expect(
            types.isSuperset(of: [
                "dunning.policy_defined", "reminder.sent", "dunning.customer_overridden",
            ])
        )
        var replayed = LedgerState()
        for (event, meta) in log {
            let encoded = EventCodec.encode(event)
            let decoded = try EventCodec.decode(
                type: encoded.type,
                version: encoded.version,
                payload: encoded.payload
            )
            #expect(decoded == event)
            replayed.evolve(decoded, meta)
        }
        #expect(replayed == state)
        let restored = try LedgerState(snapshot: state.snapshotBytes())
        #expect(restored == state)
        #expect(restored.snapshotBytes() == state.snapshotBytes())
    }

    @Test(arguments: seeds)
    func everyInvoiceStepIsSentOnceAndRunningAgainAddsNothing(seed: UInt64) throws {
        let (log, state) = Self.scenario(seed)
        var seen = Set<String>()
        for case (.reminderSent(let reminder), _) in log {
            for item in reminder.items {
                #expect(seen.insert("\(item.invoiceID)|\(item.dueDate)|\(item.step)").inserted)
            }
        }
        #expect(!seen.isEmpty)
        let lastRun = log.compactMap { event, _ -> LedgerDate? in
            guard case .reminderSent(let reminder) = event else { return nil }
            return reminder.date
        }.max()
        let day = try #require(lastRun)
        // Run on that date at the end of the stream, then once more: the second adds nothing.
        var settled = state
        let context = DecisionContext(today: day)
        for event in try decide(.runDunning(RunDunning(asOf: day)), state, context) {
            settled.evolve(
                event,
                EventMeta(
                    sequence: settled.head + 1,
                    recordedAtMicros: settled.headRecordedAtMicros
                )
            )
        }
        #expect(try decide(.runDunning(RunDunning(asOf: day)), settled, context).isEmpty)
    }
}
