/// The data a reminder is rendered from: the Mustache context of its templates and the JSON an
/// `exec` channel receives (`schemas/channels/exec-reminder.schema.json`).
///
/// The domain builds it so every channel and template sees the same figures; rendering is the
/// daemon's business. Members, all text unless noted:
///
/// - `message_id`, `as_of` (the run's date), `channel`, `template`
/// - `customer`: `{id, name, email?}`
/// - `creditor`: `{name, address, payment_instructions}`, absent when none is configured, and
///   `payment_instructions` again at the top (empty when none)
/// - `invoices`: one per (invoice, step), in invoice order: `{invoice_id, due_date, currency,
///   open, days_overdue (integer), step (integer), fee?, interest?, fee_invoice_id?}`
/// - `totals`: the open amount per currency, `{currency, open}`, sorted by currency
/// - `fee_invoices`: the invoices billing this message's fees and interest, `{invoice_id,
///   for_invoice_id, currency, fee?, interest?}`, and `has_fees` (boolean) for a section
///   shown once
extension ReminderMessage {
    /// The context of this message, with the ledger's creditor identity if one is configured.
    package func templateContext(creditor: CreditorIdentity?) -> PayloadValue {
        let reminder = self.reminder
        var object = PayloadObjectBuilder()
        object.add("message_id", string: reminder.messageID)
        object.add("as_of", date: reminder.date)
        object.add("channel", string: reminder.channel)
        object.add("template", string: reminder.template)
        var customer = PayloadObjectBuilder()
        customer.add("id", string: reminder.customerID.rawValue)
        customer.add("name", string: customerName)
        customer.add("email", string: email)
        object.add("customer", customer.value)
        if let creditor {
            var identity = PayloadObjectBuilder()
            identity.add("name", string: creditor.name)
            identity.add("address", string: creditor.address)
            identity.add("payment_instructions", string: creditor.paymentInstructions)
            object.add("creditor", identity.value)
        }
        object.add("payment_instructions", string: creditor?.paymentInstructions ?? "")
        object.add("invoices", .array(reminder.items.map(Self.invoiceContext)))
        object.add("totals", .array(Self.totals(reminder.items)))
        let fees = reminder.items.compactMap(Self.feeContext)
        object.add("fee_invoices", .array(fees))
        object.add("has_fees", .bool(!fees.isEmpty))
        return object.value
    }

    private static func invoiceContext(_ item: ReminderItem) -> PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("invoice_id", string: item.invoiceID.rawValue)
        object.add("due_date", date: item.dueDate)
        object.add("currency", string: item.open.currency.code)
        object.add("open", money: item.open)
        object.add("days_overdue", .int(Int64(item.daysOverdue)))
        object.add("step", .int(Int64(item.step)))
        object.add("fee", money: item.fee)
        object.add("interest", money: item.interest)
        object.add("fee_invoice_id", string: item.feeInvoiceID?.rawValue)
        return object.value
    }

    private static func feeContext(_ item: ReminderItem) -> PayloadValue? {
        guard let id = item.feeInvoiceID else { return nil }
        var object = PayloadObjectBuilder()
        object.add("invoice_id", string: id.rawValue)
        object.add("for_invoice_id", string: item.invoiceID.rawValue)
        object.add("currency", string: item.open.currency.code)
        object.add("fee", money: item.fee)
        object.add("interest", money: item.interest)
        return object.value
    }

    private static func totals(_ items: [ReminderItem]) -> [PayloadValue] {
        var totals: [Currency: Money] = [:]
        for item in items {
            totals[item.open.currency] =
                totals[item.open.currency].map { $0 + item.open } ?? item.open
        }
        return totals.values.sorted { $0.currency < $1.currency }.map { total in
            var object = PayloadObjectBuilder()
            object.add("currency", string: total.currency.code)
            object.add("open", money: total)
            return object.value
        }
    }
}
