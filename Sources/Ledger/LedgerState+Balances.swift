extension LedgerState {
    /// `report.balances` at `time`, optionally for one customer.
    ///
    /// For every customer it walks the invoice, payment and credit-note stores once each, in
    /// storage order, adding each record to its customer's sums: records of one customer lie
    /// far apart (they were recorded among everyone else's), so visiting them customer by
    /// customer would miss the cache on nearly every record. At a million events that walk took
    /// half a second; in storage order the hardware reads ahead.
    package func balances(at time: ReportTime, customer: CustomerID? = nil) -> BalancesReport {
        var rows: [BalanceRow] = []
        var totals = CurrencyAccumulator()
        let add = { (index: Int, sums: CurrencyAccumulator) in
            for share in sums.nonZero {
                rows.append(
                    BalanceRow(customerID: self.customers[index].id, figures: share.figures)
                )
                totals.add(share)
            }
        }
        if let customer {
            if let index = customerIndex(customer) { add(index, sums(ofCustomer: index, at: time)) }
        } else {
            for (index, sums) in everyCustomersSums(at: time).enumerated() { add(index, sums) }
        }
        rows.sort { lhs, rhs in
            lhs.customerID != rhs.customerID
                ? lhs.customerID < rhs.customerID : lhs.figures.currency < rhs.figures.currency
        }
        return BalancesReport(time: time, rows: rows, totals: totals.sorted.map(\.figures))
    }

    /// One customer's non-zero figures per currency at `time`, sorted by currency.
    package func balances(ofCustomer index: Int, at time: ReportTime) -> [BalanceFigures] {
        sums(ofCustomer: index, at: time).nonZero.map(\.figures)
    }

    /// One customer's sums per currency at `time`, from the customer's own lists.
    private func sums(ofCustomer index: Int, at time: ReportTime) -> CurrencyAccumulator {
        let record = customers[index]
        var sums = CurrencyAccumulator()
        guard record.registeredSequence <= time.knownAt else { return sums }
        for invoice in record.invoices {
            invoices.withAddress(of: Int(invoice)) { sums.add(.init(of: $0, at: time)) }
        }
        for payment in record.payments {
            payments.withAddress(of: Int(payment)) { sums.add(.init(of: $0, at: time)) }
        }
        for creditNote in record.creditNotes {
            creditNotes.withAddress(of: Int(creditNote)) { sums.add(.init(of: $0, at: time)) }
        }
        return sums
    }

    /// Every customer's sums per currency at `time`, by customer index, from one walk over each
    /// record store in storage order.
    private func everyCustomersSums(at time: ReportTime) -> [CurrencyAccumulator] {
        var sums = Array(repeating: CurrencyAccumulator(), count: customers.count)
        invoices.forEach { sums[Int($0.pointee.customer)].add(.init(of: $0, at: time)) }
        payments.forEach { sums[Int($0.pointee.customer)].add(.init(of: $0, at: time)) }
        creditNotes.forEach { sums[Int($0.pointee.customer)].add(.init(of: $0, at: time)) }
        var position = 0
        customers.forEach { customer in
            if customer.pointee.registeredSequence > time.knownAt { sums[position] = .init() }
            position += 1
        }
        return sums
    }
}

/// Running sums in minor units per currency; a customer has few currencies, so a small array.
struct CurrencyAccumulator {
    /// One currency's sums, or one record's share of them.
    struct Sums {
        var currency: Currency
        var invoiced: Int64 = 0
        var paid: Int64 = 0
        var credited: Int64 = 0
        var writtenOff: Int64 = 0
        var open: Int64 = 0
        var unapplied: Int64 = 0

        /// What `invoice` contributes at `time`: nil unless it counts then.
        init?(of invoice: UnsafePointer<InvoiceRecord>, at time: ReportTime) {
            guard invoice.pointee.counts(at: time) else { return nil }
            let applied = invoice.pointee.appliedTotals(at: time)
            currency = invoice.pointee.currency
            invoiced = invoice.pointee.amount.minorUnits
            credited = applied.discounted
            writtenOff = applied.writtenOff
            open = invoiced - applied.total
        }

        /// What `payment` contributes at `time`: nil unless it counts then.
        init?(of payment: UnsafePointer<PaymentRecord>, at time: ReportTime) {
            guard payment.pointee.counts(at: time) else { return nil }
            currency = payment.pointee.currency
            paid = payment.pointee.paid(at: time)
            unapplied = payment.pointee.unapplied(at: time)
        }

        /// What `creditNote` contributes at `time`: nil unless it is visible then. A credit
        /// note on account is also unapplied credit.
        init?(of creditNote: UnsafePointer<CreditNoteRecord>, at time: ReportTime) {
            guard creditNote.pointee.time.isVisible(at: time) else { return nil }
            currency = creditNote.pointee.amount.currency
            credited = creditNote.pointee.amount.minorUnits
            unapplied = creditNote.pointee.invoice == nil ? credited : 0
        }

        /// Adds `share`'s figures (of the same currency).
        mutating func add(_ share: Sums) {
            invoiced += share.invoiced
            paid += share.paid
            credited += share.credited
            writtenOff += share.writtenOff
            open += share.open
            unapplied += share.unapplied
        }

        /// Whether every sum is zero, so the row may be left out.
        var isZero: Bool {
            invoiced == 0 && paid == 0 && credited == 0 && writtenOff == 0 && open == 0
                && unapplied == 0
        }

        /// The sums as figures.
        var figures: BalanceFigures {
            var figures = BalanceFigures(currency: currency)
            figures.invoiced = Money(minorUnits: invoiced, currency: currency)
            figures.paid = Money(minorUnits: paid, currency: currency)
            figures.credited = Money(minorUnits: credited, currency: currency)
            figures.writtenOff = Money(minorUnits: writtenOff, currency: currency)
            figures.open = Money(minorUnits: open, currency: currency)
            figures.unapplied = Money(minorUnits: unapplied, currency: currency)
            return figures
        }
    }

    private var entries: [Sums] = []

    /// Adds one record's share, if it has one, to the sums of its currency.
    mutating func add(_ share: Sums?) {
        guard let share else { return }
        if let position = entries.firstIndex(where: { $0.currency == share.currency }) {
            entries[position].add(share)
        } else {
            entries.append(share)
        }
    }

    /// Every currency's sums, sorted by currency.
    var sorted: [Sums] { entries.sorted { $0.currency < $1.currency } }

    /// The non-zero sums, sorted by currency.
    var nonZero: [Sums] { sorted.filter { !$0.isZero } }
}
