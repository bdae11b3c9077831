import Ledger
import Testing

/// Instalment plans, hand-computed: 900.00 issued 2026-01-01 in three parts of 300.00 due
/// 2026-01-31, 2026-02-28 and 2026-03-31.
struct InstalmentScenarioTests {
    static func ledger() -> TestLedger {
        var ledger = TestLedger()
        ledger.runAll([
            register("A"),
            issueInInstalments(
                "IN1",
                "A",
                eur("900.00"),
                issued: "2026-01-01",
                parts: [
                    ("2026-01-31", eur("300.00")), ("2026-02-28", eur("300.00")),
                    ("2026-03-31", eur("300.00")),
                ]
            ),
        ])
        return ledger
    }

    func buckets(_ ledger: TestLedger, _ asOf: String) -> [String] {
        ledger.aging(asOf).rows.first?.buckets.map(\.decimalText) ?? []
    }

    @Test func eachInstalmentAgesByItsOwnDueDate() {
        let ledger = Self.ledger()
        #expect(ledger.state.invoice(InvoiceID(validated: "IN1"))?.dueDate == date("2026-03-31"))
        // 2026-02-05: the first part is 5 days late, the others are current.
        #expect(buckets(ledger, "2026-02-05") == ["600.00", "300.00", "0.00", "0.00", "0.00"])
        // 2026-04-15: 74, 46 and 15 days late.
        #expect(buckets(ledger, "2026-04-15") == ["0.00", "300.00", "300.00", "300.00", "0.00"])
    }

    @Test func aPlanPaidOutOfOrderFillsTheOldestInstalmentFirst() throws {
        var ledger = Self.ledger()
        // The customer means to pay the March part early, on 2026-02-10; the ledger fills the
        // oldest part first, so January's is settled and February's ages from its due date.
        try ledger.run(
            pay("P1", "A", eur("300.00"), on: "2026-02-10", allocations: [("IN1", eur("300.00"))])
        )
        #expect(buckets(ledger, "2026-03-15") == ["300.00", "300.00", "0.00", "0.00", "0.00"])
        try ledger.run(pay("P2", "A", eur("450.00"), on: "2026-03-20"))
        #expect(buckets(ledger, "2026-04-15") == ["0.00", "150.00", "0.00", "0.00", "0.00"])
        let view = try #require(
            ledger.state.invoiceView(InvoiceID(validated: "IN1"), at: ledger.time("2026-04-15"))
        )
        #expect(view.instalments.map(\.open) == [0, 0, 15_000])
        // As of before the second payment, the schedule shows what was open then.
        let earlier = try #require(
            ledger.state.invoiceView(InvoiceID(validated: "IN1"), at: ledger.time("2026-03-15"))
        )
        #expect(earlier.instalments.map(\.open) == [0, 30_000, 30_000])
        let items = ledger.state.openItems(
            at: ledger.time("2026-03-15"),
            customer: nil,
            currency: nil
        )
        #expect(items.items.map(\.daysPastDue) == [15])
    }

    @Test func automaticAllocationRanksAPlanByItsOldestOpenPart() throws {
        var ledger = Self.ledger()
        ledger.runAll([issue("X", "A", eur("100.00"), issued: "2026-01-10", due: "2026-03-15")])
        // IN1 is due 2026-03-31 as a whole, but its first part was due 2026-01-31, so it comes
        // before X (due 2026-03-15) and takes the whole payment.
        let result = try ledger.run(pay("P1", "A", eur("350.00"), on: "2026-02-10"))
        #expect(result["allocations"] == .array([allocationPayload("IN1", "350.00")]))
        // Now IN1's oldest open part is due 2026-02-28, still before X's 2026-03-15.
        let next = try ledger.run(pay("P2", "A", eur("10.00"), on: "2026-02-11"))
        #expect(next["allocations"] == .array([allocationPayload("IN1", "10.00")]))
    }

    @Test func termsSplitTheAmountWithTheOddCentFirst() throws {
        var ledger = TestLedger()
        let split = try InstalmentSplit(count: 3, intervalDays: 30)
        ledger.runAll([
            register("A"),
            issue(
                "S1",
                "A",
                eur("100.00"),
                issued: "2026-01-01",
                terms: PaymentTerms(basis: .net, days: 30, split: split)
            ),
        ])
        let invoice = try #require(ledger.state.invoice(InvoiceID(validated: "S1")))
        #expect(invoice.instalments.map(\.amount.decimalText) == ["33.34", "33.33", "33.33"])
        #expect(
            invoice.instalments.map(\.dueDate)
                == ["2026-01-31", "2026-03-02", "2026-04-01"].map(date)
        )
        #expect(invoice.dueDate == date("2026-04-01"))
    }

    @Test func anAmountSmallerThanTheCountIsSplitIntoUnits() throws {
        let split = try InstalmentSplit(count: 3, intervalDays: 30)
        let two = split.schedule(money("2", "JPY"), firstDue: date("2026-02-01"))
        #expect(two.map(\.amount) == [money("1", "JPY"), money("1", "JPY")])
        #expect(two.map(\.dueDate) == [date("2026-02-01"), date("2026-03-03")])
        #expect(split.schedule(money("1", "JPY"), firstDue: date("2026-02-01")).isEmpty)
        // The decider's event is valid and due when the last part is.
        var ledger = TestLedger()
        ledger.runAll([
            register("A"),
            issue(
                "Y",
                "A",
                money("2", "JPY"),
                issued: "2026-01-02",
                terms: PaymentTerms(basis: .net, days: 30, split: split)
            ),
        ])
        let event = try #require(ledger.log.last?.0)
        #expect(event.validationFailure == nil)
        #expect(ledger.state.invoice(InvoiceID(validated: "Y"))?.dueDate == date("2026-03-03"))
    }

    @Test func schedulesThatDoNotAddUpAreMalformed() {
        #expect(throws: ParameterError.self) {
            try IssueInvoice(
                invoiceID: InvoiceID(validated: "X"),
                customerID: CustomerID(validated: "A"),
                currency: eurCurrency,
                content: .amount(eur("100.00")),
                issueDate: date("2026-01-01"),
                due: .customerTerms,
                instalments: [
                    Instalment(dueDate: date("2026-02-01"), amount: eur("50.00")),
                    Instalment(dueDate: date("2026-03-01"), amount: eur("49.99")),
                ]
            )
        }
        #expect(throws: ParameterError.self) {
            try IssueInvoice(
                invoiceID: InvoiceID(validated: "X"),
                customerID: CustomerID(validated: "A"),
                currency: eurCurrency,
                content: .amount(eur("100.00")),
                issueDate: date("2026-01-01"),
                due: .customerTerms,
                instalments: [
                    Instalment(dueDate: date("2026-03-01"), amount: eur("50.00")),
                    Instalment(dueDate: date("2026-02-01"), amount: eur("50.00")),
                ]
            )
        }
    }
}
