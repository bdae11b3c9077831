/// A fact in the ledger's log, past tense; the projection is a pure function of these.
///
/// Each case has a stable ``typeName`` and a ``schemaVersion``; the payload encoding of every
/// version stays decodable forever (old versions are upcast on decode, never rewritten).
package enum LedgerEvent: Hashable, Sendable {
    /// `ledger.created`: the genesis event at sequence 1.
    case ledgerCreated(ledgerID: String)
    /// `ledger.configured`.
    case ledgerConfigured(LedgerConfigured)
    /// `customer.registered`.
    case customerRegistered(CustomerRegistered)
    /// `customer.updated`.
    case customerUpdated(CustomerUpdated)
    /// `invoice.issued`.
    case invoiceIssued(InvoiceIssued)
    /// `invoice.voided`.
    case invoiceVoided(InvoiceVoided)
    /// `invoice.written_off`.
    case invoiceWrittenOff(InvoiceWrittenOff)
    /// `credit_note.issued`.
    case creditNoteIssued(CreditNoteIssued)
    /// `payment.received`.
    case paymentReceived(PaymentReceived)
    /// `payment.allocated`.
    case paymentAllocated(PaymentAllocated)
    /// `payment.reversed`.
    case paymentReversed(PaymentReversed)
    /// `period.closed`.
    case periodClosed(PeriodClosed)
    /// `invoice.discount_taken`.
    case invoiceDiscountTaken(InvoiceDiscountTaken)
    /// `payment.refunded`.
    case paymentRefunded(PaymentRefunded)
    /// `invoice.disputed`.
    case invoiceDisputed(InvoiceDisputed)
    /// `invoice.dispute_resolved`.
    case invoiceDisputeResolved(InvoiceDisputeResolved)
    /// `invoice.promised`.
    case invoicePromised(InvoicePromised)
    /// `dunning.configured`: the default policy or the creditor changed.
    case dunningConfigured(DunningConfigured)
    /// `dunning.policy_defined`.
    case dunningPolicyDefined(DunningPolicy)
    /// `dunning.policy_assigned`.
    case dunningPolicyAssigned(DunningAssignment)
    /// `reminder.sent`.
    case reminderSent(Reminder)
    /// `reminder.failed`.
    case reminderFailed(Reminder)
    /// `dunning.customer_overridden`.
    case dunningCustomerOverridden(DunningOverride)

    /// The stable type name stored with the event, such as `invoice.issued`.
    package var typeName: String {
        switch self {
        case .ledgerCreated: "ledger.created"
        case .ledgerConfigured: "ledger.configured"
        case .customerRegistered: "customer.registered"
        case .customerUpdated: "customer.updated"
        case .invoiceIssued: "invoice.issued"
        case .invoiceVoided: "invoice.voided"
        case .invoiceWrittenOff: "invoice.written_off"
        case .creditNoteIssued: "credit_note.issued"
        case .paymentReceived: "payment.received"
        case .paymentAllocated: "payment.allocated"
        case .paymentReversed: "payment.reversed"
        case .periodClosed: "period.closed"
        case .invoiceDiscountTaken: "invoice.discount_taken"
        case .paymentRefunded: "payment.refunded"
        case .invoiceDisputed: "invoice.disputed"
        case .invoiceDisputeResolved: "invoice.dispute_resolved"
        case .invoicePromised: "invoice.promised"
        case .dunningConfigured: "dunning.configured"
        case .dunningPolicyDefined: "dunning.policy_defined"
        case .dunningPolicyAssigned: "dunning.policy_assigned"
        case .reminderSent: "reminder.sent"
        case .reminderFailed: "reminder.failed"
        case .dunningCustomerOverridden: "dunning.customer_overridden"
        }
    }

    /// The schema version this build writes for the event's type.
    ///
    /// Every type is at version 1; a type whose payload changes gets its own case here, and its
    /// decoder keeps reading (upcasting) the older versions.
    package var schemaVersion: UInt16 { 1 }

    /// The version written for every type name; decoders also accept every older version.
    package static let currentVersions: [String: UInt16] = [
        "ledger.created": 1, "ledger.configured": 1, "customer.registered": 1,
        "customer.updated": 1, "invoice.issued": 1, "invoice.voided": 1,
        "invoice.written_off": 1, "credit_note.issued": 1, "payment.received": 1,
        "payment.allocated": 1, "payment.reversed": 1, "period.closed": 1,
        "invoice.discount_taken": 1, "payment.refunded": 1, "invoice.disputed": 1,
        "invoice.dispute_resolved": 1, "invoice.promised": 1, "dunning.configured": 1,
        "dunning.policy_defined": 1, "dunning.policy_assigned": 1, "reminder.sent": 1,
        "reminder.failed": 1, "dunning.customer_overridden": 1,
    ]

    /// The longest ledger id in bytes.
    package static let maximumLedgerIDBytes = 128
}
