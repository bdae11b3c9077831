internal import Ledger
internal import LedgerStorage
package import LedgerWire

/// The collection reports: open items, statements and KPIs, answered from the published
/// bitemporal projection like the others in ``DomainReads``.
package enum DomainCollectionReads {
    package static func openItems(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.OpenItems.read(&params)
        let time = try context.reportTime(request.time)
        let report = context.state.openItems(
            at: time,
            customer: request.customerID,
            currency: request.currency
        )
        output.openItemsReport(report, requested: request.time.knownAt)
    }

    package static func statement(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Statement.read(&params)
        let period = request.period
        let knownAt = try context.reportTime(period.time).knownAt
        guard
            let report = context.state.statement(
                customer: request.customerID,
                from: period.from,
                to: period.to,
                knownAt: knownAt,
                currency: period.currency
            )
        else {
            throw RPCError.rejected(
                reason: "unknown_customer",
                message: "no customer \(request.customerID) known at sequence \(knownAt)"
            )
        }
        output.statementReport(report, requested: period.knownAt)
    }

    package static func kpis(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let period = try ReportRequest.Period.read(&params)
        let knownAt = try context.reportTime(period.time).knownAt
        let report = context.state.kpis(
            from: period.from,
            to: period.to,
            knownAt: knownAt,
            currency: period.currency
        )
        output.kpiReport(report, requested: period.knownAt)
    }
}
