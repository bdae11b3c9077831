internal import Ledger

extension CommandDecoding {
    /// `invoice.issue {invoice_id, customer_id, currency, amount | lines, issue_date,
    /// due_date | terms, instalments?, po_number?, metadata?}`; with neither `due_date` nor
    /// `terms` the customer's default terms apply. `instalments: [{due_date, amount}]` (adding
    /// up to the total) replace `due_date`; terms may still give the discount.
    static func issueInvoice(_ params: inout ParamReader) throws(RPCError) -> Command {
        let invoiceID: InvoiceID = try params.identifier("invoice_id")
        let customerID: CustomerID = try params.identifier("customer_id")
        let currency = try params.currency("currency")
        let content = try invoiceContent(&params, currency: currency)
        let issueDate = try params.date("issue_date")
        let due: IssueInvoice.DueDateRule
        switch (try params.optionalDate("due_date"), try params.optionalTerms("terms")) {
        case (let date?, nil): due = .date(date)
        case (nil, let terms?): due = .terms(terms)
        case (nil, nil): due = .customerTerms
        case (_?, _?):
            throw params.invalid(
                "terms",
                reason: "invalid_value",
                message: "give due_date or terms, not both"
            )
        }
        let poNumber = try params.optionalString("po_number")
        let metadata = try invoiceMetadata(&params)
        var instalments: [Instalment] = []
        for var element in try params.optionalObjects("instalments") ?? [] {
            let dueDate = try element.date("due_date")
            let amount = try element.money("amount", currency: currency)
            try element.finish()
            instalments.append(Instalment(dueDate: dueDate, amount: amount))
        }
        let command = try params.checking { () throws(ParameterError) in
            try IssueInvoice(
                invoiceID: invoiceID,
                customerID: customerID,
                currency: currency,
                content: content,
                issueDate: issueDate,
                due: due,
                poNumber: poNumber,
                metadata: metadata,
                instalments: instalments
            )
        }
        return .issueInvoice(command)
    }

    private static func invoiceContent(_ params: inout ParamReader, currency: Currency)
        throws(RPCError) -> IssueInvoice.Content
    {
        let hasLines = params.contains("lines")
        if params.contains("amount") {
            guard !hasLines else {
                throw params.invalid(
                    "lines",
                    reason: "invalid_value",
                    message: "give amount or lines, not both"
                )
            }
            return .amount(try params.money("amount", currency: currency))
        }
        guard hasLines else {
            _ = params.value("lines")
            throw params.invalid(
                "amount",
                reason: "missing_field",
                message: "missing field \(params.fieldPath("amount")) (or lines)"
            )
        }
        var lines: [InvoiceLine] = []
        for (index, var line) in try params.objects("lines").enumerated() {
            let description = try line.string("description")
            let quantity = try line.quantity("quantity")
            let unitPrice = try line.money("unit_price", currency: currency, sign: .nonNegative)
            let taxRate =
                try line.optionalQuantity("tax_rate")
                ?? DecimalQuantity(significand: 0, scale: 0)
            try line.finish()
            let built = try params.checking { () throws(ParameterError) in
                guard let taxRate else {
                    throw .invalidValue("lines[\(index)].tax_rate", "tax_rate is malformed")
                }
                return try InvoiceLine(
                    description: description,
                    quantity: quantity,
                    unitPrice: unitPrice,
                    taxRatePercent: taxRate,
                    field: "lines[\(index)]"
                )
            }
            lines.append(built)
        }
        _ = params.value("amount")
        return .lines(lines)
    }

    private static func invoiceMetadata(_ params: inout ParamReader) throws(RPCError)
        -> [String: String]
    {
        guard var object = try params.optionalObject("metadata") else { return [:] }
        var metadata: [String: String] = [:]
        for member in object.members {
            metadata[member.key] = try object.string(member.key)
        }
        try object.finish()
        return metadata
    }

    /// `invoice.void {invoice_id, date, reason}`.
    static func voidInvoice(_ params: inout ParamReader) throws(RPCError) -> Command {
        let invoiceID: InvoiceID = try params.identifier("invoice_id")
        let date = try params.date("date")
        let reason = try params.string("reason")
        let command = try params.checking { () throws(ParameterError) in
            try VoidInvoice(invoiceID: invoiceID, date: date, reason: reason)
        }
        return .voidInvoice(command)
    }

    /// `invoice.write_off {invoice_id, amount?, currency?, date, reason}`; without an amount,
    /// all that is open at the head when recorded.
    static func writeOffInvoice(_ params: inout ParamReader, currencies: CurrencyLookup)
        throws(RPCError) -> Command
    {
        let invoiceID: InvoiceID = try params.identifier("invoice_id")
        var amount: Money?
        if params.contains("amount") {
            let currency = try amountCurrency(&params) { currencies.invoice(invoiceID) }
            amount = try params.money("amount", currency: currency)
        } else {
            _ = try params.optionalCurrency("currency")
            _ = params.value("amount")
        }
        let date = try params.date("date")
        let reason = try params.string("reason")
        let command = try params.checking { () throws(ParameterError) in
            try WriteOffInvoice(invoiceID: invoiceID, amount: amount, date: date, reason: reason)
        }
        return .writeOffInvoice(command)
    }

    /// `credit_note.issue {credit_note_id, customer_id, currency, amount, date, invoice_id?,
    /// reason}`.
    static func issueCreditNote(_ params: inout ParamReader) throws(RPCError) -> Command {
        let creditNoteID: CreditNoteID = try params.identifier("credit_note_id")
        let customerID: CustomerID = try params.identifier("customer_id")
        let currency = try params.currency("currency")
        let amount = try params.money("amount", currency: currency)
        let date = try params.date("date")
        let invoiceID: InvoiceID? = try params.optionalIdentifier("invoice_id")
        let reason = try params.string("reason")
        let command = try params.checking { () throws(ParameterError) in
            try IssueCreditNote(
                creditNoteID: creditNoteID,
                customerID: customerID,
                currency: currency,
                amount: amount,
                date: date,
                invoiceID: invoiceID,
                reason: reason
            )
        }
        return .issueCreditNote(command)
    }

    /// The currency of amounts given without their entity's currency: the explicit
    /// `currency` member, else the existing entity's.
    ///
    /// - Throws: `invalid_currency`, or `missing_field` when neither is known.
    static func amountCurrency(
        _ params: inout ParamReader,
        existing: () -> Currency?
    ) throws(RPCError) -> Currency {
        if let currency = try params.optionalCurrency("currency") { return currency }
        guard let currency = existing() else {
            throw params.invalid(
                "currency",
                reason: "missing_field",
                message:
                    "missing field \(params.fieldPath("currency")): the amount's currency is not known"
            )
        }
        return currency
    }
}
