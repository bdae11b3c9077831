package import Ledger

/// The parsed params of the read methods that report on the ledger, before the caller fixes
/// their time: `as_of` defaults to the business date and `known_at` may be a time, both of
/// which only the caller (daemon or CLI) can resolve.
package enum ReportRequest {
    /// `as_of` and `known_at`, which every report takes.
    package struct Time: Hashable, Sendable {
        /// The business date; nil means today in the ledger's time zone.
        package var asOf: LedgerDate?
        /// The log position requested.
        package var knownAt: KnownAt

        /// Creates a request time.
        package init(asOf: LedgerDate? = nil, knownAt: KnownAt = .head) {
            self.asOf = asOf
            self.knownAt = knownAt
        }

        /// Reads `as_of` and `known_at`.
        ///
        /// - Throws: `invalid_date` and the errors of ``KnownAt/read(_:key:)``.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Time {
            let asOf = try params.optionalDate("as_of")
            return Time(asOf: asOf, knownAt: try KnownAt.read(&params))
        }

        /// The report time once the caller knows today and the sequence `known_at` stands for.
        ///
        /// - Parameters:
        ///   - today: The default `as_of`.
        ///   - knownAtSequence: The resolved `known_at`, already capped at the head.
        /// - Returns: The report time.
        package func resolved(today: LedgerDate, knownAtSequence: UInt64) -> ReportTime {
            ReportTime(asOf: asOf ?? today, knownAt: knownAtSequence)
        }
    }

    /// `customer.get {customer_id, as_of?, known_at?}`.
    package struct Customer: Hashable, Sendable {
        /// The customer asked for.
        package var customerID: CustomerID
        /// The report time.
        package var time: Time

        /// Reads the params.
        ///
        /// - Throws: -32602 for a missing or malformed member.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Customer {
            let customerID: CustomerID = try params.identifier("customer_id")
            return Customer(customerID: customerID, time: try Time.read(&params))
        }
    }

    /// `invoice.get {invoice_id, as_of?, known_at?}`.
    package struct Invoice: Hashable, Sendable {
        /// The invoice asked for.
        package var invoiceID: InvoiceID
        /// The report time.
        package var time: Time

        /// Reads the params.
        ///
        /// - Throws: -32602 for a missing or malformed member.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Invoice {
            let invoiceID: InvoiceID = try params.identifier("invoice_id")
            return Invoice(invoiceID: invoiceID, time: try Time.read(&params))
        }
    }

    /// `report.balances {as_of?, known_at?, customer_id?}`.
    package struct Balances: Hashable, Sendable {
        /// The report time.
        package var time: Time
        /// Only this customer's rows, if given.
        package var customerID: CustomerID?

        /// Reads the params.
        ///
        /// - Throws: -32602 for a malformed member.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> Balances {
            let time = try Time.read(&params)
            let customerID: CustomerID? = try params.optionalIdentifier("customer_id")
            return Balances(time: time, customerID: customerID)
        }
    }
}
