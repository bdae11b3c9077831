import Ledger
import Testing

/// Every rejection reason, each checked to leave the state untouched.
struct RejectionTests {
    /// A ledger with customers A and B, invoices, payments and a closed period.
    static func fixture() -> TestLedger {
        var ledger = TestLedger()
        ledger.today = date("2026-06-30")
        ledger.runAll([
            register("A"),
            register("B"),
            issue("I1", "A", eur("100.00"), issued: "2026-02-01", due: "2026-03-01"),
            issue("I2", "A", eur("50.00"), issued: "2026-02-01", due: "2026-03-01"),
            issue("IB", "B", eur("70.00"), issued: "2026-02-01", due: "2026-03-01"),
            issue("IU", "A", money("70.00", "USD"), issued: "2026-02-01", due: "2026-03-01"),
            issue("IV", "A", eur("10.00"), issued: "2026-02-01", due: "2026-03-01"),
            void("IV", on: "2026-02-02"),
            pay("P1", "A", eur("30.00"), on: "2026-02-10", allocations: [("I2", eur("20.00"))]),
            pay("PR", "A", eur("5.00"), on: "2026-02-10", allocations: [("I1", eur("5.00"))]),
            reverse("PR", on: "2026-02-11"),
            credit("CN1", "A", eur("1.00"), on: "2026-02-12"),
            issue("ID", "A", eur("40.00"), issued: "2026-02-01", due: "2026-03-01"),
            dispute("ID", on: "2026-02-15"),
            closePeriod("2026-01-31"),
        ])
        return ledger
    }

    static let cases: [(Command, String)] = [
        (register("A"), "duplicate_customer"),
        (
            issue("I9", "Nobody", eur("1.00"), issued: "2026-02-01", due: "2026-03-01"),
            "unknown_customer"
        ),
        (
            issue("I1", "A", eur("1.00"), issued: "2026-02-01", due: "2026-03-01"),
            "duplicate_invoice"
        ),
        (void("I404", on: "2026-03-01"), "unknown_invoice"),
        (pay("P1", "A", eur("1.00"), on: "2026-03-01"), "duplicate_payment"),
        (reverse("P404", on: "2026-03-01"), "unknown_payment"),
        (credit("CN1", "A", eur("1.00"), on: "2026-03-01"), "duplicate_credit_note"),
        (
            pay(
                "P9",
                "A",
                money("10.00", "USD"),
                on: "2026-03-01",
                allocations: [("I1", money("10.00", "USD"))]
            ), "currency_mismatch"
        ),
        (allocate("P1", [("I1", money("1.00", "USD"))]), "currency_mismatch"),
        (
            pay("P9", "A", eur("10.00"), on: "2026-03-01", allocations: [("IB", eur("10.00"))]),
            "customer_mismatch"
        ),
        (credit("CN9", "A", eur("1.00"), on: "2026-03-01", invoice: "IB"), "customer_mismatch"),
        (allocate("P1", [("I1", eur("10.01"))]), "over_allocation"),
        (
            pay(
                "P9",
                "A",
                eur("10.00"),
                on: "2026-03-01",
                allocations: [("I1", eur("6.00")), ("I2", eur("6.00"))]
            ), "over_allocation"
        ),
        (
            pay("P9", "A", eur("100.00"), on: "2026-03-01", allocations: [("I2", eur("30.01"))]),
            "exceeds_open_amount"
        ),
        (credit("CN9", "A", eur("30.01"), on: "2026-03-01", invoice: "I2"), "exceeds_open_amount"),
        (writeOff("I2", eur("30.01"), on: "2026-03-01"), "exceeds_open_amount"),
        (
            pay("P9", "A", eur("1.00"), on: "2026-03-01", allocations: [("IV", eur("1.00"))]),
            "invoice_voided"
        ),
        (void("IV", on: "2026-03-01"), "invoice_voided"),
        (writeOff("IV", on: "2026-03-01"), "invoice_voided"),
        (void("I2", on: "2026-03-01"), "void_after_application"),
        (void("I1", on: "2026-03-01"), "void_after_application"),
        (reverse("PR", on: "2026-03-01"), "already_reversed"),
        (allocate("PR", [("I1", eur("1.00"))]), "already_reversed"),
        (credit("CN9", "A", eur("1.00"), on: "2026-01-31", invoice: "I1"), "date_before_issue"),
        (writeOff("I1", on: "2026-01-31"), "date_before_issue"),
        (allocate("P1", on: "2026-02-09", [("I1", eur("1.00"))]), "date_before_payment"),
        (reverse("P1", on: "2026-02-09"), "date_before_payment"),
        (pay("P9", "A", eur("1.00"), on: "2026-01-31"), "period_closed"),
        (issue("I9", "A", eur("1.00"), issued: "2026-01-15", due: "2026-03-01"), "period_closed"),
        (closePeriod("2026-01-31"), "period_not_advancing"),
        (closePeriod("2026-07-01"), "period_in_future"),
        (refund("P1", eur("10.01"), on: "2026-03-01"), "refund_exceeds_unapplied"),
        (refund("P404", eur("1.00"), on: "2026-03-01"), "unknown_payment"),
        (refund("PR", eur("1.00"), on: "2026-03-01"), "already_reversed"),
        (refund("P1", money("1.00", "USD"), on: "2026-03-01"), "currency_mismatch"),
        (refund("P1", eur("1.00"), on: "2026-02-09"), "date_before_payment"),
        (dispute("ID", on: "2026-03-01"), "already_disputed"),
        (dispute("IV", on: "2026-03-01"), "invoice_voided"),
        (dispute("I1", on: "2026-01-31"), "date_before_issue"),
        (dispute("I404", on: "2026-03-01"), "unknown_invoice"),
        (resolve("I1", on: "2026-03-01"), "not_disputed"),
        (resolve("ID", on: "2026-02-14"), "date_before_dispute"),
        (promise("I2", eur("30.01"), by: "2026-07-15"), "exceeds_open_amount"),
        (promise("IV", eur("1.00"), by: "2026-07-15"), "invoice_voided"),
        (promise("I1", money("1.00", "USD"), by: "2026-07-15"), "currency_mismatch"),
        (promise("I1", eur("1.00"), by: "2026-01-31"), "date_before_issue"),
        (assignPolicy("NOPE", to: .segment("retail")), "unknown_policy"),
        (defaultPolicy("NOPE"), "unknown_policy"),
        (assignPolicy(nil, to: .customer(CustomerID(validated: "Z404"))), "unknown_customer"),
        (runDunning("2027-01-01"), "as_of_in_future"),
    ]

    @Test(arguments: 0..<cases.count)
    func ruleRefusesWithItsReasonAndLeavesTheStateUnchanged(index: Int) {
        var ledger = Self.fixture()
        let before = ledger.state
        let (command, reason) = Self.cases[index]
        do {
            try ledger.run(command)
            Issue.record("\(command.method) was accepted, expected \(reason)")
        } catch {
            #expect(error.reason == reason)
            #expect(!error.message.isEmpty)
        }
        #expect(ledger.state == before)
    }

    @Test func dateBeforeIssueForAnAllocation() {
        var ledger = Self.fixture()
        ledger.runAll([issue("I5", "A", eur("10.00"), issued: "2026-03-05", due: "2026-03-10")])
        let before = ledger.state
        #expect(throws: Rejection.self) {
            try ledger.run(allocate("P1", on: "2026-03-01", [("I5", eur("1.00"))]))
        }
        do { try ledger.run(allocate("P1", on: "2026-03-01", [("I5", eur("1.00"))])) } catch {
            #expect(error.reason == "date_before_issue")
        }
        #expect(ledger.state == before)
    }

    @Test func nothingToWriteOffWhenFullyPaid() throws {
        var ledger = Self.fixture()
        try ledger.run(
            pay("P8", "A", eur("30.00"), on: "2026-03-01", allocations: [("I2", eur("30.00"))])
        )
        let before = ledger.state
        #expect(throws: Rejection.nothingToWriteOff(InvoiceID(validated: "I2"))) {
            try ledger.run(writeOff("I2", on: "2026-03-02"))
        }
        #expect(ledger.state == before)
    }

    @Test func everyReasonIsCoveredAndListed() {
        var covered = Set(Self.cases.map(\.1))
        covered.insert("nothing_to_write_off")
        covered.insert("date_before_issue")
        #expect(covered == Set(Rejection.allReasons))
    }

    @Test func limitsAreCheckedAtTheHeadRegardlessOfDates() throws {
        var ledger = Self.fixture()
        // P1 has 10.00 unapplied at the head; an allocation dated later still sees only that.
        try ledger.run(allocate("P1", on: "2026-04-01", [("I1", eur("10.00"))]))
        #expect(throws: Rejection.self) {
            try ledger.run(allocate("P1", on: "2026-05-01", [("I1", eur("0.01"))]))
        }
    }
}
