package import Ledger

extension ReportRequest {
    /// `customer.list {as_of?, known_at?, segment?, after?, limit?}`.
    package struct CustomerList: Hashable, Sendable {
        /// The report time.
        package var time: Time
        /// Only customers of this segment.
        package var segment: String?
        /// Where to continue: the previous page's `next_cursor`.
        package var after: ListCursor?
        /// The page size, 1…1000, default 100.
        package var limit: Int

        /// Reads the params.
        ///
        /// - Throws: -32602 for a malformed member; `invalid_value` for a bad cursor.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> CustomerList {
            let time = try Time.read(&params)
            let segment = try params.optionalString("segment")
            let page = try readPage(&params)
            return CustomerList(time: time, segment: segment, after: page.after, limit: page.limit)
        }
    }

    /// `invoice.list {as_of?, known_at?, customer_id?, status?, currency?, due_before?,
    /// due_after?, after?, limit?}`.
    package struct InvoiceList: Hashable, Sendable {
        /// The report time.
        package var time: Time
        /// The filters and page, at a placeholder time; ``query(at:)`` puts in the real one.
        private var template: InvoiceListQuery

        /// Reads the params.
        ///
        /// - Throws: -32602 for a malformed member; `invalid_value` for a bad status or cursor.
        package static func read(_ params: inout ParamReader) throws(RPCError) -> InvoiceList {
            let time = try Time.read(&params)
            let customer: CustomerID? = try params.optionalIdentifier("customer_id")
            var status: InvoiceView.Status?
            if params.contains("status") {
                status = try choice(
                    &params,
                    "status",
                    among: [InvoiceView.Status.open, .paid, .voided]
                )
            }
            let currency = try params.optionalCurrency("currency")
            let dueBefore = try params.optionalDate("due_before")
            let dueAfter = try params.optionalDate("due_after")
            let page = try readPage(&params)
            let template = InvoiceListQuery(
                time: ReportTime(asOf: .earliest, knownAt: 0),
                customer: customer,
                status: status,
                currency: currency,
                dueBefore: dueBefore,
                dueAfter: dueAfter,
                after: page.after,
                limit: page.limit
            )
            return InvoiceList(time: time, template: template)
        }

        /// The query at the resolved report time.
        package func query(at reportTime: ReportTime) -> InvoiceListQuery {
            var query = template
            query.time = reportTime
            return query
        }
    }

    /// Reads `after` (an opaque cursor) and `limit` (1…1000, default 100).
    static func readPage(_ params: inout ParamReader) throws(RPCError) -> (
        after: ListCursor?, limit: Int
    ) {
        var after: ListCursor?
        if let token = try params.optionalString("after") {
            guard let cursor = ListCursor(token: token) else {
                throw params.invalid(
                    "after",
                    reason: "invalid_value",
                    message: "\(params.fieldPath("after")) is not a cursor from next_cursor"
                )
            }
            after = cursor
        }
        let maximum = Int64(ListPage<CustomerView>.maximumLimit)
        let limit = try params.optionalInt("limit", in: 1...maximum) ?? 100
        return (after, Int(limit))
    }
}
