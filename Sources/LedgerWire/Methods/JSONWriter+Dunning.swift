package import Ledger

extension JSONWriter {
    /// Writes `dunning.preview`'s result: `{as_of, decisions, messages, fee_invoices}`.
    ///
    /// A decision is `{invoice_id, customer_id, due_date, days_overdue, open, currency,
    /// policy_id, policy_source, last_reminder, action: "send" | "skip", step?, reason?,
    /// explanation}`; a message is the `reminder.sent` payload it would record with the
    /// `subject` and `body` it would be sent with.
    ///
    /// - Parameters:
    ///   - plan: The scheduler's plan.
    ///   - rendered: The subject and body of each of `plan.messages`, in their order.
    package mutating func dunningPreview(
        _ plan: DunningPlan,
        rendered: [(subject: String, body: String)]
    ) {
        beginObject()
        member("as_of", plan.asOf.description)
        key("decisions")
        beginArray()
        for decision in plan.decisions { dunningDecision(decision) }
        endArray()
        key("messages")
        beginArray()
        for (message, text) in zip(plan.messages, rendered) {
            guard case .object(let members) = message.reminder.payload else { continue }
            payload(
                .object(
                    sorting: members + [
                        PayloadMember("subject", .string(text.subject)),
                        PayloadMember("body", .string(text.body)),
                    ]
                )
            )
        }
        endArray()
        key("fee_invoices")
        beginArray()
        for invoice in plan.feeInvoices {
            beginObject()
            member("invoice_id", invoice.invoiceID.rawValue)
            member("customer_id", invoice.customerID.rawValue)
            member("currency", invoice.amount.currency.code)
            member("amount", invoice.amount)
            member("for_invoice_id", invoice.metadata[LedgerState.feeForKey] ?? "")
            endObject()
        }
        endArray()
        endObject()
    }

    private mutating func dunningDecision(_ decision: DunningDecision) {
        beginObject()
        dunningDecisionMembers(decision)
        endObject()
    }

    /// The members of a decision, shared by the preview and the worklist.
    mutating func dunningDecisionMembers(_ decision: DunningDecision) {
        member("invoice_id", decision.invoiceID.rawValue)
        member("customer_id", decision.customerID.rawValue)
        member("due_date", decision.dueDate.description)
        member("days_overdue", Int64(decision.daysOverdue))
        member("currency", decision.open.currency.code)
        member("open", decision.open)
        optionalMember("policy_id", decision.policy?.id.rawValue)
        optionalMember("policy_source", decision.policy?.source.rawValue)
        optionalMember("last_reminder", decision.lastReminder?.description)
        switch decision.outcome {
        case .send(let item):
            member("action", "send")
            member("step", Int64(item.step))
            if let fee = item.fee { member("fee", fee) }
            if let interest = item.interest { member("interest", interest) }
            let dueOn = decision.sentStep.map { " on \($0.dueOn) (\($0.template))" } ?? ""
            member(
                "explanation",
                "step \(item.step) fell due\(dueOn) and is the lowest applicable step not yet sent "
                    + "for the amount due \(item.dueDate)"
            )
        case .skip(let skip):
            member("action", "skip")
            member("reason", skip.reason)
            member("explanation", skip.explanation)
        }
    }

    /// A string member, or `null` when absent.
    mutating func optionalMember(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
}
