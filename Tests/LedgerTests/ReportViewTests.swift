import Ledger
import Testing

/// Entity views, lists with cursors, and command results.
struct ReportViewTests {
    static func ledger() -> TestLedger {
        var ledger = TestLedger()
        ledger.runAll([
            register("A", segment: "smb"),
            register("B", segment: "enterprise"),
            issue("I1", "A", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("I2", "B", eur("200.00"), issued: "2026-01-02", due: "2026-02-28"),
            issue("I3", "A", money("300.00", "USD"), issued: "2026-01-03", due: "2026-03-31"),
            issue("I4", "A", eur("40.00"), issued: "2026-01-04", due: "2026-01-20"),
            void("I4", on: "2026-01-05"),
            pay("P1", "A", eur("100.00"), on: "2026-01-10", allocations: [("I1", eur("100.00"))]),
            credit("CN", "B", eur("20.00"), on: "2026-01-11", invoice: "I2"),
        ])
        return ledger
    }

    @Test func invoiceListFiltersAndPagesInIssueOrder() {
        let ledger = Self.ledger()
        let time = ledger.time("2026-01-31")
        let firstPage = ledger.state.invoiceList(InvoiceListQuery(time: time, limit: 2))
        #expect(firstPage.items.map(\.invoiceID.rawValue) == ["I1", "I2"])
        let secondPage = ledger.state.invoiceList(
            InvoiceListQuery(time: time, after: firstPage.next, limit: 2)
        )
        #expect(secondPage.items.map(\.invoiceID.rawValue) == ["I3", "I4"])
        #expect(secondPage.next == nil)
        let open = ledger.state.invoiceList(InvoiceListQuery(time: time, status: .open))
        #expect(open.items.map(\.invoiceID.rawValue) == ["I2", "I3"])
        let paid = ledger.state.invoiceList(InvoiceListQuery(time: time, status: .paid))
        #expect(paid.items.map(\.invoiceID.rawValue) == ["I1"])
        let voided = ledger.state.invoiceList(InvoiceListQuery(time: time, status: .voided))
        #expect(voided.items.map(\.invoiceID.rawValue) == ["I4"])
        let ofA = ledger.state.invoiceList(
            InvoiceListQuery(
                time: time,
                customer: CustomerID(validated: "A"),
                currency: eurCurrency
            )
        )
        #expect(ofA.items.map(\.invoiceID.rawValue) == ["I1", "I4"])
        let dueWindow = ledger.state.invoiceList(
            InvoiceListQuery(
                time: time,
                dueBefore: date("2026-03-31"),
                dueAfter: date("2026-01-20")
            )
        )
        #expect(dueWindow.items.map(\.invoiceID.rawValue) == ["I1", "I2"])
    }

    @Test func customerPagesOfACustomerFilterResumeFromTheCursor() {
        let ledger = Self.ledger()
        let time = ledger.time("2026-01-31")
        let page = ledger.state.invoiceList(
            InvoiceListQuery(time: time, customer: CustomerID(validated: "A"), limit: 1)
        )
        #expect(page.items.map(\.invoiceID.rawValue) == ["I1"])
        let next = ledger.state.invoiceList(
            InvoiceListQuery(
                time: time,
                customer: CustomerID(validated: "A"),
                after: page.next,
                limit: 5
            )
        )
        #expect(next.items.map(\.invoiceID.rawValue) == ["I3", "I4"])
        #expect(ListCursor(token: page.next?.token ?? "") == page.next)
        #expect(ListCursor(token: "x") == nil)
    }

    @Test func customerListAndViewShowAttributesAndBalances() throws {
        let ledger = Self.ledger()
        let time = ledger.time("2026-01-31")
        let all = ledger.state.customerList(at: time)
        #expect(all.items.map(\.customerID.rawValue) == ["A", "B"])
        let smb = ledger.state.customerList(at: time, segment: "smb")
        #expect(smb.items.map(\.customerID.rawValue) == ["A"])
        let paged = ledger.state.customerList(at: time, limit: 1)
        #expect(paged.next != nil)
        #expect(
            ledger.state.customerList(at: time, after: paged.next).items.map(\.customerID.rawValue)
                == ["B"]
        )
        let view = try #require(ledger.state.customerView(CustomerID(validated: "A"), at: time))
        #expect(view.record.segment == "smb")
        #expect(view.balances.map(\.currency) == [eurCurrency, usdCurrency])
        #expect(view.balances.first?.paid == eur("100.00"))
        #expect(
            ledger.state.customerView(
                CustomerID(validated: "A"),
                at: ledger.time("2026-01-31", knownAt: 1)
            ) == nil
        )
    }

    @Test func invoiceViewListsItsHistoryAsKnownThen() throws {
        var ledger = Self.ledger()
        try ledger.run(reverse("P1", on: "2026-01-15"))
        let view = try #require(
            ledger.state.invoiceView(InvoiceID(validated: "I1"), at: ledger.time("2026-01-31"))
        )
        #expect(view.history.map(\.kind) == [.issued, .allocation, .reversal])
        #expect(view.history[1].reference == "P1")
        #expect(view.open == eur("100.00"))
        #expect(view.status == .open)
        let earlier = try #require(
            ledger.state.invoiceView(InvoiceID(validated: "I1"), at: ledger.time("2026-01-12"))
        )
        #expect(earlier.history.map(\.kind) == [.issued, .allocation])
        #expect(earlier.status == .paid)
        let credited = try #require(
            ledger.state.invoiceView(InvoiceID(validated: "I2"), at: ledger.time("2026-01-31"))
        )
        #expect(credited.credited == eur("20.00"))
        #expect(credited.open == eur("180.00"))
    }

    @Test func commandResultsCarryTheUsefulFigures() throws {
        var ledger = Self.ledger()
        let allocation = try ledger.run(pay("P2", "B", eur("50.00"), on: "2026-01-20"))
        #expect(allocation["unapplied"] == .string("0.00"))
        #expect(
            allocation["allocations"]
                == .array([
                    Allocation(invoiceID: InvoiceID(validated: "I2"), amount: eur("50.00")).payload
                ])
        )
        let writtenOff = try ledger.run(writeOff("I2", on: "2026-01-21"))
        #expect(writtenOff["written_off"] == .string("130.00"))
        #expect(writtenOff["open"] == .string("0.00"))
        #expect(
            try ledger.run(closePeriod("2026-01-31"))["closed_through"] == .string("2026-01-31")
        )
        let configured = try ledger.run(tolerance(eur("0.05")))
        #expect(configured["write_off_tolerance"]?["EUR"] == .string("0.05"))
        #expect(configured["time_zone"] == .string("UTC"))
    }
}
