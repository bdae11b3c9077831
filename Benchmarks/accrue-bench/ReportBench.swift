import Foundation
import Ledger
import LedgerWire

/// Report latencies on the projection of the generated ledger, as the daemon answers a read:
/// the query on the in-memory state plus rendering the JSON result.
enum ReportBench {
    /// One measured report.
    struct Latency {
        var name: String
        /// The median of the runs, in milliseconds.
        var medianMilliseconds: Double
        /// The slowest run, in milliseconds.
        var maxMilliseconds: Double
        var targetMilliseconds: Double
        var events: Int
    }

    /// Measures `report.statement` (the busiest customer over a year), `report.kpis` (a
    /// quarter, every currency) and, for comparison, `report.aging`, `report.balances` and
    /// `report.open_items`.
    static func run(_ state: LedgerState, runs: Int = 7) -> [Latency] {
        let events = Int(state.head)
        var busiest = 0
        for index in 0..<state.customers.count
        where state.customers[index].invoices.count > state.customers[busiest].invoices.count {
            busiest = index
        }
        let customer = state.customers[busiest].id
        let lastDay = latestIssueDate(state)
        let yearStart = lastDay.adding(days: -364)
        let quarterStart = lastDay.adding(days: -89)
        let time = ReportTime(asOf: lastDay, knownAt: state.head)
        var results: [Latency] = []
        results.append(
            measure("report.statement (1 customer, 1 year)", runs: runs, events: events) { writer in
                guard
                    let report = state.statement(
                        customer: customer,
                        from: yearStart,
                        to: lastDay,
                        knownAt: state.head
                    )
                else { preconditionFailure("busiest customer has no statement") }
                writer.statementReport(report, requested: .head)
            }
        )
        results.append(
            measure("report.kpis (1 quarter)", runs: runs, events: events) { writer in
                writer.kpiReport(
                    state.kpis(from: quarterStart, to: lastDay, knownAt: state.head),
                    requested: .head
                )
            }
        )
        results.append(
            measure("report.aging (by customer)", runs: runs, events: events) { writer in
                guard let query = try? AgingQuery(time: time) else { preconditionFailure("query") }
                writer.agingReport(state.aging(query), requested: .head)
            }
        )
        results.append(
            measure("report.balances (every customer)", runs: runs, events: events) { writer in
                writer.balancesReport(state.balances(at: time), requested: .head)
            }
        )
        // A historical question: the aging a year before the last issue date, as known when
        // half of the log was written (the AR core's target: within 1.5 s at a million events).
        let history = ReportTime(asOf: lastDay.adding(days: -365), knownAt: state.head / 2)
        results.append(
            measure(
                "report.aging (as of a year earlier, known at mid-log)",
                runs: runs,
                events: events,
                target: 1_500
            ) { writer in
                guard let query = try? AgingQuery(time: history) else {
                    preconditionFailure("query")
                }
                writer.agingReport(state.aging(query), requested: .sequence(history.knownAt))
            }
        )
        results.append(
            measure("report.open_items (1 customer)", runs: runs, events: events) { writer in
                writer.openItemsReport(
                    state.openItems(at: time, customer: customer, currency: nil),
                    requested: .head
                )
            }
        )
        return results
    }

    private static func latestIssueDate(_ state: LedgerState) -> LedgerDate {
        var latest = LedgerDate.earliest
        state.invoices.forEach { latest = max(latest, $0.pointee.issueDate) }
        return latest
    }

    /// Runs `body` `runs` times and reports the median and slowest against `target` ms.
    static func measure(
        _ name: String,
        runs: Int,
        events: Int,
        target: Double = 200,
        _ body: (inout JSONWriter) -> Void
    ) -> Latency {
        var samples: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            var writer = JSONWriter()
            let start = DispatchTime.now().uptimeNanoseconds
            body(&writer)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            bytes = writer.bytes.count
        }
        samples.sort()
        let latency = Latency(
            name: name,
            medianMilliseconds: samples[samples.count / 2],
            maxMilliseconds: samples[samples.count - 1],
            targetMilliseconds: target,
            events: events
        )
        print(
            String(
                format: "  %-40@ median %8.2f ms, max %8.2f ms (%d bytes of JSON)",
                name as NSString,
                latency.medianMilliseconds,
                latency.maxMilliseconds,
                bytes
            )
        )
        return latency
    }
}
