import Foundation
import Ledger

/// The writer's publish cycle on a large ledger, without I/O: copy the state (as the daemon
/// publishes it after each commit batch, the previous version being released), then evolve the
/// next batch of events into it, over and over.
///
/// Printed next to the same events evolved without publishing, so the difference is what the
/// structure pays to copy shared storage after each publish, and with the time of the KPI query,
/// which walks every invoice as reports do. Each figure is the best of `rounds` passes, since the
/// machine may be shared.
enum PublishBench {
    /// Builds a ledger of about `invoices` invoices from the scenario generator (seed 42), then
    /// times evolving the following `tailEvents` generated events, `batch` per publish.
    static func run(
        invoices: Int = 250_000,
        tailEvents: Int = 40_000,
        batch: Int = 20,
        rounds: Int = 5
    ) {
        // About a third of the generated events issue an invoice.
        let prefix = invoices * 3
        print("generating \(prefix + tailEvents) events (seed 42)…")
        var generator = LedgerScenarioGenerator(seed: 42)
        let events = generator.run(events: prefix + tailEvents).events
        var base = LedgerState()
        for (event, meta) in events[..<prefix] { base.evolve(event, meta) }
        let tail = Array(events[prefix...])
        let published = best(of: rounds) { pass(tail, from: base, batch: batch, publishing: true) }
        let inPlace = best(of: rounds) { pass(tail, from: base, batch: batch, publishing: false) }
        let kpis = best(of: rounds) { walk(base, to: generator.today) }
        let perEvent = 1e6 / Double(tail.count)
        print(
            String(
                format:
                    "publish every %d events on %d invoices: %.3f µs/event (%.3f µs without publishing; best of %d)",
                batch,
                base.invoices.count,
                published * perEvent,
                inPlace * perEvent,
                rounds
            )
        )
        print(
            String(
                format: "kpis over %d invoices: %.2f ms (best of %d)",
                base.invoices.count,
                kpis * 1e3,
                rounds
            )
        )
    }

    /// Seconds one pass over `tail` takes, starting from a copy of `base`.
    private static func pass(
        _ tail: [(LedgerEvent, EventMeta)],
        from base: LedgerState,
        batch: Int,
        publishing: Bool
    ) -> Double {
        var state = base
        var readers = base
        let start = DispatchTime.now().uptimeNanoseconds
        for (offset, (event, meta)) in tail.enumerated() {
            if publishing, offset % batch == 0 { readers = state }
            state.evolve(event, meta)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        precondition(readers.head <= state.head, "published state ahead of the writer")
        return seconds
    }

    /// Seconds `report.kpis`'s query over the quarter to `day` takes: a walk over every
    /// invoice, as reports pay it.
    private static func walk(_ state: LedgerState, to day: LedgerDate) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let report = state.kpis(from: day.adding(days: -89), to: day, knownAt: state.head)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        precondition(!report.rows.isEmpty, "the scenario has sales")
        return seconds
    }

    /// The fastest of `rounds` runs of `body`, in seconds.
    private static func best(of rounds: Int, _ body: () -> Double) -> Double {
        (0..<rounds).map { _ in body() }.min() ?? 0
    }
}
