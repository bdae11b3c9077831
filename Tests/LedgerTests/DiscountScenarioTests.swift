import Ledger
import Testing

/// Early-payment discounts, hand-computed: "2/10 net 30" on 1000.00 issued 2026-03-02 gives a
/// discount of 20.00 for payments dated up to 2026-03-12, the window's last day.
struct DiscountScenarioTests {
    static func ledger(amount: Money = eur("1000.00"), percent: String = "2") -> TestLedger {
        var ledger = TestLedger()
        ledger.runAll([
            register("A"),
            issue(
                "D1",
                "A",
                amount,
                issued: "2026-03-02",
                terms: discountTerms(percent, 10, net: 30)
            ),
        ])
        return ledger
    }

    @Test func discountIsTakenOnTheLastDayOfTheWindow() throws {
        var ledger = Self.ledger()
        let result = try ledger.run(pay("P1", "A", eur("980.00"), on: "2026-03-12"))
        #expect(result["allocations"] == .array([allocationPayload("D1", "980.00")]))
        #expect(result["discounts"] == .array([allocationPayload("D1", "20.00")]))
        #expect(ledger.log.last.map { $0.0.typeName } == "invoice.discount_taken")
        let view = try #require(
            ledger.state.invoiceView(InvoiceID(validated: "D1"), at: ledger.time("2026-03-31"))
        )
        #expect(view.status == .paid)
        #expect(view.open == eur("0.00"))
        #expect(view.credited == eur("20.00"))
        #expect(view.history.map(\.kind) == [.issued, .allocation, .discount])
        #expect(view.history.last?.reference == "P1")
        let figures = try #require(ledger.balance("A", "2026-03-31"))
        #expect(figures.paid == eur("980.00"))
        #expect(figures.credited == eur("20.00"))
        #expect(figures.net == eur("0.00"))
    }

    @Test func discountIsRefusedTheDayAfterTheWindow() throws {
        var ledger = Self.ledger()
        let result = try ledger.run(pay("P1", "A", eur("980.00"), on: "2026-03-13"))
        #expect(result["discounts"] == nil)
        #expect(ledger.open("D1", "2026-03-31") == "20.00")
        #expect(ledger.balance("A", "2026-03-31")?.credited == eur("0.00"))
    }

    @Test func aLaterAllocationOfCashReceivedInTheWindowEarnsIt() throws {
        var ledger = Self.ledger()
        try ledger.run(pay("P1", "A", eur("980.00"), on: "2026-03-10", allocations: []))
        let result = try ledger.run(allocate("P1", on: "2026-03-20", [("D1", eur("980.00"))]))
        #expect(result["discounts"] == .array([allocationPayload("D1", "20.00")]))
        // The discount takes effect with the allocation, on its date.
        #expect(ledger.open("D1", "2026-03-19") == "1000.00")
        #expect(ledger.open("D1", "2026-03-20") == "0.00")
    }

    @Test func theDiscountRoundsHalfToEven() throws {
        // 1 % of 50.50 is 0.505, which rounds half-even to 0.50, not 0.51.
        var paidEnough = Self.ledger(amount: eur("50.50"), percent: "1")
        let taken = try paidEnough.run(pay("P1", "A", eur("50.00"), on: "2026-03-05"))
        #expect(taken["discounts"] == .array([allocationPayload("D1", "0.50")]))
        var paidShort = Self.ledger(amount: eur("50.50"), percent: "1")
        let notTaken = try paidShort.run(
            pay("P1", "A", eur("49.99"), on: "2026-03-05", allocations: [("D1", eur("49.99"))])
        )
        #expect(notTaken["discounts"] == nil)
        #expect(paidShort.open("D1", "2026-03-31") == "0.51")
    }

    @Test func aReversalTakesTheDiscountBack() throws {
        var ledger = Self.ledger()
        try ledger.run(pay("P1", "A", eur("980.00"), on: "2026-03-12"))
        try ledger.run(reverse("P1", on: "2026-03-20"))
        #expect(ledger.open("D1", "2026-03-19") == "0.00")
        #expect(ledger.open("D1", "2026-03-20") == "1000.00")
        #expect(ledger.balance("A", "2026-03-31")?.credited == eur("0.00"))
        // The discount is free to be earned again by a new payment in the window... which is over.
        let again = try ledger.run(pay("P2", "A", eur("980.00"), on: "2026-03-21"))
        #expect(again["discounts"] == nil)
    }

    @Test func customerDefaultTermsCarryTheDiscount() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("C", terms: discountTerms("3", 14, net: 45)),
            issue("C1", "C", eur("200.00"), issued: "2026-05-01"),
        ])
        #expect(ledger.state.invoice(InvoiceID(validated: "C1"))?.dueDate == date("2026-06-15"))
        let result = try ledger.run(pay("P1", "C", eur("194.00"), on: "2026-05-15"))
        #expect(result["discounts"] == .array([allocationPayload("C1", "6.00")]))
    }

    @Test func termsTextReadsDiscountAndNet() throws {
        let terms = try PaymentTermsText.parse("2/10 net 30", field: "terms")
        #expect(terms == discountTerms("2", 10, net: 30))
        #expect(try PaymentTermsText.parse("eom 10", field: "terms") == .endOfMonth(plusDays: 10))
        #expect(throws: ParameterError.self) {
            try PaymentTermsText.parse("2/40 net 30", field: "terms")
        }
        #expect(throws: ParameterError.self) { try PaymentTermsText.parse("net", field: "terms") }
    }
}

/// `{"amount": …, "invoice_id": …}` as in write results.
func allocationPayload(_ invoice: String, _ amount: String) -> PayloadValue {
    .object([
        PayloadMember("amount", .string(amount)), PayloadMember("invoice_id", .string(invoice)),
    ])
}
