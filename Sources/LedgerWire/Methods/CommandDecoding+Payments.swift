internal import Ledger

extension CommandDecoding {
    /// `payment.record {payment_id, customer_id, currency, amount, date, method, reference?,
    /// allocations?}`: absent `allocations` allocate automatically, `[]` leaves all unapplied.
    static func recordPayment(_ params: inout ParamReader) throws(RPCError) -> Command {
        let paymentID: PaymentID = try params.identifier("payment_id")
        let customerID: CustomerID = try params.identifier("customer_id")
        let currency = try params.currency("currency")
        let amount = try params.money("amount", currency: currency)
        let date = try params.date("date")
        let method = try params.string("method")
        let reference = try params.optionalString("reference")
        let allocations = try params.optionalObjects("allocations").map {
            elements throws(RPCError) in try allocationList(elements, currency: currency)
        }
        let command = try params.checking { () throws(ParameterError) in
            try RecordPayment(
                paymentID: paymentID,
                customerID: customerID,
                currency: currency,
                amount: amount,
                date: date,
                method: method,
                reference: reference,
                allocations: allocations
            )
        }
        return .recordPayment(command)
    }

    /// `payment.allocate {payment_id, date?, currency?, allocations: [{invoice_id, amount}]}`.
    static func allocatePayment(_ params: inout ParamReader, currencies: CurrencyLookup)
        throws(RPCError) -> Command
    {
        let paymentID: PaymentID = try params.identifier("payment_id")
        let date = try params.optionalDate("date")
        let currency = try amountCurrency(&params) { currencies.payment(paymentID) }
        let allocations = try allocationList(try params.objects("allocations"), currency: currency)
        let command = try params.checking { () throws(ParameterError) in
            try AllocatePayment(paymentID: paymentID, date: date, allocations: allocations)
        }
        return .allocatePayment(command)
    }

    /// `payment.reverse {payment_id, date, reason}`.
    static func reversePayment(_ params: inout ParamReader) throws(RPCError) -> Command {
        let paymentID: PaymentID = try params.identifier("payment_id")
        let date = try params.date("date")
        let reason = try params.string("reason")
        let command = try params.checking { () throws(ParameterError) in
            try ReversePayment(paymentID: paymentID, date: date, reason: reason)
        }
        return .reversePayment(command)
    }

    /// `[{invoice_id, amount}]` in `currency`; the domain checks duplicates and signs.
    private static func allocationList(_ elements: [ParamReader], currency: Currency)
        throws(RPCError) -> [Allocation]
    {
        var allocations: [Allocation] = []
        allocations.reserveCapacity(elements.count)
        for var element in elements {
            let invoiceID: InvoiceID = try element.identifier("invoice_id")
            let amount = try element.money("amount", currency: currency)
            try element.finish()
            allocations.append(Allocation(invoiceID: invoiceID, amount: amount))
        }
        return allocations
    }
}
