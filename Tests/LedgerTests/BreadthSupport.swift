import Ledger

// Literal helpers for the commands beyond the core: refunds, disputes, promises, instalments
// and discount terms.

func refund(_ payment: String, _ amount: Money, on day: String) -> Command {
    .refundPayment(
        must {
            try RefundPayment(
                paymentID: PaymentID(validated: payment),
                amount: amount,
                date: date(day),
                reason: "overpayment"
            )
        }
    )
}

func dispute(_ invoice: String, on day: String) -> Command {
    .disputeInvoice(
        must {
            try DisputeInvoice(
                invoiceID: InvoiceID(validated: invoice),
                date: date(day),
                reason: "damaged goods"
            )
        }
    )
}

func resolve(_ invoice: String, on day: String) -> Command {
    .resolveDispute(
        must {
            try ResolveDispute(
                invoiceID: InvoiceID(validated: invoice),
                date: date(day),
                resolution: "replacement shipped"
            )
        }
    )
}

func promise(_ invoice: String, _ amount: Money, by day: String) -> Command {
    .promisePayment(
        must {
            try PromisePayment(
                invoiceID: InvoiceID(validated: invoice),
                date: date(day),
                amount: amount
            )
        }
    )
}

/// An invoice by amount with an explicit schedule of `(due date, amount)` parts.
func issueInInstalments(
    _ id: String,
    _ customer: String,
    _ amount: Money,
    issued: String,
    parts: [(String, Money)]
) -> Command {
    .issueInvoice(
        must {
            try IssueInvoice(
                invoiceID: InvoiceID(validated: id),
                customerID: CustomerID(validated: customer),
                currency: amount.currency,
                content: .amount(amount),
                issueDate: date(issued),
                due: .customerTerms,
                instalments: parts.map { Instalment(dueDate: date($0.0), amount: $0.1) }
            )
        }
    )
}

/// "P/D net N" terms, such as `discountTerms("2", 10, net: 30)`.
func discountTerms(_ percent: String, _ days: Int, net: Int) -> PaymentTerms {
    must {
        try PaymentTerms(
            kind: "net",
            days: net,
            discount: try EarlyPaymentDiscount(percent: decimal(percent), days: days)
        )
    }
}
