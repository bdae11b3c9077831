package import Ledger
package import LedgerStorage
package import LedgerWire

/// What the report methods read: a projection, and how a request's `as_of` and `known_at`
/// resolve against it. The daemon answers from its published state (``ReadContext``), the
/// CLI's `--data-dir` from a ledger directory, through the same handlers, so both print the
/// same bytes.
package protocol ReportSource {
    /// The projection at the head the source knows.
    var state: LedgerState { get }
    /// The report time `request` asks for: `as_of` defaults to today in the business time
    /// zone, `known_at` is capped at the head.
    func reportTime(_ request: ReportRequest.Time) throws -> ReportTime
}

/// Every report and lookup answered from the projection, by method name.
package enum ReportMethods {
    /// Decodes a report's params, computes it from the source and writes its result.
    package typealias Handler =
        @Sendable (inout ParamReader, any ReportSource, inout JSONWriter) throws -> Void

    /// The methods, in the order `system.describe` lists them.
    package static let table: [(name: String, handler: Handler)] = [
        ("report.aging", { try DomainReads.aging(&$0, $1, &$2) }),
        ("report.balances", { try DomainReads.balances(&$0, $1, &$2) }),
        ("customer.get", { try DomainReads.customer(&$0, $1, &$2) }),
        ("invoice.get", { try DomainReads.invoice(&$0, $1, &$2) }),
        ("customer.list", { try DomainReads.customerList(&$0, $1, &$2) }),
        ("invoice.list", { try DomainReads.invoiceList(&$0, $1, &$2) }),
        ("report.open_items", { try DomainCollectionReads.openItems(&$0, $1, &$2) }),
        ("report.statement", { try DomainCollectionReads.statement(&$0, $1, &$2) }),
        ("report.kpis", { try DomainCollectionReads.kpis(&$0, $1, &$2) }),
        ("report.worklist", { try DunningReads.worklist(&$0, $1, &$2) }),
        ("report.forecast", { try DunningReads.forecast(&$0, $1, &$2) }),
        ("report.risk", { try DunningReads.risk(&$0, $1, &$2) }),
    ]

    /// The handler of report method `name`, if it is one.
    package static func handler(named name: String) -> Handler? {
        table.first { $0.name == name }?.handler
    }

    /// The methods on the socket, for readers.
    static let specs: [MethodSpec] = table.map { entry in
        MethodSpec(name: entry.name, role: .reader, kind: .read { try entry.handler(&$0, $1, &$2) })
    }
}

extension ReadContext: ReportSource {
    func reportTime(_ request: ReportRequest.Time) throws -> ReportTime {
        try engine.log.reportTime(request, head: head.sequence, today: engine.businessToday())
    }
}

extension EventLog {
    /// The report time `request` asks for against a projection at `head`: `as_of` defaults to
    /// `today`; `known_at` is capped at `head`, and a time is resolved through the log's
    /// recorded-at times. The daemon and `accrue --data-dir` both resolve through this.
    package func reportTime(_ request: ReportRequest.Time, head: UInt64, today: LedgerDate) throws -> ReportTime {
        let sequence: UInt64
        switch request.knownAt {
        case .head: sequence = head
        case .sequence(let requested): sequence = min(requested, head)
        case .time(let micros, _): sequence = min(try self.sequence(recordedAtOrBefore: micros), head)
        }
        return request.resolved(today: today, knownAtSequence: sequence)
    }
}
