package import Ledger

extension ReportRequest {
    /// `report.open_items {customer_id?, currency?, as_of?, known_at?}`.
    package struct OpenItems: Hashable, Sendable {
        /// The report time.
        package var time: Time
        /// Only this customer, if given.
        package var customerID: CustomerID?
        /// Only this currency, if given.
        package var currency: Currency?

        /// Reads the params.
        ///
        /// - Throws: -32602 for a malformed member.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> OpenItems {
            let time = try Time.read(&params)
            let customerID: CustomerID? = try params.optionalIdentifier("customer_id")
            let currency = try params.optionalCurrency("currency")
            return OpenItems(time: time, customerID: customerID, currency: currency)
        }
    }

    /// A period `from`...`to`, both inclusive, read with `known_at` and an optional `currency`:
    /// the common params of `report.statement` and `report.kpis`.
    package struct Period: Hashable, Sendable {
        /// The first day.
        package var from: LedgerDate
        /// The last day.
        package var to: LedgerDate
        /// The log position requested.
        package var knownAt: KnownAt
        /// Only this currency, if given.
        package var currency: Currency?

        /// Reads `from`, `to`, `currency` and `known_at`.
        ///
        /// - Throws: -32602 for a missing or malformed member, `invalid_value` when `to` is
        ///   before `from`.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Period {
            let from = try params.date("from")
            let to = try params.date("to")
            guard from <= to else {
                throw params.invalid(
                    "to",
                    reason: "invalid_value",
                    message: "\(params.fieldPath("to")) must not be before from"
                )
            }
            let currency = try params.optionalCurrency("currency")
            let knownAt = try KnownAt.read(&params)
            return Period(from: from, to: to, knownAt: knownAt, currency: currency)
        }

        /// The request time whose resolution gives the sequence `known_at` stands for.
        package var time: Time { Time(asOf: to, knownAt: knownAt) }
    }

    /// `report.statement {customer_id, from, to, currency?, known_at?}`.
    package struct Statement: Hashable, Sendable {
        /// The customer.
        package var customerID: CustomerID
        /// The period and filters.
        package var period: Period

        /// Reads the params.
        ///
        /// - Throws: -32602 for a missing or malformed member.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Statement {
            let customerID: CustomerID = try params.identifier("customer_id")
            return Statement(customerID: customerID, period: try Period.read(&params))
        }
    }
}
