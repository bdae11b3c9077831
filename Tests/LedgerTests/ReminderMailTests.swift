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

    @Test func placeholdersRenderTheirValuesAndUnknownOnesNothing() {
        let text = ReminderTemplates.render(
            "Dear {{ customer_name }}, {{unknown}}pay {{totals}} to {{payment_instructions}}. {{open",
            ReminderTemplates.variables(Self.message(), creditor: Self.creditor)
        )
        #expect(text == "Dear Acme GmbH, pay 1190.00 EUR to IBAN DE89. {{open")
    }

    @Test func theMessageHasHeadersTheMessageIDAndThePlainBody() {
        let mail = Self.message().rfc5322(creditor: Self.creditor)
        let (head, body) = split(mail)
        #expect(head.contains("Message-ID: \(Self.message().reminder.messageID)"))
        #expect(head.contains("From: \"Example GmbH\" <billing@example.com>"))
        #expect(head.contains("To: \"Acme GmbH\" <ap@acme.example>"))
        #expect(head.contains("Subject: Payment reminder"))
        #expect(
            body.contains(
                "- INV-1: due 2026-01-31, open 1190.00 EUR, 7 days overdue, step 2, fee 5.00"
            )
        )
        #expect(body.contains("Fees and interest charged: INV-1-F2"))
        #expect(!mail.contains("<html"))
    }

    @Test func nonASCIIHeaderTextIsEncodedAndLineBreaksNeverReachAHeader() {
        #expect(ReminderMail.encodedWord("Bêta SARL") == "=?UTF-8?B?QsOqdGEgU0FSTA==?=")
        #expect(ReminderMail.base64(Array("ab".utf8)) == "YWI=")
        #expect(ReminderMail.base64(Array("abc".utf8)) == "YWJj")
        #expect(ReminderMail.oneLine("a\r\nBcc: x") == "a  Bcc: x")
        let encoded = Self.message(name: "Bêta SARL").rfc5322(creditor: Self.creditor)
        #expect(split(encoded).head.contains("To: =?UTF-8?B?QsOqdGEgU0FSTA==?= <ap@acme.example>"))
        let injected = Self.message(name: "Acme\nBcc: evil@example.com").rfc5322(
            creditor: Self.creditor
        )
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
