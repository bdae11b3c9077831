package import Ledger

/// Finds the currency of an existing invoice or payment, for writes whose amounts come
/// without a `currency` (`invoice.write_off`, `payment.allocate`).
///
/// The daemon answers from its projection; the CLI, which has none, uses ``none`` and the
/// client must then send `currency`. Currencies never change, so any recent state will do.
package struct CurrencyLookup: Sendable {
    /// The currency of an invoice, nil if unknown.
    package var invoice: @Sendable (InvoiceID) -> Currency?
    /// The currency of a payment, nil if unknown.
    package var payment: @Sendable (PaymentID) -> Currency?

    /// Creates a lookup from two functions.
    package init(
        invoice: @escaping @Sendable (InvoiceID) -> Currency?,
        payment: @escaping @Sendable (PaymentID) -> Currency?
    ) {
        self.invoice = invoice
        self.payment = payment
    }

    /// Knows nothing: amounts need an explicit `currency`.
    package static let none = CurrencyLookup(invoice: { _ in nil }, payment: { _ in nil })

    /// Looks up invoices and payments in a ledger state.
    package static func state(_ state: LedgerState) -> CurrencyLookup {
        CurrencyLookup(
            invoice: { state.invoice($0)?.currency },
            payment: { state.payment($0)?.currency }
        )
    }
}

/// A ``CurrencyLookup`` that also knows the invoices and payments created by earlier commands
/// of the same `ledger.transact`.
struct TransactionCurrencies {
    let base: CurrencyLookup
    var invoices: [InvoiceID: Currency] = [:]
    var payments: [PaymentID: Currency] = [:]

    init(base: CurrencyLookup) {
        self.base = base
    }

    /// Remembers what `command` creates.
    mutating func record(_ command: Command) {
        switch command {
        case .issueInvoice(let issue): invoices[issue.invoiceID] = issue.currency
        case .recordPayment(let payment): payments[payment.paymentID] = payment.currency
        default: break
        }
    }

    /// The combined lookup: this transaction's entities first, then the base.
    var lookup: CurrencyLookup {
        let invoices = invoices
        let payments = payments
        let base = base
        return CurrencyLookup(
            invoice: { invoices[$0] ?? base.invoice($0) },
            payment: { payments[$0] ?? base.payment($0) }
        )
    }
}
