/// One (invoice, step) that a reminder covers, with the figures that made it due.
package struct ReminderItem: Hashable, Sendable {
    /// The invoice.
    package var invoiceID: InvoiceID
    /// The due date of the part (the invoice, or its oldest open instalment) the step counts from.
    package var dueDate: LedgerDate
    /// The step number in its policy, from 1.
    package var step: Int
    /// The policy the step belongs to.
    package var policyID: DunningPolicyID
    /// Days from the due date to the run's date (negative before it).
    package var daysOverdue: Int
    /// What was open of the invoice on the run's date.
    package var open: Money
    /// The fixed fee charged, if any.
    package var fee: Money?
    /// The interest charged, if any.
    package var interest: Money?
    /// The invoice that bills the fee and interest, if either was charged.
    package var feeInvoiceID: InvoiceID?

    /// Creates an item.
    package init(
        invoiceID: InvoiceID,
        dueDate: LedgerDate,
        step: Int,
        policyID: DunningPolicyID,
        daysOverdue: Int,
        open: Money,
        fee: Money? = nil,
        interest: Money? = nil,
        feeInvoiceID: InvoiceID? = nil
    ) {
        self.invoiceID = invoiceID
        self.dueDate = dueDate
        self.step = step
        self.policyID = policyID
        self.daysOverdue = daysOverdue
        self.open = open
        self.fee = fee
        self.interest = interest
        self.feeInvoiceID = feeInvoiceID
    }

    /// The canonical payload.
    package var payload: PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("currency", string: open.currency.code)
        object.add("days_overdue", .int(Int64(daysOverdue)))
        object.add("due_date", date: dueDate)
        object.add("fee", money: fee)
        object.add("fee_invoice_id", string: feeInvoiceID?.rawValue)
        object.add("interest", money: interest)
        object.add("invoice_id", string: invoiceID.rawValue)
        object.add("open", money: open)
        object.add("policy_id", string: policyID.rawValue)
        object.add("step", .int(Int64(step)))
        return object.value
    }

    /// Reads an item from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "items")
        let currency = try object.currency("currency")
        let step = try object.int("step")
        let days = try object.int("days_overdue")
        guard (1...Int64(DunningPolicy.maximumSteps)).contains(step), abs(days) <= 1_000_000 else {
            throw PayloadFieldError(field: "step")
        }
        invoiceID = try object.identifier("invoice_id")
        dueDate = try object.date("due_date")
        self.step = Int(step)
        policyID = try object.identifier("policy_id")
        daysOverdue = Int(days)
        open = try object.money("open", currency: currency)
        fee = try object.optionalString("fee").map { _ throws(PayloadFieldError) in
            try object.money("fee", currency: currency)
        }
        interest = try object.optionalString("interest").map { _ throws(PayloadFieldError) in
            try object.money("interest", currency: currency)
        }
        feeInvoiceID = try object.optionalIdentifier("fee_invoice_id")
    }
}

/// `reminder.sent` and `reminder.failed`: one consolidated message to a customer in one run,
/// listing every (invoice, step) it covers.
///
/// A sent reminder marks its items done forever; a failed one marks nothing, so the next run
/// tries them again with the same Message-ID.
package struct Reminder: Hashable, Sendable {
    /// The customer.
    package var customerID: CustomerID
    /// The run's business date.
    package var date: LedgerDate
    /// The channel it went through.
    package var channel: String
    /// The template it was rendered with.
    package var template: String
    /// The Message-ID, derived from the ledger id and the items, so a receiver can drop
    /// duplicates of an at-least-once delivery.
    package var messageID: String
    /// The (invoice, step) pairs covered, in invoice order.
    package var items: [ReminderItem]
    /// Why delivery failed (`reminder.failed` only).
    package var error: String?

    /// Creates a reminder.
    package init(
        customerID: CustomerID,
        date: LedgerDate,
        channel: String,
        template: String,
        messageID: String,
        items: [ReminderItem],
        error: String? = nil
    ) {
        self.customerID = customerID
        self.date = date
        self.channel = channel
        self.template = template
        self.messageID = messageID
        self.items = items
        self.error = error
    }

    /// The canonical payload: `{channel, customer_id, date, error?, items, message_id, template}`.
    package var payload: PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("channel", string: channel)
        object.add("customer_id", string: customerID.rawValue)
        object.add("date", date: date)
        object.add("error", string: error)
        object.add("items", .array(items.map(\.payload)))
        object.add("message_id", string: messageID)
        object.add("template", string: template)
        return object.value
    }

    /// Reads a reminder from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "payload")
        customerID = try object.identifier("customer_id")
        date = try object.date("date")
        channel = try object.text("channel", maximumBytes: 64)
        template = try object.text("template", maximumBytes: 64)
        messageID = try object.text("message_id", maximumBytes: 256)
        error = try object.optionalString("error")
        if let error, !TextRules.isValid(error) { throw PayloadFieldError(field: "error") }
        var items: [ReminderItem] = []
        for element in try object.array("items") {
            items.append(try ReminderItem(payload: element))
        }
        guard !items.isEmpty else { throw PayloadFieldError(field: "items") }
        self.items = items
    }
}
