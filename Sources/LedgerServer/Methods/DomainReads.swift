internal import Ledger
internal import LedgerStorage
package import LedgerWire

/// The domain's read methods: reports and entity lookups answered from the published
/// projection, which is bitemporal, so `as_of` and `known_at` need no replay.
package enum DomainReads {
    package static func aging(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Aging.read(&params)
        let time = try context.reportTime(request.time)
        output.agingReport(
            context.state.aging(request.query(at: time)),
            requested: request.time.knownAt
        )
    }

    package static func balances(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Balances.read(&params)
        let time = try context.reportTime(request.time)
        let report = context.state.balances(at: time, customer: request.customerID)
        output.balancesReport(report, requested: request.time.knownAt)
    }

    package static func customer(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Customer.read(&params)
        let time = try context.reportTime(request.time)
        guard let view = context.state.customerView(request.customerID, at: time) else {
            throw RPCError.rejected(
                reason: "unknown_customer",
                message: "no customer \(request.customerID) known at sequence \(time.knownAt)"
            )
        }
        output.customerView(
            view,
            time: time,
            requested: request.time.knownAt,
            dunning: DunningReads.standing(of: view.record, in: context.state, at: time)
        )
    }

    package static func invoice(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Invoice.read(&params)
        let time = try context.reportTime(request.time)
        guard let view = context.state.invoiceView(request.invoiceID, at: time) else {
            throw RPCError.rejected(
                reason: "unknown_invoice",
                message:
                    "no invoice \(request.invoiceID) issued by \(time.asOf) and known at sequence \(time.knownAt)"
            )
        }
        output.invoiceView(view, time: time, requested: request.time.knownAt)
    }

    package static func customerList(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.CustomerList.read(&params)
        let time = try context.reportTime(request.time)
        let page = context.state.customerList(
            at: time,
            segment: request.segment,
            after: request.after,
            limit: request.limit
        )
        output.customerList(page, time: time, requested: request.time.knownAt)
    }

    package static func invoiceList(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.InvoiceList.read(&params)
        let time = try context.reportTime(request.time)
        let page = context.state.invoiceList(request.query(at: time))
        output.invoiceList(page, time: time, requested: request.time.knownAt)
    }
}
