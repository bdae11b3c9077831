import Ledger
import LedgerWire
import Testing

/// The params of the commands and reports beyond the core decode, or are refused with their
/// reason and field.
struct BreadthDecodingTests {
    static let invoice =
        #""invoice_id":"I","customer_id":"C","currency":"EUR","amount":"100.00","issue_date":"2026-01-01""#

    @Test func issueReadsInstalmentsAndDiscountTerms() throws {
        let command = try decodeCommand(
            "invoice.issue",
            #"{\#(Self.invoice),"terms":{"kind":"net","days":30,"discount":{"percent":"2.5","days":10}},"instalments":[{"due_date":"2026-02-01","amount":"60"},{"due_date":"2026-03-01","amount":"40.00"}]}"#
        )
        guard case .issueInvoice(let issue) = command else {
            Issue.record("not an invoice")
            return
        }
        #expect(issue.instalments.map(\.amount) == [Fixture.money(6000), Fixture.money(4000)])
        #expect(
            issue.instalments.map(\.dueDate) == [
                Fixture.date("2026-02-01"), Fixture.date("2026-03-01"),
            ]
        )
        guard case .terms(let terms) = issue.due else {
            Issue.record("no terms")
            return
        }
        #expect(terms.discount?.percent.description == "2.5")
        #expect(terms.discount?.days == 10)
    }

    @Test func termsReadTheTextFormAndASplit() throws {
        let text = try decodeCommand(
            "customer.register",
            #"{"customer_id":"C","name":"C","terms":"2/10 net 30"}"#
        )
        guard case .registerCustomer(let register) = text else {
            Issue.record("not a registration")
            return
        }
        #expect(register.terms?.discount?.days == 10)
        #expect(register.terms?.days == 30)
        let split = try decodeCommand(
            "invoice.issue",
            #"{\#(Self.invoice),"terms":{"kind":"net","days":30,"instalments":{"count":3,"interval_days":30}}}"#
        )
        guard case .issueInvoice(let issue) = split, case .terms(let terms) = issue.due else {
            Issue.record("no terms")
            return
        }
        #expect(terms.split == (try InstalmentSplit(count: 3, intervalDays: 30)))
    }

    @Test func refundDisputeResolveAndPromiseDecode() throws {
        let lookup = CurrencyLookup(invoice: { _ in Fixture.eur }, payment: { _ in Fixture.jpy })
        let refund = try decodeCommand(
            "payment.refund",
            #"{"payment_id":"P","amount":"500","date":"2026-02-01","reason":"overpaid"}"#,
            currencies: lookup
        )
        #expect(
            refund
                == .refundPayment(
                    try RefundPayment(
                        paymentID: Fixture.id("P"),
                        amount: Fixture.money(500, Fixture.jpy),
                        date: Fixture.date("2026-02-01"),
                        reason: "overpaid"
                    )
                )
        )
        let dispute = try decodeCommand(
            "invoice.dispute",
            #"{"invoice_id":"I","date":"2026-02-01","reason":"wrong quantity"}"#
        )
        #expect(dispute.method == "invoice.dispute")
        let resolve = try decodeCommand(
            "invoice.resolve_dispute",
            #"{"invoice_id":"I","date":"2026-02-03","resolution":"credited"}"#
        )
        #expect(resolve.method == "invoice.resolve_dispute")
        let promise = try decodeCommand(
            "invoice.promise",
            #"{"invoice_id":"I","date":"2026-02-28","amount":"400.00"}"#,
            currencies: lookup
        )
        #expect(
            promise
                == .promisePayment(
                    try PromisePayment(
                        invoiceID: Fixture.id("I"),
                        date: Fixture.date("2026-02-28"),
                        amount: Fixture.money(40_000)
                    )
                )
        )
    }

    @Test(arguments: [
        (
            "invoice.issue",
            #"{\#(invoice),"due_date":"2026-02-01","instalments":[{"due_date":"2026-02-01","amount":"50"},{"due_date":"2026-03-01","amount":"50"}]}"#,
            "invalid_value", "instalments"
        ),
        (
            "invoice.issue",
            #"{\#(invoice),"instalments":[{"due_date":"2026-02-01","amount":"50"},{"due_date":"2026-03-01","amount":"49"}]}"#,
            "invalid_value", "instalments"
        ),
        (
            "invoice.issue",
            #"{\#(invoice),"instalments":[{"due_date":"2026-02-01","amount":"50.001"},{"due_date":"2026-03-01","amount":"50"}]}"#,
            "invalid_amount", "instalments[0].amount"
        ),
        (
            "invoice.issue",
            #"{\#(invoice),"terms":{"kind":"net","days":30,"discount":{"percent":"100","days":10}}}"#,
            "invalid_value", "terms.discount.percent"
        ),
        (
            "invoice.issue",
            #"{\#(invoice),"terms":{"kind":"net","days":30,"discount":{"percent":"2","days":31}}}"#,
            "invalid_value", "terms.discount.days"
        ),
        (
            "invoice.issue",
            #"{\#(invoice),"terms":{"kind":"net","days":30,"instalments":{"count":1,"interval_days":30}}}"#,
            "out_of_range", "terms.instalments.count"
        ),
        ("invoice.issue", #"{\#(invoice),"terms":"2/10 within 30"}"#, "invalid_value", "terms"),
        (
            "payment.refund",
            #"{"payment_id":"P","currency":"EUR","amount":"0","date":"2026-02-01","reason":"x"}"#,
            "invalid_amount", "amount"
        ),
        (
            "payment.refund", #"{"payment_id":"P","amount":"5","date":"2026-02-01","reason":"x"}"#,
            "missing_field", "currency"
        ),
        (
            "invoice.dispute", #"{"invoice_id":"I","date":"2026-02-30","reason":"x"}"#,
            "invalid_date", "date"
        ),
        (
            "invoice.resolve_dispute", #"{"invoice_id":"I","date":"2026-02-03"}"#, "missing_field",
            "resolution"
        ),
        (
            "invoice.promise",
            #"{"invoice_id":"I","currency":"EUR","date":"2026-02-28","amount":"-1"}"#,
            "invalid_amount", "amount"
        ),
    ])
    func malformedParamsAreRefused(method: String, params: String, reason: String, field: String)
        throws
    {
        let error = try #require(try decodingError(method, params), "accepted")
        #expect(error.code == .invalidParams)
        #expect(error.reason == reason)
        #expect(error.field == field)
    }

    func reader(_ json: String) throws -> ParamReader {
        try ParamReader(try JSONParser.parse(Array(json.utf8)))
    }

    @Test func reportParamsReadFiltersAndPeriods() throws {
        var items = try reader(
            #"{"customer_id":"A","currency":"EUR","as_of":"2026-03-31","known_at":{"seq":9}}"#
        )
        let openItems = try ReportRequest.OpenItems.read(&items)
        try items.finish()
        #expect(openItems.customerID == Fixture.id("A"))
        #expect(openItems.currency == Fixture.eur)
        #expect(
            openItems.time
                == ReportRequest.Time(asOf: Fixture.date("2026-03-31"), knownAt: .sequence(9))
        )
        var statement = try reader(#"{"customer_id":"A","from":"2026-01-01","to":"2026-03-31"}"#)
        let request = try ReportRequest.Statement.read(&statement)
        try statement.finish()
        #expect(request.period.from == Fixture.date("2026-01-01"))
        #expect(request.period.time.asOf == Fixture.date("2026-03-31"))
        var backwards = try reader(#"{"from":"2026-03-31","to":"2026-01-01"}"#)
        #expect(throws: RPCError.self) { try ReportRequest.Period.read(&backwards) }
        var aging = try reader(#"{"customer_id":"A","currency":"USD"}"#)
        let agingRequest = try ReportRequest.Aging.read(&aging)
        try aging.finish()
        let query = agingRequest.query(at: ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 3))
        #expect(query.customerID == Fixture.id("A"))
        #expect(query.currency == Fixture.currency("USD"))
    }

    @Test func hundredthsRenderWithTwoDecimals() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.hundredths("a", 6300)
        writer.hundredths("b", -305)
        writer.hundredths("c", 7)
        writer.hundredths("d", nil)
        writer.endObject()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"{"a":"63.00","b":"-3.05","c":"0.07","d":null}"#
        )
    }
}
