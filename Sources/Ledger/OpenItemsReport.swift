/// `report.open_items`: every invoice with something open at the report time, with its
/// instalments, dispute and promise, and the unapplied credits (cash, on-account credit notes).
package struct OpenItemsReport: Hashable, Sendable {
    /// One open invoice.
    package struct Item: Hashable, Sendable {
        /// The invoice.
        package let invoiceID: InvoiceID
        /// Its customer.
        package let customerID: CustomerID
        /// The amount billed.
        package let amount: Money
        /// The issue date.
        package let issueDate: LedgerDate
        /// The invoice's (last) due date.
        package let dueDate: LedgerDate
        /// The open amount, unclamped.
        package let open: Money
        /// Days past due of the oldest open part; zero or less is current.
        package let daysPastDue: Int
        /// The instalments with their open parts; empty without a schedule.
        package let instalments: [InstalmentPosition]
        /// The dispute open at the report time.
        package let dispute: DisputeRecord?
        /// The latest promise made by the report time.
        package let promise: PromiseRecord?
    }

    /// One unapplied credit: a payment's unapplied cash or a credit note on account.
    package struct Credit: Hashable, Sendable {
        /// `payment` or `credit_note`.
        package let kind: String
        /// The payment's or credit note's id.
        package let reference: String
        /// Its customer.
        package let customerID: CustomerID
        /// Its date.
        package let date: LedgerDate
        /// The unapplied amount.
        package let amount: Money
    }

    /// The report time.
    package let time: ReportTime
    /// Open invoices by customer id, currency, due date, invoice id.
    package let items: [Item]
    /// Unapplied credits by customer id, currency, date, reference.
    package let credits: [Credit]
    /// Per currency, sorted: the open total and the unapplied total.
    package let totals: [(currency: Currency, open: Money, unapplied: Money)]

    /// Compares every member.
    package static func == (lhs: OpenItemsReport, rhs: OpenItemsReport) -> Bool {
        lhs.time == rhs.time && lhs.items == rhs.items && lhs.credits == rhs.credits
            && lhs.totals.elementsEqual(rhs.totals) { $0 == $1 }
    }

    /// Hashes the time and the items.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(time)
        hasher.combine(items)
    }
}

extension LedgerState {
    /// `report.open_items` at `time`, optionally for one customer and one currency.
    package func openItems(at time: ReportTime, customer: CustomerID?, currency: Currency?)
        -> OpenItemsReport
    {
        var items: [OpenItemsReport.Item] = []
        var credits: [OpenItemsReport.Credit] = []
        var totals: [Currency: (open: Int64, unapplied: Int64)] = [:]
        let selected: [Int] =
            if let customer { customerIndex(customer).map { [$0] } ?? [] } else {
                Array(0..<customers.count)
            }
        for index in selected {
            let record = customers[index]
            for invoiceIndex in record.invoices {
                let invoice = invoices[Int(invoiceIndex)]
                guard currency.map({ $0 == invoice.currency }) ?? true,
                    let item = openItem(invoice, customer: record.id, at: time)
                else { continue }
                items.append(item)
                totals[invoice.currency, default: (0, 0)].open += item.open.minorUnits
            }
            for credit in unappliedCredits(of: record, at: time)
            where currency.map({ $0 == credit.amount.currency }) ?? true {
                credits.append(credit)
                totals[credit.amount.currency, default: (0, 0)].unapplied +=
                    credit.amount.minorUnits
            }
        }
        items.sort {
            ($0.customerID, $0.amount.currency, $0.dueDate, $0.invoiceID)
                < ($1.customerID, $1.amount.currency, $1.dueDate, $1.invoiceID)
        }
        return OpenItemsReport(
            time: time,
            items: items,
            credits: credits,
            totals: totals.keys.sorted().map { key in
                let sums = totals[key] ?? (0, 0)
                return (
                    key, Money(minorUnits: sums.open, currency: key),
                    Money(minorUnits: sums.unapplied, currency: key)
                )
            }
        )
    }

    private func openItem(_ invoice: InvoiceRecord, customer: CustomerID, at time: ReportTime)
        -> OpenItemsReport.Item?
    {
        let open = invoice.openAmount(at: time)
        guard open != 0 else { return nil }
        let schedule = invoice.schedule(openAmount: open)
        let oldestDue = schedule.first { $0.open > 0 }?.dueDate ?? invoice.dueDate
        return OpenItemsReport.Item(
            invoiceID: invoice.id,
            customerID: customer,
            amount: invoice.amount,
            issueDate: invoice.issueDate,
            dueDate: invoice.dueDate,
            open: Money(minorUnits: open, currency: invoice.currency),
            daysPastDue: time.asOf.days(since: oldestDue),
            instalments: invoice.instalments.isEmpty ? [] : schedule,
            dispute: invoice.dispute(at: time),
            promise: invoice.promise(at: time)
        )
    }

    private func unappliedCredits(of record: CustomerRecord, at time: ReportTime)
        -> [OpenItemsReport.Credit]
    {
        var credits: [OpenItemsReport.Credit] = []
        for paymentIndex in record.payments {
            let payment = payments[Int(paymentIndex)]
            let unapplied = payment.unapplied(at: time)
            guard unapplied != 0 else { continue }
            credits.append(
                .init(
                    kind: "payment",
                    reference: payment.id.rawValue,
                    customerID: record.id,
                    date: payment.time.date,
                    amount: Money(minorUnits: unapplied, currency: payment.currency)
                )
            )
        }
        for creditNoteIndex in record.creditNotes {
            let creditNote = creditNotes[Int(creditNoteIndex)]
            guard creditNote.invoice == nil, creditNote.time.isVisible(at: time) else { continue }
            credits.append(
                .init(
                    kind: "credit_note",
                    reference: creditNote.id.rawValue,
                    customerID: record.id,
                    date: creditNote.time.date,
                    amount: creditNote.amount
                )
            )
        }
        return credits.sorted {
            ($0.amount.currency, $0.date, $0.reference) < (
                $1.amount.currency, $1.date, $1.reference
            )
        }
    }
}
