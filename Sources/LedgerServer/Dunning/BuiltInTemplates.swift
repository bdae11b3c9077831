/// The plain default reminder texts, one per ladder step kind, as Mustache: `courtesy` (before
/// the due date), `reminder` and `final`. A `templates_directory` file of the same name
/// replaces one; a step naming a template that exists nowhere gets `reminder`.
///
/// Variables are the context ``Ledger/ReminderMessage/templateContext(creditor:)`` documents;
/// the renderer escapes nothing, so `{{name}}` is the text itself.
enum BuiltInTemplates {
    /// The template a step whose template is unknown gets.
    static let fallback = "reminder"

    /// The source of each built-in template, in the file format (`Subject:` line, blank line,
    /// body) that ``ReminderTemplateLibrary`` reads.
    static let sources: [String: String] = [
        "courtesy": """
        Subject: Upcoming payment due

        Dear {{customer.name}},

        this is a friendly note that the following invoices fall due soon:

        \(invoiceLines)

        Total open: \(totals)

        {{payment_instructions}}

        Kind regards,
        {{creditor.name}}
        """,
        "reminder": """
        Subject: Payment reminder

        Dear {{customer.name}},

        according to our records the following invoices are overdue as of {{as_of}}:

        \(invoiceLines)

        Total open: \(totals)
        \(fees)

        Please pay at your earliest convenience. {{payment_instructions}}
        If you have paid already, please disregard this message.

        Kind regards,
        {{creditor.name}}
        """,
        "final": """
        Subject: Final notice

        Dear {{customer.name}},

        despite our reminders the following invoices are still unpaid as of {{as_of}}:

        \(invoiceLines)

        Total open: \(totals)
        \(fees)

        Please pay within 7 days. {{payment_instructions}}

        {{creditor.name}}
        """,
    ]

    /// One line per invoice: id, due date, open amount, days overdue, step, fee and interest.
    private static let invoiceLines = """
        {{#invoices}}
        - {{invoice_id}}: due {{due_date}}, open {{open}} {{currency}}, \
        {{days_overdue}} days overdue, step {{step}}\
        {{#fee}}, fee {{fee}}{{/fee}}{{#interest}}, interest {{interest}}{{/interest}}
        {{/invoices}}
        """

    /// The open amount per currency, comma-separated.
    private static let totals =
        "{{#totals}}{{open}} {{currency}}{{^last()}}, {{/last()}}{{/totals}}"

    /// The fee invoices charged in this message, on a line of their own when there are any.
    private static let fees = """
        {{#has_fees}}
        Fees and interest charged: \
        {{#fee_invoices}}{{invoice_id}}{{^last()}}, {{/last()}}{{/fee_invoices}}
        {{/has_fees}}
        """
}
