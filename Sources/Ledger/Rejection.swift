/// Why the ledger's rules refuse a command in the current state (-32000 on the wire).
///
/// Closed: every case has a stable snake_case ``reason`` for clients and a ``message`` for
/// humans; `schemas/rejections.md` lists them all.
package enum Rejection: Error, Hashable, Sendable {
    /// A customer with this id exists.
    case duplicateCustomer(CustomerID)
    /// No customer has this id.
    case unknownCustomer(CustomerID)
    /// An invoice with this id exists.
    case duplicateInvoice(InvoiceID)
    /// No invoice has this id.
    case unknownInvoice(InvoiceID)
    /// A payment with this id exists.
    case duplicatePayment(PaymentID)
    /// No payment has this id.
    case unknownPayment(PaymentID)
    /// A credit note with this id exists.
    case duplicateCreditNote(CreditNoteID)
    /// An amount is in another currency than the invoice or payment it concerns.
    case currencyMismatch(expected: Currency, actual: Currency)
    /// The invoice belongs to another customer than the payment or credit note.
    case customerMismatch(invoice: InvoiceID, expected: CustomerID, actual: CustomerID)
    /// Allocations add up to more than the payment's unapplied amount at the head.
    case overAllocation(payment: PaymentID, requested: Money, unapplied: Money)
    /// More than the invoice's open amount at the head would be applied or written off.
    case exceedsOpenAmount(invoice: InvoiceID, requested: Money, open: Money)
    /// The invoice is voided; nothing can be applied to it and it cannot be voided again.
    case invoiceVoided(InvoiceID)
    /// Something was applied to the invoice (even by a payment reversed since), so it cannot be voided.
    case voidAfterApplication(InvoiceID)
    /// The payment is reversed already.
    case alreadyReversed(PaymentID)
    /// The date is before the invoice's issue date.
    case dateBeforeIssue(invoice: InvoiceID, date: LedgerDate, issueDate: LedgerDate)
    /// The date is before the payment's date.
    case dateBeforePayment(payment: PaymentID, date: LedgerDate, paymentDate: LedgerDate)
    /// The date falls in a closed period.
    case periodClosed(date: LedgerDate, closedThrough: LedgerDate)
    /// The period is closed through this date or later already.
    case periodNotAdvancing(through: LedgerDate, closedThrough: LedgerDate)
    /// A period cannot be closed through a day that has not come yet.
    case periodInFuture(through: LedgerDate, today: LedgerDate)
    /// A write-off without amount found nothing open at the head.
    case nothingToWriteOff(InvoiceID)
    /// A refund asks for more than the payment's unapplied cash at the head.
    case refundExceedsUnapplied(payment: PaymentID, requested: Money, unapplied: Money)
    /// The invoice has an open dispute already.
    case alreadyDisputed(InvoiceID)
    /// The invoice has no open dispute to resolve.
    case notDisputed(InvoiceID)
    /// A resolution is dated before the dispute it resolves.
    case dateBeforeDispute(invoice: InvoiceID, date: LedgerDate, disputeDate: LedgerDate)
    /// No dunning policy has this id.
    case unknownPolicy(DunningPolicyID)
    /// A dunning run cannot be dated after today.
    case asOfInFuture(asOf: LedgerDate, today: LedgerDate)

    /// The stable snake_case reason, `data.reason` on the wire.
    package var reason: String {
        switch self {
        case .duplicateCustomer: "duplicate_customer"
        case .unknownCustomer: "unknown_customer"
        case .duplicateInvoice: "duplicate_invoice"
        case .unknownInvoice: "unknown_invoice"
        case .duplicatePayment: "duplicate_payment"
        case .unknownPayment: "unknown_payment"
        case .duplicateCreditNote: "duplicate_credit_note"
        case .currencyMismatch: "currency_mismatch"
        case .customerMismatch: "customer_mismatch"
        case .overAllocation: "over_allocation"
        case .exceedsOpenAmount: "exceeds_open_amount"
        case .invoiceVoided: "invoice_voided"
        case .voidAfterApplication: "void_after_application"
        case .alreadyReversed: "already_reversed"
        case .dateBeforeIssue: "date_before_issue"
        case .dateBeforePayment: "date_before_payment"
        case .periodClosed: "period_closed"
        case .periodNotAdvancing: "period_not_advancing"
        case .periodInFuture: "period_in_future"
        case .nothingToWriteOff: "nothing_to_write_off"
        case .refundExceedsUnapplied: "refund_exceeds_unapplied"
        case .alreadyDisputed: "already_disputed"
        case .notDisputed: "not_disputed"
        case .dateBeforeDispute: "date_before_dispute"
        case .unknownPolicy: "unknown_policy"
        case .asOfInFuture: "as_of_in_future"
        }
    }

    /// Every reason, for `system.describe` and the docs.
    package static let allReasons = [
        "duplicate_customer", "unknown_customer", "duplicate_invoice", "unknown_invoice",
        "duplicate_payment", "unknown_payment", "duplicate_credit_note", "currency_mismatch",
        "customer_mismatch", "over_allocation", "exceeds_open_amount", "invoice_voided",
        "void_after_application", "already_reversed", "date_before_issue", "date_before_payment",
        "period_closed", "period_not_advancing", "period_in_future", "nothing_to_write_off",
        "refund_exceeds_unapplied", "already_disputed", "not_disputed", "date_before_dispute",
        "unknown_policy", "as_of_in_future",
    ]

    /// A sentence for humans; wording may change, the ``reason`` does not.
    package var message: String {
        switch self {
        case .duplicateCustomer(let id): "customer \(id) already exists"
        case .unknownCustomer(let id): "no customer \(id)"
        case .duplicateInvoice(let id): "invoice \(id) already exists"
        case .unknownInvoice(let id): "no invoice \(id)"
        case .duplicatePayment(let id): "payment \(id) already exists"
        case .unknownPayment(let id): "no payment \(id)"
        case .duplicateCreditNote(let id): "credit note \(id) already exists"
        case .currencyMismatch(let expected, let actual):
            "amount is in \(actual), expected \(expected)"
        case .customerMismatch(let invoice, let expected, let actual):
            "invoice \(invoice) belongs to customer \(actual), not \(expected)"
        case .overAllocation(let payment, let requested, let unapplied):
            "allocations of \(requested) exceed payment \(payment)'s unapplied \(unapplied)"
        case .exceedsOpenAmount(let invoice, let requested, let open):
            "\(requested) exceeds invoice \(invoice)'s open amount \(open)"
        case .invoiceVoided(let id): "invoice \(id) is voided"
        case .voidAfterApplication(let id): "invoice \(id) had amounts applied and cannot be voided"
        case .alreadyReversed(let id): "payment \(id) is already reversed"
        case .dateBeforeIssue(let invoice, let date, let issueDate):
            "\(date) is before invoice \(invoice)'s issue date \(issueDate)"
        case .dateBeforePayment(let payment, let date, let paymentDate):
            "\(date) is before payment \(payment)'s date \(paymentDate)"
        case .periodClosed(let date, let closedThrough):
            "\(date) is in the period closed through \(closedThrough)"
        case .periodNotAdvancing(let through, let closedThrough):
            "the period is closed through \(closedThrough) already, not before \(through)"
        case .periodInFuture(let through, let today):
            "cannot close through \(through), today is \(today)"
        case .nothingToWriteOff(let id): "invoice \(id) has nothing open to write off"
        case .refundExceedsUnapplied(let payment, let requested, let unapplied):
            "refund of \(requested) exceeds payment \(payment)'s unapplied \(unapplied)"
        case .alreadyDisputed(let id): "invoice \(id) is already disputed"
        case .notDisputed(let id): "invoice \(id) has no open dispute"
        case .dateBeforeDispute(let invoice, let date, let disputeDate):
            "\(date) is before the dispute on invoice \(invoice) raised \(disputeDate)"
        case .unknownPolicy(let id): "no dunning policy \(id)"
        case .asOfInFuture(let asOf, let today):
            "cannot run dunning as of \(asOf), today is \(today)"
        }
    }
}
