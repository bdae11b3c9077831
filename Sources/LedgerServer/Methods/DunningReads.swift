internal import Ledger
package import LedgerWire

/// The dunning reports for readers: the worklist, the cash forecast and the risk tiers.
package enum DunningReads {
    /// A customer's risk at `time` and the policy in force, for `customer.get`.
    static func standing(of customer: CustomerRecord, in state: LedgerState, at time: ReportTime)
        -> CustomerDunning?
    {
        guard let index = state.customerIndex(customer.id) else { return nil }
        let policy = state.dunningPolicy(for: customer, at: time)
        return CustomerDunning(
            risk: state.riskAssessment(customer: index, at: time),
            policy: policy.map { ($0.policy.id, $0.source) }
        )
    }

    package static func worklist(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Worklist.read(&params)
        let time = try context.reportTime(request.time)
        var report = context.state.worklist(at: time)
        let total = report.rows.count
        if let limit = request.limit { report.rows = Array(report.rows.prefix(limit)) }
        output.worklistReport(report, total: total, requested: request.time.knownAt)
    }

    package static func forecast(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Forecast.read(&params)
        let time = try context.reportTime(request.time)
        output.forecastReport(
            context.state.forecast(at: time, weeks: request.weeks),
            requested: request.time.knownAt
        )
    }

    package static func risk(
        _ params: inout ParamReader,
        _ context: some ReportSource,
        _ output: inout JSONWriter
    ) throws {
        let request = try ReportRequest.Risk.read(&params)
        let time = try context.reportTime(request.time)
        let state = context.state
        var rows: [(CustomerID, RiskAssessment)] = []
        if let id = request.customerID {
            guard let index = state.customerIndex(id),
                state.customers[index].registeredSequence <= time.knownAt
            else {
                throw RPCError.rejected(reason: "unknown_customer", message: "no customer \(id)")
            }
            rows.append((id, state.riskAssessment(customer: index, at: time)))
        } else {
            for index in 0..<state.customers.count
            where state.customers[index].registeredSequence <= time.knownAt {
                rows.append(
                    (state.customers[index].id, state.riskAssessment(customer: index, at: time))
                )
            }
        }
        output.riskReport(rows, time: time, requested: request.time.knownAt)
    }
}
