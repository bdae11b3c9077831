/// `report.statement`: a customer's account over `from`...`to` per currency: the opening
/// balance at the end of the day before `from`, every movement in the period with its running
/// balance, and the closing balance at `to`, which equals `report.balances`' `net` then.
package struct StatementReport: Hashable, Sendable {
    /// What moved the balance.
    package enum MovementKind: String, Hashable, Sendable {
        /// An invoice issued (+).
        case invoice
        /// An invoice voided (−).
        case void
        /// A payment received (−).
        case payment
        /// A refund of unapplied cash (+).
        case refund
        /// A payment reversed (+, less what was refunded of it before).
        case reversal
        /// A credit note, against an invoice or on account (−).
        case creditNote = "credit_note"
        /// A write-off, manual or automatic (−).
        case writeOff = "write_off"
        /// An early-payment discount (−).
        case discount
        /// A discount taken back by its payment's reversal (+).
        case discountReversal = "discount_reversal"
    }

    /// One movement: signed from the customer's debt, positive raises what they owe.
    package struct Movement: Hashable, Sendable {
        /// The effective date.
        package let date: LedgerDate
        /// The sequence of the event that recorded it.
        package let sequence: UInt64
        /// What happened.
        package let kind: MovementKind
        /// The invoice, payment or credit note concerned.
        package let reference: String
        /// The signed amount.
        package let amount: Money
        /// The balance after it.
        package let balance: Money
    }

    /// One currency's account.
    package struct Section: Hashable, Sendable {
        /// The currency.
        package let currency: Currency
        /// `net` at the end of the day before the period.
        package let opening: Money
        /// The movements by date, then sequence.
        package let movements: [Movement]
        /// The balance at the end of `to`.
        package let closing: Money
    }

    /// The customer.
    package let customerID: CustomerID
    /// The first day of the period.
    package let from: LedgerDate
    /// The last day of the period.
    package let to: LedgerDate
    /// The log position the statement looks from.
    package let knownAt: UInt64
    /// One section per currency with a balance or a movement, sorted by currency.
    package let sections: [Section]
}

extension LedgerState {
    /// `report.statement` for one customer over `from`...`to` as known at `knownAt`; nil if
    /// the customer is unknown then.
    package func statement(
        customer id: CustomerID,
        from: LedgerDate,
        to: LedgerDate,
        knownAt: UInt64,
        currency: Currency? = nil
    ) -> StatementReport? {
        guard let index = customerIndex(id), customers[index].registeredSequence <= knownAt else {
            return nil
        }
        let opening = ReportTime(asOf: from.adding(days: -1), knownAt: knownAt)
        var openings: [Currency: Int64] = [:]
        for figures in balances(ofCustomer: index, at: opening) {
            openings[figures.currency] = figures.net.minorUnits
        }
        var collector = MovementCollector(from: from, to: to, knownAt: knownAt)
        collectMovements(of: customers[index], into: &collector)
        let byCurrency = Dictionary(grouping: collector.movements) { $0.currency }
        let currencies = Set(openings.keys).union(byCurrency.keys).filter { code in
            currency.map { $0 == code } ?? true
        }
        let sections = currencies.sorted().map { code in
            let sorted = (byCurrency[code] ?? []).sorted {
                ($0.date, $0.sequence, $0.order) < ($1.date, $1.sequence, $1.order)
            }
            var balance = openings[code] ?? 0
            let movements = sorted.map { raw in
                balance += raw.amount
                return StatementReport.Movement(
                    date: raw.date,
                    sequence: raw.sequence,
                    kind: raw.kind,
                    reference: raw.reference,
                    amount: Money(minorUnits: raw.amount, currency: code),
                    balance: Money(minorUnits: balance, currency: code)
                )
            }
            return StatementReport.Section(
                currency: code,
                opening: Money(minorUnits: openings[code] ?? 0, currency: code),
                movements: movements,
                closing: Money(minorUnits: balance, currency: code)
            )
        }
        return StatementReport(
            customerID: id,
            from: from,
            to: to,
            knownAt: knownAt,
            sections: sections
        )
    }
}
