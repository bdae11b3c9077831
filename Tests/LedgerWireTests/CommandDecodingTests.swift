import Ledger
import LedgerWire
import Testing

/// Each write method's params decode to the command they describe.
struct CommandDecodingTests {
    @Test func registerReadsEveryAttribute() throws {
        let command = try decodeCommand(
            "customer.register",
            #"{"customer_id":"ACME","name":"Acme","email":"ap@acme.example","segment":"smb","currency":"EUR","terms":{"kind":"net","days":30},"locale":"de-DE"}"#
        )
        let expected = try RegisterCustomer(
            customerID: Fixture.id("ACME"),
            name: "Acme",
            email: "ap@acme.example",
            segment: "smb",
            currency: Fixture.eur,
            terms: .net(days: 30),
            locale: "de-DE"
        )
        #expect(command == .registerCustomer(expected))
    }

    @Test func updateTellsAbsentFromClearedFromSet() throws {
        let command = try decodeCommand(
            "customer.update",
            #"{"customer_id":"ACME","email":null,"currency":"JPY","terms":{"kind":"end_of_month","days":10}}"#
        )
        let expected = try UpdateCustomer(
            customerID: Fixture.id("ACME"),
            email: .clear,
            currency: .set(Fixture.jpy),
            terms: .set(.endOfMonth(plusDays: 10))
        )
        #expect(command == .updateCustomer(expected))
    }

    @Test func issueTakesAnAmountAndADueDate() throws {
        let command = try decodeCommand(
            "invoice.issue",
            #"{"invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"1190","issue_date":"2026-01-05","due_date":"2026-02-04","po_number":"PO-1","metadata":{"k":"v"}}"#
        )
        let expected = try IssueInvoice(
            invoiceID: Fixture.id("INV-1"),
            customerID: Fixture.id("ACME"),
            currency: Fixture.eur,
            content: .amount(Fixture.money(119_000)),
            issueDate: Fixture.date("2026-01-05"),
            due: .date(Fixture.date("2026-02-04")),
            poNumber: "PO-1",
            metadata: ["k": "v"]
        )
        #expect(command == .issueInvoice(expected))
    }

    @Test func issueTakesLinesAndTermsOrTheCustomersTerms() throws {
        let withTerms = try decodeCommand(
            "invoice.issue",
            #"{"invoice_id":"I","customer_id":"C","currency":"EUR","lines":[{"description":"Widget","quantity":"2.5","unit_price":"10.00","tax_rate":19},{"description":"Free","quantity":1,"unit_price":"0"}],"issue_date":"2026-01-05","terms":{"kind":"net","days":14}}"#
        )
        guard case .issueInvoice(let invoice) = withTerms else {
            Issue.record("not an invoice")
            return
        }
        #expect(invoice.amount == Fixture.money(2975))
        #expect(invoice.due == .terms(.net(days: 14)))
        guard case .lines(let lines) = invoice.content else {
            Issue.record("no lines")
            return
        }
        #expect(lines.count == 2)
        #expect(lines[1].taxRatePercent.significand == 0)
        let plain = try decodeCommand(
            "invoice.issue",
            #"{"invoice_id":"I","customer_id":"C","currency":"JPY","amount":"500","issue_date":"2026-01-05"}"#
        )
        guard case .issueInvoice(let other) = plain else {
            Issue.record("not an invoice")
            return
        }
        #expect(other.due == .customerTerms)
        #expect(other.amount == Fixture.money(500, Fixture.jpy))
    }

    @Test func voidReverseAndCloseReadTheirFields() throws {
        let void = try decodeCommand(
            "invoice.void",
            #"{"invoice_id":"I","date":"2026-03-01","reason":"duplicate"}"#
        )
        #expect(
            void
                == .voidInvoice(
                    try VoidInvoice(
                        invoiceID: Fixture.id("I"),
                        date: Fixture.date("2026-03-01"),
                        reason: "duplicate"
                    )
                )
        )
        let reverse = try decodeCommand(
            "payment.reverse",
            #"{"payment_id":"P","date":"2026-03-01","reason":"chargeback"}"#
        )
        #expect(
            reverse
                == .reversePayment(
                    try ReversePayment(
                        paymentID: Fixture.id("P"),
                        date: Fixture.date("2026-03-01"),
                        reason: "chargeback"
                    )
                )
        )
        let close = try decodeCommand("period.close", #"{"through":"2026-01-31"}"#)
        #expect(close == .closePeriod(ClosePeriod(through: Fixture.date("2026-01-31"))))
    }

    @Test func writeOffTakesItsCurrencyFromTheParamsOrTheInvoice() throws {
        let all = try decodeCommand(
            "invoice.write_off",
            #"{"invoice_id":"I","date":"2026-03-01","reason":"lost"}"#
        )
        guard case .writeOffInvoice(let everything) = all else {
            Issue.record("not a write-off")
            return
        }
        #expect(everything.amount == nil)
        let explicit = try decodeCommand(
            "invoice.write_off",
            #"{"invoice_id":"I","amount":"0.5","currency":"EUR","date":"2026-03-01","reason":"rounding"}"#
        )
        guard case .writeOffInvoice(let part) = explicit else {
            Issue.record("not a write-off")
            return
        }
        #expect(part.amount == Fixture.money(50))
        let lookup = CurrencyLookup(invoice: { _ in Fixture.jpy }, payment: { _ in nil })
        let looked = try decodeCommand(
            "invoice.write_off",
            #"{"invoice_id":"I","amount":"7","date":"2026-03-01","reason":"rounding"}"#,
            currencies: lookup
        )
        guard case .writeOffInvoice(let inYen) = looked else {
            Issue.record("not a write-off")
            return
        }
        #expect(inYen.amount == Fixture.money(7, Fixture.jpy))
    }

    @Test func creditNotesMayNameAnInvoiceOrNot() throws {
        let command = try decodeCommand(
            "credit_note.issue",
            #"{"credit_note_id":"CN","customer_id":"C","currency":"EUR","amount":"10","date":"2026-02-01","invoice_id":"I","reason":"damaged"}"#
        )
        let expected = try IssueCreditNote(
            creditNoteID: Fixture.id("CN"),
            customerID: Fixture.id("C"),
            currency: Fixture.eur,
            amount: Fixture.money(1000),
            date: Fixture.date("2026-02-01"),
            invoiceID: Fixture.id("I"),
            reason: "damaged"
        )
        #expect(command == .issueCreditNote(expected))
    }

    @Test func paymentAllocationsAbsentEmptyOrExplicitDiffer() throws {
        let base =
            #""payment_id":"P","customer_id":"C","currency":"EUR","amount":"500.00","date":"2026-02-10","method":"bank_transfer""#
        var allocations: [[Allocation]?] = []
        for extra in [
            "", #","allocations":null"#, #","allocations":[]"#,
            #","allocations":[{"invoice_id":"I","amount":"500"}]"#,
        ] {
            guard
                case .recordPayment(let payment) = try decodeCommand(
                    "payment.record",
                    "{\(base)\(extra)}"
                )
            else {
                Issue.record("not a payment")
                return
            }
            allocations.append(payment.allocations)
        }
        #expect(allocations[0] == nil)
        #expect(allocations[1] == nil)
        #expect(allocations[2] == [])
        #expect(
            allocations[3] == [
                Allocation(invoiceID: Fixture.id("I"), amount: Fixture.money(50_000))
            ]
        )
    }

    @Test func allocateReadsAnOptionalDateAndLooksUpThePaymentsCurrency() throws {
        let lookup = CurrencyLookup(invoice: { _ in nil }, payment: { _ in Fixture.eur })
        let command = try decodeCommand(
            "payment.allocate",
            #"{"payment_id":"P","allocations":[{"invoice_id":"I","amount":"1.25"}]}"#,
            currencies: lookup
        )
        let expected = try AllocatePayment(
            paymentID: Fixture.id("P"),
            allocations: [Allocation(invoiceID: Fixture.id("I"), amount: Fixture.money(125))]
        )
        #expect(command == .allocatePayment(expected))
    }

    @Test func configureReadsTheZoneAndTolerances() throws {
        let command = try decodeCommand(
            "ledger.configure",
            #"{"time_zone":"Europe/Berlin","write_off_tolerance":{"JPY":"5","EUR":"0.05"}}"#
        )
        let expected = try ConfigureLedger(
            timeZone: "Europe/Berlin",
            writeOffTolerances: [Fixture.money(5), Fixture.money(5, Fixture.jpy)]
        )
        #expect(command == .configureLedger(expected))
    }

    @Test func aTransactionDecodesEachCommandAndKnowsItsOwnInvoices() throws {
        let commands = try decodeTransaction(
            #"{"commands":[{"method":"invoice.issue","params":{"invoice_id":"I","customer_id":"C","currency":"JPY","amount":"100","issue_date":"2026-01-05"}},{"method":"invoice.write_off","params":{"invoice_id":"I","amount":"3","date":"2026-01-06","reason":"x"}}]}"#
        )
        #expect(commands.count == 2)
        guard case .writeOffInvoice(let writeOff) = commands[1] else {
            Issue.record("not a write-off")
            return
        }
        #expect(writeOff.amount == Fixture.money(3, Fixture.jpy))
    }

    @Test func writeMethodsListEveryCommandAndTheTransaction() {
        let names = CommandDecoding.writeMethods.map(\.name)
        #expect(names == Command.methods + ["ledger.transact"])
        #expect(
            CommandDecoding.writeMethods.filter(\.adminOnly).map(\.name) == [
                "ledger.configure", "dunning.run",
            ]
        )
    }
}
