/// `report.aging`: open amounts by days past due, per group and currency, with totals.
package struct AgingReport: Hashable, Sendable {
    /// What a row is grouped by.
    package enum Group: Hashable, Sendable {
        /// One customer.
        case customer(CustomerID)
        /// A whole currency (also the group of every total).
        case currency
        /// A customer segment; nil for customers without one.
        case segment(String?)
    }

    /// One row: the open amount in buckets, the open total and the unapplied amount.
    package struct Row: Hashable, Sendable {
        /// The group.
        package let group: Group
        /// The currency.
        package let currency: Currency
        /// One amount per column; they add up to ``open``.
        package let buckets: [Money]
        /// The open amount, unclamped.
        package let open: Money
        /// Unapplied cash and on-account credit, never in a bucket.
        package let unapplied: Money

        /// Creates a row.
        package init(
            group: Group,
            currency: Currency,
            buckets: [Money],
            open: Money,
            unapplied: Money
        ) {
            self.group = group
            self.currency = currency
            self.buckets = buckets
            self.open = open
            self.unapplied = unapplied
        }
    }

    /// The query answered.
    package let query: AgingQuery
    /// The column names, matching each row's buckets.
    package let columns: [String]
    /// Rows sorted by group, then currency; all-zero rows left out.
    package let rows: [Row]
    /// Totals per currency, sorted by currency.
    package let totals: [Row]

    /// Creates a report.
    package init(query: AgingQuery, columns: [String], rows: [Row], totals: [Row]) {
        self.query = query
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }
}
