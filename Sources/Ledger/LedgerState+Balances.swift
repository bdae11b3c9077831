extension LedgerState {
    /// `report.balances` at `time`, optionally for one customer.
    package func balances(at time: ReportTime, customer: CustomerID? = nil) -> BalancesReport {
        var rows: [BalanceRow] = []
        var totals: [Currency: BalanceFigures] = [:]
        let visit = { (index: Int) in
            let record = self.customers[index]
            for figures in self.balances(ofCustomer: index, at: time) {
                rows.append(BalanceRow(customerID: record.id, figures: figures))
                totals[figures.currency, default: BalanceFigures(currency: figures.currency)].add(
                    figures
                )
            }
        }
        if let customer {
            if let index = customerIndex(customer) { visit(index) }
        } else {
            for index in 0..<customers.count { visit(index) }
        }
        rows.sort { lhs, rhs in
            lhs.customerID != rhs.customerID
                ? lhs.customerID < rhs.customerID : lhs.figures.currency < rhs.figures.currency
        }
        return BalancesReport(
            time: time,
            rows: rows,
            totals: totals.values.sorted { $0.currency < $1.currency }
        )
    }

    /// One customer's non-zero figures per currency at `time`, sorted by currency.
    package func balances(ofCustomer index: Int, at time: ReportTime) -> [BalanceFigures] {
        let record = customers[index]
        guard record.registeredSequence <= time.knownAt else { return [] }
        var accumulator = CurrencyAccumulator()
        for invoiceIndex in record.invoices {
            let invoice = invoices[Int(invoiceIndex)]
            guard invoice.counts(at: time) else { continue }
            let applied = invoice.appliedTotals(at: time)
            let open =
                invoice.amount.minorUnits - applied.allocated - applied.credited
                - applied.writtenOff
            accumulator.update(invoice.currency) { sums in
                sums.invoiced += invoice.amount.minorUnits
                sums.credited += applied.discounted
                sums.writtenOff += applied.writtenOff
                sums.open += open
            }
        }
        for paymentIndex in record.payments {
            let payment = payments[Int(paymentIndex)]
            guard payment.counts(at: time) else { continue }
            let unapplied = payment.unapplied(at: time)
            accumulator.update(payment.currency) { sums in
                sums.paid += payment.paid(at: time)
                sums.unapplied += unapplied
            }
        }
        for creditNoteIndex in record.creditNotes {
            let creditNote = creditNotes[Int(creditNoteIndex)]
            guard creditNote.time.isVisible(at: time) else { continue }
            accumulator.update(creditNote.amount.currency) { sums in
                sums.credited += creditNote.amount.minorUnits
                if creditNote.invoice == nil { sums.unapplied += creditNote.amount.minorUnits }
            }
        }
        return accumulator.figures.filter { !$0.isZero }
    }
}

/// Running sums in minor units per currency; a customer has few currencies, so a small array.
struct CurrencyAccumulator {
    struct Sums {
        var invoiced: Int64 = 0
        var paid: Int64 = 0
        var credited: Int64 = 0
        var writtenOff: Int64 = 0
        var open: Int64 = 0
        var unapplied: Int64 = 0
    }

    private var entries: [(Currency, Sums)] = []

    mutating func update(_ currency: Currency, _ body: (inout Sums) -> Void) {
        if let position = entries.firstIndex(where: { $0.0 == currency }) {
            body(&entries[position].1)
        } else {
            var sums = Sums()
            body(&sums)
            entries.append((currency, sums))
        }
    }

    /// The sums as figures, sorted by currency.
    var figures: [BalanceFigures] {
        entries.sorted { $0.0 < $1.0 }.map { currency, sums in
            var figures = BalanceFigures(currency: currency)
            figures.invoiced = Money(minorUnits: sums.invoiced, currency: currency)
            figures.paid = Money(minorUnits: sums.paid, currency: currency)
            figures.credited = Money(minorUnits: sums.credited, currency: currency)
            figures.writtenOff = Money(minorUnits: sums.writtenOff, currency: currency)
            figures.open = Money(minorUnits: sums.open, currency: currency)
            figures.unapplied = Money(minorUnits: sums.unapplied, currency: currency)
            return figures
        }
    }
}
