/// The balance figures of one customer (or a total) in one currency at a report time.
///
/// `net` = invoiced − paid − credited − written_off = open − unapplied, by construction.
package struct BalanceFigures: Hashable, Sendable {
    /// The currency of every figure.
    package let currency: Currency
    /// Invoices counted: issued on or before as-of and not voided by then.
    package var invoiced: Money
    /// Cash received and not reversed by then.
    package var paid: Money
    /// Every credit note, against an invoice or on account.
    package var credited: Money
    /// Write-offs, manual and automatic.
    package var writtenOff: Money
    /// Open amounts of the counted invoices, unclamped.
    package var open: Money
    /// Unapplied cash plus credit notes on account.
    package var unapplied: Money

    /// All zero in `currency`.
    package init(currency: Currency) {
        self.currency = currency
        invoiced = .zero(currency)
        paid = .zero(currency)
        credited = .zero(currency)
        writtenOff = .zero(currency)
        open = .zero(currency)
        unapplied = .zero(currency)
    }

    /// `open − unapplied`.
    package var net: Money { open - unapplied }

    /// Whether every figure is zero, so the row may be left out.
    package var isZero: Bool {
        invoiced.isZero && paid.isZero && credited.isZero && writtenOff.isZero && open.isZero
            && unapplied.isZero
    }
}

/// One row of `report.balances`: a customer's figures in one currency.
package struct BalanceRow: Hashable, Sendable {
    /// The customer.
    package let customerID: CustomerID
    /// The figures.
    package let figures: BalanceFigures

    /// Creates a row.
    package init(customerID: CustomerID, figures: BalanceFigures) {
        self.customerID = customerID
        self.figures = figures
    }
}

/// `report.balances`: a row per customer and currency, and totals per currency.
package struct BalancesReport: Hashable, Sendable {
    /// The report time.
    package let time: ReportTime
    /// Rows sorted by customer id, then currency; all-zero rows left out.
    package let rows: [BalanceRow]
    /// Totals per currency, sorted by currency.
    package let totals: [BalanceFigures]

    /// Creates a report.
    package init(time: ReportTime, rows: [BalanceRow], totals: [BalanceFigures]) {
        self.time = time
        self.rows = rows
        self.totals = totals
    }
}
