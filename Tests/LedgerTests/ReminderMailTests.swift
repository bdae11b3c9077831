import Ledger
import Testing

struct ReminderMailTests {
    static func message(name: String = "Acme GmbH", template: String = "reminder")
        -> ReminderMessage
    {
        let item = ReminderItem(
            invoiceID: InvoiceID(validated: "INV-1"),
            dueDate: date("2026-01-31"),
            step: 2,
            policyID: DunningPolicyID(validated: "STD"),
            daysOverdue: 7,
            open: eur("1190.00"),
            fee: eur("5.00"),
            feeInvoiceID: InvoiceID(validated: "INV-1-F2")
        )
        let reminder = Reminder(
            customerID: CustomerID(validated: "ACME"),
            date: date("2026-02-07"),
            channel: "spool",
            template: template,
            messageID: ReminderMessageID.make(ledgerID: "L-1", items: [item]),
            items: [item]
        )
        return ReminderMessage(reminder: reminder, customerName: name, email: "ap@acme.example")
    }

    static let creditor = must {
        try CreditorIdentity(
            name: "Example GmbH",
            address: "billing@example.com",
            paymentInstructions: "IBAN DE89"
        )
    }

    static func mail(_ message: ReminderMessage = message()) -> String {
        message.rfc5322(
            subject: "Payment reminder\r\nBcc: evil@example.com",
            body: "Dear Acme,\npay.",
            from: ReminderMail.mailbox(creditor.name, creditor.address)
        )
    }

    @Test func theContextHasTheDocumentedVariables() {
        let context = Self.message().templateContext(creditor: Self.creditor)
        #expect(context["customer"]?["name"] == .string("Acme GmbH"))
        #expect(context["customer"]?["email"] == .string("ap@acme.example"))
        #expect(context["creditor"]?["name"] == .string("Example GmbH"))
        #expect(context["payment_instructions"] == .string("IBAN DE89"))
        #expect(context["as_of"] == .string("2026-02-07"))
        let invoice = context["invoices"]?[0]
        #expect(invoice?["invoice_id"] == .string("INV-1"))
        #expect(invoice?["days_overdue"] == .int(7))
        #expect(invoice?["step"] == .int(2))
        #expect(invoice?["fee"] == .string("5.00"))
        #expect(context["totals"]?[0]?["open"] == .string("1190.00"))
        #expect(context["fee_invoices"]?[0]?["invoice_id"] == .string("INV-1-F2"))
        #expect(context["has_fees"] == .bool(true))
        let anonymous = Self.message().templateContext(creditor: nil)
        #expect(anonymous["creditor"] == nil)
        #expect(anonymous["payment_instructions"] == .string(""))
    }

    @Test func theMessageHasHeadersTheMessageIDAndThePlainBody() {
        let (head, body) = split(Self.mail())
        #expect(head.contains("Message-ID: \(Self.message().reminder.messageID)"))
        #expect(head.contains("Date: Sat, 07 Feb 2026 00:00:00 +0000"))
        #expect(head.contains("From: \"Example GmbH\" <billing@example.com>"))
        #expect(head.contains("To: \"Acme GmbH\" <ap@acme.example>"))
        #expect(head.contains("Subject: Payment reminder  Bcc: evil@example.com"))
        #expect(!head.contains("\nBcc:"))
        #expect(body == "\nDear Acme,\npay.\n")
        #expect(ReminderMail.dateTime(date("1970-01-01")) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func nonASCIIHeaderTextIsEncodedAndLineBreaksNeverReachAHeader() {
        #expect(ReminderMail.encodedWord("Bêta SARL") == "=?UTF-8?B?QsOqdGEgU0FSTA==?=")
        #expect(ReminderMail.base64(Array("ab".utf8)) == "YWI=")
        #expect(ReminderMail.base64(Array("abc".utf8)) == "YWJj")
        #expect(ReminderMail.oneLine("a\r\nBcc: x") == "a  Bcc: x")
        let encoded = Self.mail(Self.message(name: "Bêta SARL"))
        #expect(split(encoded).head.contains("To: =?UTF-8?B?QsOqdGEgU0FSTA==?= <ap@acme.example>"))
        let injected = Self.mail(Self.message(name: "Acme\nBcc: evil@example.com"))
        #expect(!split(injected).head.contains("\nBcc:"))
        #expect(
            split(injected).head.contains("To: \"Acme Bcc: evil@example.com\" <ap@acme.example>")
        )
    }

    @Test func theMessageIDIsDeterministicAndDependsOnTheItems() {
        let first = Self.message().reminder
        #expect(first.messageID == Self.message().reminder.messageID)
        #expect(first.messageID.hasPrefix("<r.") && first.messageID.hasSuffix("@L-1.accrue>"))
        var other = first.items[0]
        other.step = 3
        #expect(ReminderMessageID.make(ledgerID: "L-1", items: [other]) != first.messageID)
        #expect(ReminderMessageID.make(ledgerID: "L-2", items: first.items) != first.messageID)
    }

    /// The header block and the body; CRLF is one `Character` in Swift.
    private func split(_ mail: String) -> (head: String, body: String) {
        let lines = mail.split(separator: "\r\n", omittingEmptySubsequences: false)
        let blank = lines.firstIndex(of: "") ?? lines.endIndex
        return (
            lines[..<blank].joined(separator: "\n"),
            lines[blank...].joined(separator: "\n")
        )
    }
}

extension PayloadValue {
    /// An array's element, for reading a context in a test.
    fileprivate subscript(index: Int) -> PayloadValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
