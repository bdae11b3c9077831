import Ledger
import Testing

/// Statements and KPIs, hand-computed.
struct StatementAndKPITests {
    /// Customer A over Q1 2026: see each test for the figures.
    static func statementLedger() -> TestLedger {
        var ledger = TestLedger()
        ledger.runAll([
            register("A"),
            issue("INV-1", "A", eur("1190.00"), issued: "2026-01-05", due: "2026-02-04"),
            pay(
                "PAY-1",
                "A",
                eur("500.00"),
                on: "2026-02-10",
                allocations: [("INV-1", eur("500.00"))]
            ),
            credit("CN-1", "A", eur("90.00"), on: "2026-02-15", invoice: "INV-1"),
            issue("INV-2", "A", eur("200.00"), issued: "2026-03-01", due: "2026-03-31"),
            pay("PAY-2", "A", eur("300.00"), on: "2026-03-05", allocations: []),
            refund("PAY-2", eur("100.00"), on: "2026-03-10"),
            writeOff("INV-2", eur("50.00"), on: "2026-03-20"),
        ])
        return ledger
    }

    @Test func statementRunsFromOpeningToClosingBalance() throws {
        let ledger = Self.statementLedger()
        let report = try #require(
            ledger.state.statement(
                customer: CustomerID(validated: "A"),
                from: date("2026-02-01"),
                to: date("2026-03-31"),
                knownAt: ledger.state.head
            )
        )
        let section = try #require(report.sections.first)
        #expect(report.sections.count == 1)
        #expect(section.opening == eur("1190.00"))
        #expect(
            section.movements.map(\.kind) == [
                .payment, .creditNote, .invoice, .payment, .refund, .writeOff,
            ]
        )
        #expect(
            section.movements.map(\.amount.decimalText) == [
                "-500.00", "-90.00", "200.00", "-300.00", "100.00", "-50.00",
            ]
        )
        #expect(
            section.movements.map(\.balance.decimalText) == [
                "690.00", "600.00", "800.00", "500.00", "600.00", "550.00",
            ]
        )
        #expect(
            section.movements.map(\.reference) == [
                "PAY-1", "CN-1", "INV-2", "PAY-2", "PAY-2", "INV-2",
            ]
        )
        #expect(section.closing == eur("550.00"))
        // The closing balance is report.balances' net at `to`: 1390 − 700 − 90 − 50.
        #expect(ledger.balance("A", "2026-03-31")?.net == section.closing)
        #expect(ledger.balance("A", "2026-01-31")?.net == section.opening)
    }

    @Test func statementShowsADiscountAndItsReversal() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("A"),
            issue(
                "D1",
                "A",
                eur("1000.00"),
                issued: "2026-03-02",
                terms: discountTerms("2", 10, net: 30)
            ),
            pay("P1", "A", eur("980.00"), on: "2026-03-12"),
            reverse("P1", on: "2026-03-20"),
        ])
        let section = try #require(
            ledger.state.statement(
                customer: CustomerID(validated: "A"),
                from: date("2026-03-01"),
                to: date("2026-03-31"),
                knownAt: ledger.state.head
            )?.sections.first
        )
        #expect(
            section.movements.map(\.kind) == [
                .invoice, .payment, .discount, .reversal, .discountReversal,
            ]
        )
        #expect(
            section.movements.map(\.balance.decimalText) == [
                "1000.00", "20.00", "0.00", "980.00", "1000.00",
            ]
        )
        #expect(section.closing == ledger.balance("A", "2026-03-31")?.net)
        // Known before the reversal, the period closes at zero.
        let earlier = try #require(
            ledger.state.statement(
                customer: CustomerID(validated: "A"),
                from: date("2026-03-01"),
                to: date("2026-03-31"),
                knownAt: ledger.state.head - 1
            )?.sections.first
        )
        #expect(earlier.closing == eur("0.00"))
    }

    @Test func statementSectionsArePerCurrencyAndFilter() throws {
        var ledger = Self.statementLedger()
        ledger.runAll([
            issue("U-1", "A", money("70.00", "USD"), issued: "2026-03-03", due: "2026-04-02"),
            void("U-1", on: "2026-03-04"),
            issue("U-2", "A", money("40.00", "USD"), issued: "2026-03-05", due: "2026-04-04"),
        ])
        let id = CustomerID(validated: "A")
        let all = try #require(
            ledger.state.statement(
                customer: id,
                from: date("2026-03-01"),
                to: date("2026-03-31"),
                knownAt: ledger.state.head
            )
        )
        #expect(all.sections.map(\.currency) == [eurCurrency, usdCurrency])
        let usd = try #require(
            ledger.state.statement(
                customer: id,
                from: date("2026-03-01"),
                to: date("2026-03-31"),
                knownAt: ledger.state.head,
                currency: usdCurrency
            )?.sections
        )
        #expect(usd.count == 1)
        #expect(usd.first?.opening == money("0.00", "USD"))
        #expect(usd.first?.movements.map(\.kind) == [.invoice, .void, .invoice])
        #expect(usd.first?.closing == money("40.00", "USD"))
        // A voided invoice is no credit sale.
        let kpis = ledger.state.kpis(
            from: date("2026-03-01"),
            to: date("2026-03-31"),
            knownAt: ledger.state.head,
            currency: usdCurrency
        )
        #expect(kpis.rows.map(\.creditSales) == [money("40.00", "USD")])
    }

    @Test func statementOfAnUnknownCustomerIsNil() {
        let ledger = Self.statementLedger()
        #expect(
            ledger.state.statement(
                customer: CustomerID(validated: "Z"),
                from: date("2026-01-01"),
                to: date("2026-01-31"),
                knownAt: ledger.state.head
            ) == nil
        )
    }

    /// K0 1000.00 from December (AR at start), K1 3000.00 issued 2026-01-15 due 2026-02-14,
    /// K2 2000.00 issued 2026-03-15 due 2026-04-14; on 2026-02-10 1000.00 pays K0 and 1500.00
    /// goes to K1.
    static func kpiLedger() -> TestLedger {
        var ledger = TestLedger()
        ledger.runAll([
            register("A"),
            issue("K0", "A", eur("1000.00"), issued: "2025-12-01", due: "2025-12-31"),
            issue("K1", "A", eur("3000.00"), issued: "2026-01-15", due: "2026-02-14"),
            pay(
                "P1",
                "A",
                eur("2500.00"),
                on: "2026-02-10",
                allocations: [("K0", eur("1000.00")), ("K1", eur("1500.00"))]
            ),
            issue("K2", "A", eur("2000.00"), issued: "2026-03-15", due: "2026-04-14"),
        ])
        return ledger
    }

    @Test func kpisForTheFirstQuarterMatchTheHandComputedFigures() throws {
        let ledger = Self.kpiLedger()
        let report = ledger.state.kpis(
            from: date("2026-01-01"),
            to: date("2026-03-31"),
            knownAt: ledger.state.head
        )
        #expect(report.days == 90)
        let row = try #require(report.rows.first)
        #expect(row.arStart == eur("1000.00"))
        #expect(row.arEnd == eur("3500.00"))
        #expect(row.currentAREnd == eur("2000.00"))
        #expect(row.creditSales == eur("5000.00"))
        // DSO 3500 / 5000 × 90 = 63; best 2000 / 5000 × 90 = 36; ADD 27;
        // CEI (1000 + 5000 − 3500) / (1000 + 5000 − 2000) × 100 = 62.5.
        #expect(row.dsoHundredths == 6300)
        #expect(row.bestPossibleDSOHundredths == 3600)
        #expect(row.addHundredths == 2700)
        #expect(row.ceiHundredths == 6250)
    }

    @Test func kpisRoundHalfEvenAndFollowKnownAt() throws {
        let ledger = Self.kpiLedger()
        // January (31 days): AR end 4000, current 3000 (K1 due 2026-02-14), sales 3000.
        // DSO 4000 / 3000 × 31 = 41.333… → 41.33; best 31.00; ADD 10.33; CEI 0 / 1000 = 0.
        let january = try #require(
            ledger.state.kpis(
                from: date("2026-01-01"),
                to: date("2026-01-31"),
                knownAt: ledger.state.head
            )
            .rows.first
        )
        #expect(january.dsoHundredths == 4133)
        #expect(january.bestPossibleDSOHundredths == 3100)
        #expect(january.addHundredths == 1033)
        #expect(january.ceiHundredths == 0)
        // The quarter as known before K2 was recorded: AR end 1500, current 0, sales 3000.
        let known = ledger.state.kpis(
            from: date("2026-01-01"),
            to: date("2026-03-31"),
            knownAt: ledger.state.head - 1
        )
        let row = try #require(known.rows.first)
        #expect(row.dsoHundredths == 4500)
        #expect(row.bestPossibleDSOHundredths == 0)
        #expect(row.ceiHundredths == 6250)
        // Without credit sales, DSO is undefined.
        let none = ledger.state.kpis(
            from: date("2026-02-01"),
            to: date("2026-02-28"),
            knownAt: ledger.state.head
        )
        #expect(none.rows.first?.dsoHundredths == nil)
    }
}
