/// The parameters of `report.aging`.
package struct AgingQuery: Hashable, Sendable {
    /// What days past due are counted from.
    package enum Basis: String, Hashable, Sendable {
        /// Days since the due date (the default).
        case dueDate = "due_date"
        /// Days since the issue date.
        case invoiceDate = "invoice_date"
    }

    /// How rows are grouped.
    package enum Grouping: String, Hashable, Sendable {
        /// A row per customer and currency.
        case customer
        /// A row per currency.
        case currency
        /// A row per customer segment and currency.
        case segment
    }

    /// The report time.
    package let time: ReportTime
    /// Upper bounds in days of the past-due buckets, strictly increasing; the last bucket is open-ended.
    package let boundaries: [Int]
    /// The basis of days past due.
    package let basis: Basis
    /// The grouping of rows.
    package let grouping: Grouping
    /// Only this customer, if given.
    package let customerID: CustomerID?
    /// Only this currency, if given.
    package let currency: Currency?

    /// Creates a query.
    /// - Throws: ``ParameterError`` unless the boundaries are 1 to 12 strictly increasing
    ///   positive day counts.
    package init(
        time: ReportTime,
        boundaries: [Int] = [30, 60, 90],
        basis: Basis = .dueDate,
        grouping: Grouping = .customer,
        customerID: CustomerID? = nil,
        currency: Currency? = nil
    ) throws(ParameterError) {
        guard (1...12).contains(boundaries.count), let first = boundaries.first, first > 0,
            zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 < $1 }),
            boundaries.last ?? 0 <= 36_500
        else {
            throw .invalidValue(
                "buckets",
                "buckets must be 1 to 12 strictly increasing positive day counts"
            )
        }
        self.time = time
        self.boundaries = boundaries
        self.basis = basis
        self.grouping = grouping
        self.customerID = customerID
        self.currency = currency
    }

    /// Column names: `current`, then `1-30`, `31-60`, …, and the open-ended `91+`.
    package var columns: [String] {
        var columns = ["current"]
        var lower = 1
        for upper in boundaries {
            columns.append("\(lower)-\(upper)")
            lower = upper + 1
        }
        columns.append("\(lower)+")
        return columns
    }

    /// The bucket of `daysPastDue`: 0 (current) for zero or less.
    @inline(__always)
    package func bucket(daysPastDue: Int) -> Int {
        guard daysPastDue > 0 else { return 0 }
        var index = 0
        while index < boundaries.count, daysPastDue > boundaries[index] { index += 1 }
        return index + 1
    }
}
