import Ledger
import Testing

/// Refunds, disputes and promises to pay, hand-computed.
struct CollectionScenarioTests {
    static func ledger() -> TestLedger {
        var ledger = TestLedger()
        ledger.today = date("2026-02-12")
        ledger.runAll([
            register("A"),
            issue("I1", "A", eur("1000.00"), issued: "2026-01-05", due: "2026-02-04"),
        ])
        return ledger
    }

    @Test func aRefundReducesPaidAndUnappliedFromItsDate() throws {
        var ledger = Self.ledger()
        try ledger.run(pay("P1", "A", eur("500.00"), on: "2026-02-01", allocations: []))
        let result = try ledger.run(refund("P1", eur("200.00"), on: "2026-02-15"))
        #expect(result["refunded"] == .string("200.00"))
        #expect(result["unapplied"] == .string("300.00"))
        let before = try #require(ledger.balance("A", "2026-02-14"))
        #expect(before.paid == eur("500.00"))
        #expect(before.unapplied == eur("500.00"))
        let after = try #require(ledger.balance("A", "2026-02-20"))
        #expect(after.paid == eur("300.00"))
        #expect(after.unapplied == eur("300.00"))
        #expect(after.net == eur("700.00"))
        // What is left unapplied can still be allocated, and no more.
        let state = ledger.state
        #expect(throws: Rejection.self) { try ledger.run(allocate("P1", [("I1", eur("300.01"))])) }
        #expect(ledger.state == state)
        try ledger.run(allocate("P1", [("I1", eur("300.00"))]))
        #expect(ledger.open("I1", "2026-02-20") == "700.00")
    }

    @Test func aDisputeShowsFromItsDateUntilItsResolution() throws {
        var ledger = Self.ledger()
        try ledger.run(dispute("I1", on: "2026-02-10"))
        try ledger.run(resolve("I1", on: "2026-02-20"))
        let id = InvoiceID(validated: "I1")
        #expect(ledger.state.invoiceView(id, at: ledger.time("2026-02-09"))?.dispute == nil)
        let during = try #require(ledger.state.invoiceView(id, at: ledger.time("2026-02-15")))
        #expect(during.dispute?.reason == "damaged goods")
        #expect(during.history.map(\.kind) == [.issued, .disputed])
        let after = try #require(ledger.state.invoiceView(id, at: ledger.time("2026-02-20")))
        #expect(after.dispute == nil)
        #expect(after.history.map(\.kind) == [.issued, .disputed, .disputeResolved])
        // As known before the resolution was recorded, it is still disputed on 2026-02-20.
        let known = ledger.state.head - 1
        #expect(
            ledger.state.invoiceView(id, at: ledger.time("2026-02-20", knownAt: known))?.dispute
                != nil
        )
        // A second dispute may follow the first.
        try ledger.run(dispute("I1", on: "2026-03-01"))
        #expect(ledger.state.invoice(id)?.isDisputedAtHead == true)
    }

    @Test func aPromiseShowsOnTheInvoiceAndInOpenItems() throws {
        var ledger = Self.ledger()
        try ledger.run(dispute("I1", on: "2026-02-10"))
        let result = try ledger.run(promise("I1", eur("400.00"), by: "2026-02-28"))
        #expect(result["promised_date"] == .string("2026-02-28"))
        let id = InvoiceID(validated: "I1")
        // Made today, 2026-02-12: not there the day before.
        #expect(ledger.state.invoiceView(id, at: ledger.time("2026-02-11"))?.promise == nil)
        let view = try #require(ledger.state.invoiceView(id, at: ledger.time("2026-02-12")))
        #expect(view.promise?.amount == 40_000)
        #expect(view.promise?.promisedDate == date("2026-02-28"))
        let items = ledger.state.openItems(
            at: ledger.time("2026-02-12"),
            customer: nil,
            currency: nil
        )
        #expect(items.items.count == 1)
        #expect(items.items.first?.daysPastDue == 8)
        #expect(items.items.first?.dispute?.opened.date == date("2026-02-10"))
        #expect(items.items.first?.promise?.promisedDate == date("2026-02-28"))
        #expect(items.totals.map(\.open) == [eur("1000.00")])
    }

    @Test func openItemsListUnappliedCreditsAndFilter() throws {
        var ledger = Self.ledger()
        ledger.runAll([
            issue("U1", "A", money("50.00", "USD"), issued: "2026-01-10", due: "2026-02-10"),
            pay("P1", "A", eur("100.00"), on: "2026-02-01", allocations: []),
            credit("CN1", "A", eur("25.00"), on: "2026-02-02"),
        ])
        let all = ledger.state.openItems(
            at: ledger.time("2026-02-28"),
            customer: nil,
            currency: nil
        )
        #expect(all.items.map(\.invoiceID.rawValue) == ["I1", "U1"])
        #expect(all.credits.map(\.reference) == ["P1", "CN1"])
        #expect(all.totals.map(\.unapplied) == [eur("125.00"), money("0.00", "USD")])
        let usd = ledger.state.openItems(
            at: ledger.time("2026-02-28"),
            customer: CustomerID(validated: "A"),
            currency: usdCurrency
        )
        #expect(usd.items.map(\.invoiceID.rawValue) == ["U1"])
        #expect(usd.credits.isEmpty)
        let nobody = ledger.state.openItems(
            at: ledger.time("2026-02-28"),
            customer: CustomerID(validated: "Z"),
            currency: nil
        )
        #expect(nobody.items.isEmpty)
    }

    @Test func agingFiltersByCustomerAndCurrency() throws {
        var ledger = Self.ledger()
        ledger.runAll([
            register("B"),
            issue("B1", "B", eur("70.00"), issued: "2026-01-10", due: "2026-02-10"),
            issue("U1", "A", money("50.00", "USD"), issued: "2026-01-10", due: "2026-02-10"),
        ])
        let query = try AgingQuery(
            time: ledger.time("2026-02-28"),
            customerID: CustomerID(validated: "A"),
            currency: eurCurrency
        )
        let report = ledger.state.aging(query)
        #expect(report.rows.map(\.open) == [eur("1000.00")])
        #expect(report.totals.map(\.open) == [eur("1000.00")])
    }
}
