import Ledger
import LedgerWire

/// The reminders in an explanation: each (invoice, step) a `reminder.sent` or `reminder.failed`
/// covered, with the figures that made the step due, so an auditor sees why it was sent.
enum ExplainReminders {
    /// One row per item of the record's reminder that `includes` keeps, if the record is a
    /// reminder effective by `asOf`; else none.
    static func rows(
        _ record: AuditRecord,
        asOf: LedgerDate,
        includes: (Reminder, ReminderItem) -> Bool
    ) -> [JSONValue] {
        let reminder: Reminder
        switch record.event {
        case .reminderSent(let sent): reminder = sent
        case .reminderFailed(let failed): reminder = failed
        default: return []
        }
        guard reminder.date <= asOf else { return [] }
        return reminder.items.filter { includes(reminder, $0) }.map { item in
            var members = [
                JSONMember("seq", .int(Int64(record.sequence))),
                JSONMember("recorded_at", .string(record.recordedAt)),
                JSONMember("date", .string(reminder.date.description)),
                JSONMember("type", .string(record.type)),
                JSONMember("invoice_id", .string(item.invoiceID.rawValue)),
                JSONMember("policy_id", .string(item.policyID.rawValue)),
                JSONMember("step", .int(Int64(item.step))),
                JSONMember("why", .string(why(item))),
                JSONMember("channel", .string(reminder.channel)),
                JSONMember("message_id", .string(reminder.messageID)),
            ]
            if let error = reminder.error { members.append(JSONMember("error", .string(error))) }
            members.append(JSONMember("hash", .string(record.hash)))
            return .object(members)
        }
    }

    /// `step 2 of standard: 21 days past due 2026-01-10 with 500.00 EUR open; fee 5.00`.
    static func why(_ item: ReminderItem) -> String {
        let days = item.daysOverdue
        let timing =
            days >= 0
            ? "\(days) day\(days == 1 ? "" : "s") past due \(item.dueDate)"
            : "\(-days) day\(days == -1 ? "" : "s") before due \(item.dueDate)"
        var text =
            "step \(item.step) of \(item.policyID): \(timing) with "
            + "\(item.open.decimalText) \(item.open.currency.code) open"
        if let fee = item.fee { text += "; fee \(fee.decimalText)" }
        if let interest = item.interest { text += "; interest \(interest.decimalText)" }
        if let invoice = item.feeInvoiceID { text += " billed on \(invoice)" }
        return text
    }

    /// The customer's risk tier with the formula's inputs (`report.risk`) and the policy in
    /// force with where it comes from (`customer.get`), at the explanation's time.
    static func standing(
        of customerID: String,
        session: LedgerSession,
        time: TimeOptions
    ) throws -> JSONValue {
        var params = Params()
        params.set("customer_id", customerID)
        time.apply(to: &params)
        let risk = try session.call("report.risk", params.json)["customers"]?.objectElements?.first
        let customer = try session.call("customer.get", params.json)
        var members: [JSONMember] = []
        if let policy = customer["dunning"]?["policy_id"] {
            members.append(JSONMember("policy_id", policy))
            members.append(
                JSONMember("policy_source", customer["dunning"]?["policy_source"] ?? .null)
            )
        }
        if case .object(let inputs)? = risk {
            members += inputs.filter { $0.key != "customer_id" }
        }
        return .object(members)
    }
}
