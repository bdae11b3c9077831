import Ledger

/// An account of the receivable journal: per-customer receivables and unapplied cash, and
/// the counter-accounts that keep every transaction balanced.
enum JournalAccount: Hashable {
    /// What the customer owes on invoices: its balance is the open amount.
    case receivable(CustomerID)
    /// Cash received and not allocated, plus on-account credit notes (a liability).
    case unapplied(CustomerID)
    /// Invoiced revenue.
    case sales
    /// Credit notes given.
    case creditNotes
    /// Amounts written off.
    case writeOffs
    /// Early-payment discounts taken.
    case discounts
    /// Cash received.
    case bank

    /// The account name in the journal, such as `assets:receivable:ACME`.
    var name: String {
        switch self {
        case .receivable(let customer): "assets:receivable:" + Self.component(customer.rawValue)
        case .unapplied(let customer): "liabilities:unapplied:" + Self.component(customer.rawValue)
        case .sales: "income:sales"
        case .creditNotes: "income:credit-notes"
        case .writeOffs: "expenses:write-offs"
        case .discounts: "expenses:discounts"
        case .bank: "assets:bank"
        }
    }

    /// An id as one account name component: colons (which separate components) and spaces
    /// (two of which end an account name) become `_`.
    static func component(_ id: String) -> String {
        String(id.map { $0 == ":" || $0.isWhitespace ? "_" : $0 })
    }
}

/// One leg of a transaction.
struct Posting {
    /// The account.
    var account: JournalAccount
    /// Positive is a debit.
    var amount: Money
    /// The invoice the leg concerns, if any (to explain an invoice).
    var invoice: InvoiceID?
}

/// The postings one event makes, balanced per currency.
struct JournalEntry {
    /// The effective date.
    var date: LedgerDate
    /// What happened, such as `invoice INV-1 issued`.
    var description: String
    /// The legs; they sum to zero.
    var postings: [Posting]
}

/// Turns events into balanced double-entry postings, in log order.
///
/// It keeps only what later events need: each invoice's customer and each payment's customer,
/// amount and allocations (a reversal takes back all of them). The receivable account of a
/// customer then carries exactly the open amount and the unapplied account the unapplied
/// amount of `report.balances`, which the journal test checks against hledger.
struct PostingBook {
    private var invoiceCustomers: [InvoiceID: CustomerID] = [:]
    private var invoiceAmounts: [InvoiceID: Money] = [:]
    private var payments: [PaymentID: PaymentState] = [:]

    private struct PaymentState {
        var customer: CustomerID
        var amount: Money
        var allocations: [(invoice: InvoiceID, amount: Money)] = []
        /// Discounts the payment earned; a reversal takes them back with the allocations.
        var discounts: [(invoice: InvoiceID, amount: Money)] = []
    }

    /// The customer an invoice was issued to, once its issue was seen.
    func customer(ofInvoice invoice: InvoiceID) -> CustomerID? { invoiceCustomers[invoice] }

    /// The customer a payment came from, once its receipt was seen.
    func customer(ofPayment payment: PaymentID) -> CustomerID? { payments[payment]?.customer }

    /// The entry `event` makes, or `nil` for events that move no money.
    mutating func entry(for event: LedgerEvent) -> JournalEntry? {
        switch event {
        case .invoiceIssued(let issued):
            invoiceCustomers[issued.invoiceID] = issued.customerID
            invoiceAmounts[issued.invoiceID] = issued.amount
            return JournalEntry(
                date: issued.issueDate,
                description: "invoice \(issued.invoiceID) issued",
                postings: [
                    Posting(
                        account: .receivable(issued.customerID),
                        amount: issued.amount,
                        invoice: issued.invoiceID
                    ),
                    Posting(account: .sales, amount: -issued.amount),
                ]
            )
        case .invoiceVoided(let voided):
            return voidEntry(voided)
        case .invoiceWrittenOff(let writeOff):
            guard let customer = invoiceCustomers[writeOff.invoiceID] else { return nil }
            return JournalEntry(
                date: writeOff.date,
                description: "invoice \(writeOff.invoiceID) written off: \(writeOff.reason)",
                postings: [
                    Posting(account: .writeOffs, amount: writeOff.amount),
                    Posting(
                        account: .receivable(customer),
                        amount: -writeOff.amount,
                        invoice: writeOff.invoiceID
                    ),
                ]
            )
        case .creditNoteIssued(let note):
            let credited =
                note.invoiceID.map {
                    Posting(
                        account: .receivable(note.customerID),
                        amount: -note.amount,
                        invoice: $0
                    )
                } ?? Posting(account: .unapplied(note.customerID), amount: -note.amount)
            return JournalEntry(
                date: note.date,
                description:
                    "credit note \(note.creditNoteID) \(note.invoiceID.map { "on invoice \($0)" } ?? "on account")",
                postings: [Posting(account: .creditNotes, amount: note.amount), credited]
            )
        case .paymentReceived(let payment):
            payments[payment.paymentID] = PaymentState(
                customer: payment.customerID,
                amount: payment.amount
            )
            return JournalEntry(
                date: payment.date,
                description: "payment \(payment.paymentID) received (\(payment.method))",
                postings: [
                    Posting(account: .bank, amount: payment.amount),
                    Posting(account: .unapplied(payment.customerID), amount: -payment.amount),
                ]
            )
        case .paymentAllocated(let allocated):
            return allocationEntry(allocated)
        case .paymentReversed(let reversed):
            return reversalEntry(reversed)
        case .invoiceDiscountTaken(let discount):
            return discountEntry(discount)
        case .paymentRefunded(let refund):
            guard let payment = payments[refund.paymentID] else { return nil }
            payments[refund.paymentID]?.amount -= refund.amount
            return JournalEntry(
                date: refund.date,
                description: "payment \(refund.paymentID) refunded: \(refund.reason)",
                postings: [
                    Posting(account: .unapplied(payment.customer), amount: refund.amount),
                    Posting(account: .bank, amount: -refund.amount),
                ]
            )
        case .ledgerCreated, .ledgerConfigured, .customerRegistered, .customerUpdated,
            .periodClosed, .invoiceDisputed, .invoiceDisputeResolved, .invoicePromised,
            .dunningConfigured, .dunningPolicyDefined, .dunningPolicyAssigned, .reminderSent,
            .reminderFailed, .dunningCustomerOverridden:
            return nil
        }
    }

    private mutating func discountEntry(_ discount: InvoiceDiscountTaken) -> JournalEntry? {
        guard let customer = invoiceCustomers[discount.invoiceID] else { return nil }
        payments[discount.paymentID]?.discounts.append((discount.invoiceID, discount.amount))
        return JournalEntry(
            date: discount.date,
            description:
                "invoice \(discount.invoiceID) discount taken with payment \(discount.paymentID)",
            postings: [
                Posting(account: .discounts, amount: discount.amount),
                Posting(
                    account: .receivable(customer),
                    amount: -discount.amount,
                    invoice: discount.invoiceID
                ),
            ]
        )
    }

    private func voidEntry(_ voided: InvoiceVoided) -> JournalEntry? {
        // A void is refused once anything was applied, so what it cancels is the whole amount.
        guard let customer = invoiceCustomers[voided.invoiceID],
            let amount = invoiceAmounts[voided.invoiceID]
        else { return nil }
        return JournalEntry(
            date: voided.date,
            description: "invoice \(voided.invoiceID) voided: \(voided.reason)",
            postings: [
                Posting(account: .sales, amount: amount),
                Posting(account: .receivable(customer), amount: -amount, invoice: voided.invoiceID),
            ]
        )
    }

    private mutating func allocationEntry(_ allocated: PaymentAllocated) -> JournalEntry? {
        guard var payment = payments[allocated.paymentID] else { return nil }
        var postings: [Posting] = []
        for allocation in allocated.allocations {
            payment.allocations.append((allocation.invoiceID, allocation.amount))
            postings.append(
                Posting(account: .unapplied(payment.customer), amount: allocation.amount)
            )
            postings.append(
                Posting(
                    account: .receivable(
                        invoiceCustomers[allocation.invoiceID] ?? payment.customer
                    ),
                    amount: -allocation.amount,
                    invoice: allocation.invoiceID
                )
            )
        }
        payments[allocated.paymentID] = payment
        let kind = allocated.automatic ? "allocated automatically" : "allocated"
        return JournalEntry(
            date: allocated.date,
            description: "payment \(allocated.paymentID) \(kind)",
            postings: postings
        )
    }

    private mutating func reversalEntry(_ reversed: PaymentReversed) -> JournalEntry? {
        guard let payment = payments[reversed.paymentID] else { return nil }
        var postings = [Posting(account: .bank, amount: -payment.amount)]
        var remaining = payment.amount
        for allocation in payment.allocations {
            remaining -= allocation.amount
            postings.append(
                Posting(
                    account: .receivable(invoiceCustomers[allocation.invoice] ?? payment.customer),
                    amount: allocation.amount,
                    invoice: allocation.invoice
                )
            )
        }
        if !remaining.isZero {
            postings.append(Posting(account: .unapplied(payment.customer), amount: remaining))
        }
        for discount in payment.discounts {
            postings.append(Posting(account: .discounts, amount: -discount.amount))
            postings.append(
                Posting(
                    account: .receivable(invoiceCustomers[discount.invoice] ?? payment.customer),
                    amount: discount.amount,
                    invoice: discount.invoice
                )
            )
        }
        payments[reversed.paymentID]?.allocations = []
        payments[reversed.paymentID]?.discounts = []
        payments[reversed.paymentID]?.amount = .zero(payment.amount.currency)
        return JournalEntry(
            date: reversed.date,
            description: "payment \(reversed.paymentID) reversed: \(reversed.reason)",
            postings: postings
        )
    }
}
