import Ledger
import LedgerWire
import Testing

/// Malformed params are refused at the edge with -32602, a stable reason and the field's path.
struct CommandDecodingErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let method: String
        let params: String
        let reason: String
        let field: String
        var testDescription: String { "\(method) \(reason) \(field)" }

        init(_ method: String, _ params: String, _ reason: String, _ field: String) {
            self.method = method
            self.params = params
            self.reason = reason
            self.field = field
        }
    }

    static let invoice =
        #""invoice_id":"I","customer_id":"C","currency":"EUR","issue_date":"2026-01-05""#
    static let payment =
        #""payment_id":"P","customer_id":"C","currency":"EUR","amount":"10","date":"2026-02-01","method":"cash""#
    static let line = #""description":"W","quantity":"1","unit_price":"1""#
    static let longID = String(repeating: "x", count: 129)

    static let cases: [Case] = [
        Case("invoice.issue", #"{\#(invoice),"amount":"-5"}"#, "invalid_amount", "amount"),
        Case("invoice.issue", #"{\#(invoice),"amount":"0"}"#, "invalid_amount", "amount"),
        Case("invoice.issue", #"{\#(invoice),"amount":"1.001"}"#, "invalid_amount", "amount"),
        Case("invoice.issue", #"{\#(invoice),"amount":5}"#, "invalid_amount", "amount"),
        Case("invoice.issue", #"{\#(invoice),"amount":"1e3"}"#, "invalid_amount", "amount"),
        Case(
            "invoice.issue",
            #"{"invoice_id":"I","currency":"EUR","amount":"1","issue_date":"2026-01-05"}"#,
            "missing_field",
            "customer_id"
        ),
        Case(
            "invoice.issue",
            #"{"invoice_id":"I","customer_id":7,"currency":"EUR","amount":"1","issue_date":"2026-01-05"}"#,
            "wrong_type",
            "customer_id"
        ),
        Case(
            "invoice.issue",
            #"{"invoice_id":"I","customer_id":"","currency":"EUR","amount":"1","issue_date":"2026-01-05"}"#,
            "empty_string",
            "customer_id"
        ),
        Case(
            "invoice.issue",
            #"{"invoice_id":"\#(longID)","customer_id":"C","currency":"EUR","amount":"1","issue_date":"2026-01-05"}"#,
            "too_long",
            "invoice_id"
        ),
        Case(
            "invoice.issue",
            #"{"invoice_id":"I\u0001","customer_id":"C","currency":"EUR","amount":"1","issue_date":"2026-01-05"}"#,
            "invalid_value",
            "invoice_id"
        ),
        Case(
            "invoice.issue",
            #"{"invoice_id":"I","customer_id":"C","currency":"EURO","amount":"1","issue_date":"2026-01-05"}"#,
            "invalid_currency",
            "currency"
        ),
        Case(
            "invoice.issue",
            #"{"invoice_id":"I","customer_id":"C","currency":"EUR","amount":"1","issue_date":"2026-02-30"}"#,
            "invalid_date",
            "issue_date"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","due_date":"2026-01-04"}"#,
            "invalid_value",
            "due_date"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","lines":[{\#(line)}]}"#,
            "invalid_value",
            "lines"
        ),
        Case("invoice.issue", #"{\#(invoice)}"#, "missing_field", "amount"),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","due_date":"2026-02-01","terms":{"kind":"net","days":1}}"#,
            "invalid_value",
            "terms"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","terms":{"kind":"net","days":4000}}"#,
            "out_of_range",
            "terms.days"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","terms":{"kind":"weekly","days":7}}"#,
            "invalid_value",
            "terms.kind"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","terms":{"kind":"net"}}"#,
            "missing_field",
            "terms.days"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"lines":[{\#(line)},{"description":"W","quantity":"abc","unit_price":"1"}]}"#,
            "invalid_value",
            "lines[1].quantity"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"lines":[{"description":"W","quantity":"0","unit_price":"1"}]}"#,
            "invalid_amount",
            "lines[0].quantity"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"lines":[{"description":"W","quantity":"1","unit_price":"-1"}]}"#,
            "invalid_amount",
            "lines[0].unit_price"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"lines":[{\#(line),"tax_rate":"150"}]}"#,
            "invalid_value",
            "lines[0].tax_rate"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"lines":[{\#(line),"sku":"A-1"}]}"#,
            "unknown_field",
            "lines[0].sku"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"lines":[{"description":"","quantity":"1","unit_price":"1"}]}"#,
            "invalid_text",
            "lines[0].description"
        ),
        Case("invoice.issue", #"{\#(invoice),"lines":[]}"#, "invalid_value", "lines"),
        Case("invoice.issue", #"{\#(invoice),"lines":[5]}"#, "wrong_type", "lines[0]"),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","metadata":{"k":5}}"#,
            "wrong_type",
            "metadata.k"
        ),
        Case(
            "invoice.issue",
            #"{\#(invoice),"amount":"1","colour":"red"}"#,
            "unknown_field",
            "colour"
        ),
        Case("customer.register", #"{"customer_id":"C","name":""}"#, "invalid_text", "name"),
        Case("customer.register", #"{"customer_id":"C"}"#, "missing_field", "name"),
        Case(
            "customer.register",
            #"{"customer_id":"C","name":"N","currency":"XYZ"}"#,
            "invalid_currency",
            "currency"
        ),
        Case("customer.update", #"{"customer_id":"C"}"#, "invalid_value", "customer_id"),
        Case("customer.update", #"{"customer_id":"C","name":null}"#, "invalid_value", "name"),
        Case("customer.update", #"{"customer_id":"C","email":7}"#, "wrong_type", "email"),
        Case(
            "customer.update",
            #"{"customer_id":"C","terms":{"kind":"net","days":-1}}"#,
            "out_of_range",
            "terms.days"
        ),
        Case(
            "payment.record",
            #"{\#(payment),"allocations":[{"invoice_id":"A","amount":"1"},{"invoice_id":"B","amount":"0"}]}"#,
            "invalid_amount",
            "allocations[1].amount"
        ),
        Case(
            "payment.record",
            #"{\#(payment),"allocations":[{"invoice_id":"A","amount":"1"},{"invoice_id":"A","amount":"2"}]}"#,
            "invalid_value",
            "allocations[1].invoice_id"
        ),
        Case("payment.record", #"{\#(payment),"allocations":"all"}"#, "wrong_type", "allocations"),
        Case(
            "payment.record",
            #"{\#(payment),"allocations":[{"invoice_id":"A"}]}"#,
            "missing_field",
            "allocations[0].amount"
        ),
        Case(
            "payment.record",
            #"{"payment_id":"P","customer_id":"C","currency":"EUR","amount":"10","date":"2026-02-01","method":""}"#,
            "invalid_text",
            "method"
        ),
        Case(
            "payment.allocate",
            #"{"payment_id":"P","allocations":[{"invoice_id":"A","amount":"1"}]}"#,
            "missing_field",
            "currency"
        ),
        Case(
            "payment.allocate",
            #"{"payment_id":"P","currency":"EUR","allocations":[]}"#,
            "invalid_value",
            "allocations"
        ),
        Case(
            "payment.allocate",
            #"{"payment_id":"P","currency":"EUR","date":"soon","allocations":[{"invoice_id":"A","amount":"1"}]}"#,
            "invalid_date",
            "date"
        ),
        Case(
            "payment.reverse",
            #"{"payment_id":"P","date":"2026-02-01"}"#,
            "missing_field",
            "reason"
        ),
        Case(
            "invoice.void",
            #"{"invoice_id":"I","date":"2026-02-01","reason":"a\nb"}"#,
            "invalid_text",
            "reason"
        ),
        Case(
            "invoice.write_off",
            #"{"invoice_id":"I","currency":"EUR","amount":"0","date":"2026-02-01","reason":"r"}"#,
            "invalid_amount",
            "amount"
        ),
        Case(
            "invoice.write_off",
            #"{"invoice_id":"I","amount":"1","date":"2026-02-01","reason":"r"}"#,
            "missing_field",
            "currency"
        ),
        Case(
            "credit_note.issue",
            #"{"credit_note_id":"N","customer_id":"C","currency":"EUR","amount":"-1","date":"2026-02-01","reason":"r"}"#,
            "invalid_amount",
            "amount"
        ),
        Case("period.close", #"{"through":"yesterday"}"#, "invalid_date", "through"),
        Case("period.close", #"{}"#, "missing_field", "through"),
        Case("ledger.configure", #"{}"#, "invalid_value", "time_zone"),
        Case("ledger.configure", #"{"time_zone":"Not a zone!"}"#, "invalid_value", "time_zone"),
        Case(
            "ledger.configure",
            #"{"write_off_tolerance":{"XXX":"1"}}"#,
            "invalid_currency",
            "write_off_tolerance.XXX"
        ),
        Case(
            "ledger.configure",
            #"{"write_off_tolerance":{"EUR":"-1"}}"#,
            "invalid_amount",
            "write_off_tolerance.EUR"
        ),
        Case("ledger.transact", #"{}"#, "missing_field", "commands"),
        Case("ledger.transact", #"{"commands":[]}"#, "invalid_value", "commands"),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"invoice.pay","params":{}}]}"#,
            "invalid_value",
            "commands[0].method"
        ),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"ledger.configure","params":{"time_zone":"UTC"}}]}"#,
            "invalid_value",
            "commands[0].method"
        ),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"ledger.transact","params":{"commands":[]}}]}"#,
            "invalid_value",
            "commands[0].method"
        ),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"period.close","params":{"command_id":"x","through":"2026-01-31"}}]}"#,
            "unknown_field",
            "commands[0].command_id"
        ),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"period.close","params":{"through":"2026-01-31"},"id":1}]}"#,
            "unknown_field",
            "commands[0].id"
        ),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"period.close"}]}"#,
            "missing_field",
            "commands[0].params"
        ),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"period.close","params":{"through":"2026-01-31"}},{"method":"invoice.issue","params":{\#(invoice),"amount":"1.001"}}]}"#,
            "invalid_amount",
            "commands[1].amount"
        ),
        Case(
            "ledger.transact",
            #"{"commands":[{"method":"payment.record","params":{\#(payment),"allocations":[{"invoice_id":"A","amount":"x"}]}}]}"#,
            "invalid_amount",
            "commands[0].allocations[0].amount"
        ),
    ]

    @Test(arguments: cases)
    func malformedParamsAreRefusedWithReasonAndField(_ test: Case) throws {
        let error = try #require(try decodingError(test.method, test.params), "accepted")
        #expect(error.code == .invalidParams)
        #expect(error.reason == test.reason)
        #expect(error.field == test.field)
    }

    @Test func aNonPositiveAmountSaysSoInDesignsWords() throws {
        let error = try decodingError(
            "invoice.issue",
            #"{"invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"-5","issue_date":"2026-01-05","due_date":"2026-02-04"}"#
        )
        #expect(
            error
                == .invalidParams(
                    reason: "invalid_amount",
                    field: "amount",
                    message: "amount must be positive"
                )
        )
    }

    @Test func anUnknownWriteMethodIsMethodNotFound() throws {
        let error = try decodingError("invoice.pay", "{}")
        #expect(error?.code == .methodNotFound)
    }
}
