extension LedgerState {
    /// `report.aging`: each counted invoice's open amount at the query's time goes into the bucket
    /// of its days past due (as-of minus due or issue date; zero or less is current).
    ///
    /// Works per customer with flat running sums, so the loop over invoices allocates nothing.
    package func aging(_ query: AgingQuery) -> AgingReport {
        let time = query.time
        var sums = AgingSums(width: query.boundaries.count + 3, customers: customers.count)
        let unappliedColumn = sums.width - 1
        // -1 matches every customer; an unknown customer matches none.
        let only: Int32 = query.customerID.map { customerIndex($0).map(Int32.init) ?? -2 } ?? -1
        let wanted = { (customer: Int32, currency: Currency) -> Bool in
            (only == -1 || customer == only) && (query.currency.map { $0 == currency } ?? true)
        }
        // Linear scans in storage order keep memory access sequential.
        invoices.forEach { invoice in
            guard wanted(invoice.pointee.customer, invoice.pointee.currency) else { return }
            let open = invoice.pointee.openAmount(at: time)
            guard open != 0 else { return }
            guard invoice.pointee.instalments.isEmpty || query.basis == .invoiceDate else {
                // Each instalment ages by its own due date; the oldest fill first.
                for part in invoice.pointee.schedule(openAmount: open) where part.open != 0 {
                    let bucket = query.bucket(daysPastDue: time.asOf.days(since: part.dueDate))
                    sums.add(
                        part.open,
                        customer: invoice.pointee.customer,
                        currency: invoice.pointee.currency,
                        column: bucket
                    )
                }
                return
            }
            let reference =
                query.basis == .dueDate ? invoice.pointee.dueDate : invoice.pointee.issueDate
            let bucket = query.bucket(daysPastDue: time.asOf.days(since: reference))
            sums.add(
                open,
                customer: invoice.pointee.customer,
                currency: invoice.pointee.currency,
                column: bucket
            )
        }
        payments.forEach { payment in
            guard wanted(payment.pointee.customer, payment.pointee.currency) else { return }
            let unapplied = payment.pointee.unapplied(at: time)
            guard unapplied != 0 else { return }
            sums.add(
                unapplied,
                customer: payment.pointee.customer,
                currency: payment.pointee.currency,
                column: unappliedColumn
            )
        }
        creditNotes.forEach { creditNote in
            guard creditNote.pointee.invoice == nil, creditNote.pointee.time.isVisible(at: time),
                wanted(creditNote.pointee.customer, creditNote.pointee.amount.currency)
            else { return }
            sums.add(
                creditNote.pointee.amount.minorUnits,
                customer: creditNote.pointee.customer,
                currency: creditNote.pointee.amount.currency,
                column: unappliedColumn
            )
        }
        var groups: [GroupKey: [Int64]] = [:]
        for (customer, currency, values) in sums.rows {
            let group = customers.withAddress(of: customer) { groupOf($0, query.grouping) }
            let key = GroupKey(group: group, currency: currency)
            // A row's own sums start its group (by customer, every group has one row).
            if let existing = groups.index(forKey: key) {
                groups.values[existing].add(values)
            } else {
                groups[key] = values
            }
        }
        return assembleAging(query, groups: groups)
    }

    private func groupOf(_ customer: UnsafePointer<CustomerRecord>, _ grouping: AgingQuery.Grouping)
        -> AgingReport.Group
    {
        switch grouping {
        case .customer: .customer(customer.pointee.id)
        case .currency: .currency
        case .segment: .segment(customer.pointee.segment)
        }
    }

    private func assembleAging(_ query: AgingQuery, groups: [GroupKey: [Int64]]) -> AgingReport {
        let width = query.boundaries.count + 3
        var totals: [Currency: [Int64]] = [:]
        var rows: [AgingReport.Row] = []
        for (key, values) in groups where values.contains(where: { $0 != 0 }) {
            rows.append(makeRow(key.group, key.currency, values))
            totals[key.currency, default: [Int64](repeating: 0, count: width)].add(values)
        }
        // Sorting positions on precomputed byte keys, compared in one pass: comparing the
        // groups' strings afresh in every one of the n log n comparisons dominated the report
        // at 10,000 customers, and moving whole rows about in the sort cost a copy each.
        let keys = rows.map { GroupKey.sortKey($0.group) }
        let order = rows.indices.sorted { lhs, rhs in
            let byGroup = GroupKey.compare(keys[lhs], keys[rhs])
            return byGroup != 0 ? byGroup < 0 : rows[lhs].currency < rows[rhs].currency
        }
        rows = order.map { rows[$0] }
        let totalRows = totals.keys.sorted().compactMap { currency in
            totals[currency].map { makeRow(.currency, currency, $0) }
        }
        return AgingReport(query: query, columns: query.columns, rows: rows, totals: totalRows)
    }

    private func makeRow(_ group: AgingReport.Group, _ currency: Currency, _ values: [Int64])
        -> AgingReport.Row
    {
        let buckets = values.dropLast().map { Money(minorUnits: $0, currency: currency) }
        let open = values.dropLast().reduce(0, +)
        return AgingReport.Row(
            group: group,
            currency: currency,
            buckets: buckets,
            open: Money(minorUnits: open, currency: currency),
            unapplied: Money(minorUnits: values[values.count - 1], currency: currency)
        )
    }
}

/// Running aging sums per customer and currency in one flat buffer, without allocating per invoice.
private struct AgingSums {
    let width: Int
    /// Per customer, the slot of its first currency, or -1.
    private var firstSlot: [Int32]
    /// Slots of further (customer, currency) pairs; rare, as most customers use one currency.
    private var otherSlots: [Int64: Int32] = [:]
    private var keys: [(Int, Currency)] = []
    private var values: [Int64] = []

    init(width: Int, customers: Int) {
        self.width = width
        firstSlot = [Int32](repeating: -1, count: customers)
    }

    @inline(__always)
    mutating func add(_ amount: Int64, customer: Int32, currency: Currency, column: Int) {
        values[slot(customer: Int(customer), currency: currency) * width + column] += amount
    }

    private mutating func slot(customer: Int, currency: Currency) -> Int {
        let first = firstSlot[customer]
        if first >= 0, keys[Int(first)].1 == currency { return Int(first) }
        let key = Int64(customer) << 32 | Int64(currency.packedCode)
        if first >= 0, let other = otherSlots[key] { return Int(other) }
        let slot = keys.count
        keys.append((customer, currency))
        values.append(contentsOf: repeatElement(0, count: width))
        if first < 0 { firstSlot[customer] = Int32(slot) } else { otherSlots[key] = Int32(slot) }
        return slot
    }

    /// Every customer and currency seen, with its sums.
    var rows: [(Int, Currency, [Int64])] {
        keys.enumerated().map { slot, key in
            (key.0, key.1, Array(values[(slot * width)..<((slot + 1) * width)]))
        }
    }
}

/// A row's identity while aging accumulates.
private struct GroupKey: Hashable {
    var group: AgingReport.Group
    var currency: Currency

    /// The key that orders groups: customers and segments by the bytes of their text, a
    /// missing segment first (a leading 0 byte sorts before the 1 every text starts with).
    static func sortKey(_ group: AgingReport.Group) -> [UInt8] {
        let text: String? =
            switch group {
            case .customer(let id): id.rawValue
            case .currency: ""
            case .segment(let segment): segment
            }
        guard let text else { return [0] }
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count + 1)
        key.append(1)
        key.append(contentsOf: text.utf8)
        return key
    }

    /// Orders two sort keys by their bytes: negative, zero or positive.
    static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { PayloadReader.compare(left, $0) } }
    }
}

extension Array where Element == Int64 {
    fileprivate mutating func add(_ other: [Int64]) {
        for index in indices { self[index] += other[index] }
    }
}
