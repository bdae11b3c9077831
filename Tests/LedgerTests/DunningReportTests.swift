import Ledger
import Testing

struct DunningReportTests {
    /// ACME: INV-1 paid 20 days late, INV-2 paid early, INV-3 open and overdue; BETA: on time.
    static func history() -> TestLedger {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            register("BETA"),
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("INV-2", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("INV-3", "ACME", eur("100.00"), issued: "2026-02-01", due: "2026-03-02"),
            issue("INV-4", "BETA", eur("50.00"), issued: "2026-02-01", due: "2026-03-02"),
            pay(
                "PAY-1",
                "ACME",
                eur("100.00"),
                on: "2026-02-20",
                allocations: [("INV-1", eur("100.00"))]
            ),
            pay(
                "PAY-2",
                "ACME",
                eur("100.00"),
                on: "2026-01-30",
                allocations: [("INV-2", eur("100.00"))]
            ),
        ])
        return ledger
    }

    @Test func riskTierComesFromTheDocumentedFormula() {
        let ledger = Self.history()
        let risk = ledger.state.riskAssessment(customer: 0, at: ledger.time("2026-03-10"))
        #expect(risk.settledInvoices == 2)
        #expect(risk.settledLate == 1)
        #expect(risk.averageDaysLate == 10)
        #expect(risk.latenessPoints == 6)  // 10 × 40 / 60
        #expect(risk.lateSharePoints == 15)  // 1 × 30 / 2
        #expect(risk.exposurePoints == 30)  // 100.00 of 100.00 open is overdue
        #expect(risk.overdue == [eur("100.00")])
        #expect(risk.tier == .high)
        // Before INV-3 falls due nothing is overdue: 21 points, medium.
        #expect(
            ledger.state.riskAssessment(customer: 0, at: ledger.time("2026-03-01")).tier == .medium
        )
        #expect(
            ledger.state.riskAssessment(customer: 1, at: ledger.time("2026-03-01")).tier == .low
        )
    }

    @Test func aTierOverrideReplacesTheComputedTierButKeepsTheInputs() {
        var ledger = Self.history()
        ledger.runAll([override("ACME", tier: .set(.low))])
        let risk = ledger.state.riskAssessment(customer: 0, at: ledger.time("2026-03-10"))
        #expect(risk.tier == .low)
        #expect(risk.computedTier == .high)
        #expect(risk.score == 51)
    }

    @Test func worklistPutsTheRiskiestAndLongestOverdueFirstWithTheNextStep() throws {
        var ledger = Self.history()
        try ledger.run(runDunning("2026-03-09"))
        let report = ledger.state.worklist(at: ledger.time("2026-03-10"))
        // ACME (high risk) before BETA (medium: everything it owes is overdue); within each, the
        // longest overdue first, so each fee invoice charged on the 9th follows its invoice.
        let order = report.rows.map(\.decision.invoiceID.rawValue)
        #expect(order == ["INV-3", "INV-3-F2", "INV-4", "INV-4-F2"])
        let first = try #require(report.rows.first)
        #expect(first.risk.tier == .high)
        #expect(first.decision.daysOverdue == 8)
        #expect(first.lastStep == 2)
        #expect(first.decision.lastReminder == date("2026-03-09"))
        #expect(first.decision.outcome == .skip(.notDue(step: 3, on: date("2026-03-23"))))
        #expect(report.rows[2].risk.tier == .medium)
    }

    @Test func forecastShiftsDueDatesByEachCustomersAverageLateness() {
        var ledger = Self.history()
        ledger.today = date("2026-03-01")
        ledger.runAll([
            issue("INV-5", "BETA", eur("70.00"), issued: "2026-02-01", due: "2026-03-03"),
            dispute("INV-5", on: "2026-02-15"),
        ])
        let report = ledger.state.forecast(at: ledger.time("2026-03-02"), weeks: 3)
        #expect(report.weeks.map(\.label) == ["2026-W10", "2026-W11", "2026-W12"])
        // BETA pays on time: INV-4 in W10; ACME averages 10 days late: INV-3 on 12 March, W11.
        #expect(report.weeks.map(\.expected) == [[eur("50.00")], [eur("100.00")], []])
        #expect(report.disputed == [eur("70.00")])
        #expect(report.later.isEmpty)
    }

    @Test(arguments: [
        ("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53"), ("2024-12-30", "2025-W01"),
        ("2026-03-02", "2026-W10"), ("2021-01-03", "2020-W53"),
    ])
    func isoWeekLabels(day: String, label: String) {
        #expect(date(day).isoWeekLabel == label)
    }
}
