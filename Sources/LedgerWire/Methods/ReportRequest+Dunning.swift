package import Ledger

extension ReportRequest {
    /// `report.worklist {as_of?, known_at?, limit?}`: the first `limit` rows (1…10000, default
    /// all).
    package struct Worklist: Hashable, Sendable {
        /// The report time.
        package var time: Time
        /// The most rows to return, if limited.
        package var limit: Int?

        /// Reads the params.
        ///
        /// - Throws: -32602 for a malformed member or a limit out of range.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Worklist {
            let time = try Time.read(&params)
            let limit = try params.optionalInt("limit", in: 1...10_000).map(Int.init)
            return Worklist(time: time, limit: limit)
        }
    }

    /// `report.forecast {from?, weeks?, known_at?}`: `from` defaults to today, `weeks` to 8
    /// (1 to 52).
    package struct Forecast: Hashable, Sendable {
        /// The first day (as `as_of`) and the log position.
        package var time: Time
        /// How many ISO weeks.
        package var weeks: Int

        /// Reads the params.
        ///
        /// - Throws: -32602 for a malformed member or weeks out of range.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Forecast {
            let from = try params.optionalDate("from")
            let weeks = try params.optionalInt("weeks", in: 1...52) ?? 8
            return Forecast(
                time: Time(asOf: from, knownAt: try KnownAt.read(&params)),
                weeks: Int(weeks)
            )
        }
    }

    /// `report.risk {customer_id?, as_of?, known_at?}`.
    package struct Risk: Hashable, Sendable {
        /// The report time.
        package var time: Time
        /// Only this customer, if given.
        package var customerID: CustomerID?

        /// Reads the params.
        ///
        /// - Throws: -32602 for a malformed member.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Risk {
            let time = try Time.read(&params)
            return Risk(time: time, customerID: try params.optionalIdentifier("customer_id"))
        }
    }
}
