/// The built-in reminder texts and the `{{variable}}` renderer.
///
/// Templates are plain text, never HTML. Variables: `customer_id`, `customer_name`, `as_of`,
/// `creditor_name`, `creditor_address`, `payment_instructions`, `message_id`, `invoices` (one
/// line per invoice: id, due date, open amount, days overdue, step, fee and interest), `totals`
/// (open per currency) and `fees` (fee invoices charged in this message). An unknown variable
/// renders as nothing; an unknown template name falls back to `reminder`.
package enum ReminderTemplates {
    /// Subject and body by template name.
    package static let builtIn: [String: (subject: String, body: String)] = [
        "courtesy": (
            "Upcoming payment due",
            """
            Dear {{customer_name}},

            this is a friendly note that the following invoices fall due soon:

            {{invoices}}

            Total open: {{totals}}

            {{payment_instructions}}

            Kind regards,
            {{creditor_name}}
            """
        ),
        "reminder": (
            "Payment reminder",
            """
            Dear {{customer_name}},

            according to our records the following invoices are overdue as of {{as_of}}:

            {{invoices}}

            Total open: {{totals}}{{fees}}

            Please pay at your earliest convenience. {{payment_instructions}}
            If you have paid already, please disregard this message.

            Kind regards,
            {{creditor_name}}
            """
        ),
        "final": (
            "Final notice",
            """
            Dear {{customer_name}},

            despite our reminders the following invoices are still unpaid as of {{as_of}}:

            {{invoices}}

            Total open: {{totals}}{{fees}}

            Please pay within 7 days. {{payment_instructions}}

            {{creditor_name}}
            """
        ),
    ]

    /// The values of every variable for a message.
    package static func variables(_ message: ReminderMessage, creditor: CreditorIdentity?)
        -> [String: String]
    {
        let reminder = message.reminder
        var lines: [String] = []
        var totals: [Currency: Money] = [:]
        var fees: [String] = []
        for item in reminder.items {
            var line =
                "- \(item.invoiceID): due \(item.dueDate), open \(item.open.decimalText) "
                + "\(item.open.currency.code), \(item.daysOverdue) days overdue, step \(item.step)"
            if let fee = item.fee { line += ", fee \(fee.decimalText)" }
            if let interest = item.interest { line += ", interest \(interest.decimalText)" }
            lines.append(line)
            totals[item.open.currency] =
                (totals[item.open.currency].map { $0 + item.open }) ?? item.open
            if let id = item.feeInvoiceID { fees.append(id.rawValue) }
        }
        let totalText = totals.values.sorted { $0.currency < $1.currency }
            .map { "\($0.decimalText) \($0.currency.code)" }.joined(separator: ", ")
        return [
            "customer_id": reminder.customerID.rawValue,
            "customer_name": message.customerName,
            "as_of": reminder.date.description,
            "creditor_name": creditor?.name ?? "",
            "creditor_address": creditor?.address ?? "",
            "payment_instructions": creditor?.paymentInstructions ?? "",
            "message_id": reminder.messageID,
            "invoices": lines.joined(separator: "\n"),
            "totals": totalText,
            "fees": fees.isEmpty
                ? "" : "\nFees and interest charged: " + fees.joined(separator: ", "),
        ]
    }

    /// Renders a message's subject and body with its template.
    package static func render(_ message: ReminderMessage, creditor: CreditorIdentity?) -> (
        subject: String, body: String
    ) {
        let template = builtIn[message.reminder.template] ?? builtIn["reminder"] ?? ("", "")
        let values = variables(message, creditor: creditor)
        return (render(template.subject, values), render(template.body, values))
    }

    /// Replaces every `{{name}}` in `template` by its value (nothing when unknown).
    package static func render(_ template: String, _ values: [String: String]) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let name = afterOpen[..<close.lowerBound].trimmingSpaces
            output += values[name] ?? ""
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    fileprivate func range(of needle: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
