internal import Ledger

extension CommandDecoding {
    /// `payment.refund {payment_id, amount, currency?, date, reason}`; the currency defaults to
    /// the payment's.
    static func refundPayment(_ params: inout ParamReader, currencies: CurrencyLookup)
        throws(RPCError) -> Command
    {
        let paymentID: PaymentID = try params.identifier("payment_id")
        let currency = try amountCurrency(&params) { currencies.payment(paymentID) }
        let amount = try params.money("amount", currency: currency)
        let date = try params.date("date")
        let reason = try params.string("reason")
        let command = try params.checking { () throws(ParameterError) in
            try RefundPayment(paymentID: paymentID, amount: amount, date: date, reason: reason)
        }
        return .refundPayment(command)
    }

    /// `invoice.dispute {invoice_id, date, reason}`.
    static func disputeInvoice(_ params: inout ParamReader) throws(RPCError) -> Command {
        let invoiceID: InvoiceID = try params.identifier("invoice_id")
        let date = try params.date("date")
        let reason = try params.string("reason")
        let command = try params.checking { () throws(ParameterError) in
            try DisputeInvoice(invoiceID: invoiceID, date: date, reason: reason)
        }
        return .disputeInvoice(command)
    }

    /// `invoice.resolve_dispute {invoice_id, date, resolution}`.
    static func resolveDispute(_ params: inout ParamReader) throws(RPCError) -> Command {
        let invoiceID: InvoiceID = try params.identifier("invoice_id")
        let date = try params.date("date")
        let resolution = try params.string("resolution")
        let command = try params.checking { () throws(ParameterError) in
            try ResolveDispute(invoiceID: invoiceID, date: date, resolution: resolution)
        }
        return .resolveDispute(command)
    }

    /// `invoice.promise {invoice_id, date, amount, currency?}`: the customer promised to pay
    /// `amount` by `date`; the currency defaults to the invoice's.
    static func promisePayment(_ params: inout ParamReader, currencies: CurrencyLookup)
        throws(RPCError) -> Command
    {
        let invoiceID: InvoiceID = try params.identifier("invoice_id")
        let date = try params.date("date")
        let currency = try amountCurrency(&params) { currencies.invoice(invoiceID) }
        let amount = try params.money("amount", currency: currency)
        let command = try params.checking { () throws(ParameterError) in
            try PromisePayment(invoiceID: invoiceID, date: date, amount: amount)
        }
        return .promisePayment(command)
    }
}
