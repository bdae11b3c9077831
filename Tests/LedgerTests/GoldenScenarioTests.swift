import Ledger
import Testing

/// Hand-computed scenarios; every figure here was worked out on paper from DESIGN's semantics.
struct GoldenScenarioTests {
    /// DESIGN's socket example: register, invoice 1190.00, pay 500.00 explicitly.
    func designExample() -> TestLedger {
        var ledger = TestLedger()
        ledger.runAll([
            .registerCustomer(
                must {
                    try RegisterCustomer(
                        customerID: CustomerID(validated: "ACME"),
                        name: "Acme GmbH",
                        email: "ap@acme.example",
                        currency: eurCurrency
                    )
                }
            ),
            issue("INV-1", "ACME", eur("1190.00"), issued: "2026-01-05", due: "2026-02-04"),
            pay(
                "PAY-1",
                "ACME",
                eur("500.00"),
                on: "2026-02-10",
                allocations: [("INV-1", eur("500.00"))]
            ),
        ])
        return ledger
    }

    @Test func designExampleAgesSixHundredNinetyIntoThirtyOneToSixty() {
        let ledger = designExample()
        #expect(ledger.state.head == 5)
        let report = ledger.aging("2026-03-31", knownAt: 5)
        #expect(report.columns == ["current", "1-30", "31-60", "61-90", "91+"])
        #expect(report.rows.count == 1)
        let row = report.rows[0]
        #expect(row.group == .customer(CustomerID(validated: "ACME")))
        #expect(row.buckets.map(\.decimalText) == ["0.00", "0.00", "690.00", "0.00", "0.00"])
        #expect(row.open == eur("690.00"))
        #expect(row.unapplied == eur("0.00"))
        #expect(report.totals.map(\.open) == [eur("690.00")])
    }

    @Test func designExampleResultsMatchTheProtocolShapes() throws {
        var ledger = TestLedger()
        let registered = try ledger.run(register("ACME"))
        #expect(registered == .object([PayloadMember("customer_id", .string("ACME"))]))
        #expect(ledger.state.head == 2)
        let issued = try ledger.run(
            issue("INV-1", "ACME", eur("1190.00"), issued: "2026-01-05", due: "2026-02-04")
        )
        #expect(issued["open"] == .string("1190.00"))
        #expect(issued["invoice_id"] == .string("INV-1"))
        let paid = try ledger.run(
            pay(
                "PAY-1",
                "ACME",
                eur("500.00"),
                on: "2026-02-10",
                allocations: [("INV-1", eur("500.00"))]
            )
        )
        #expect(paid["unapplied"] == .string("0.00"))
        #expect(ledger.state.head == 5)
    }

    @Test func knownAtInsideTheMultiEventPaymentShowsOnlyItsFirstEvent() {
        let ledger = designExample()
        // Sequence 4 is payment.received; the allocation is sequence 5.
        let row = ledger.aging("2026-03-31", knownAt: 4).rows[0]
        #expect(row.open == eur("1190.00"))
        #expect(row.unapplied == eur("500.00"))
    }

    @Test func invoicePaidAfterAsOfDateIsStillOpenAtIt() {
        let ledger = designExample()
        #expect(ledger.open("INV-1", "2026-02-09") == "1190.00")
        #expect(ledger.open("INV-1", "2026-02-10") == "690.00")
        let row = ledger.aging("2026-02-09").rows[0]
        // 5 days past the due date 2026-02-04.
        #expect(row.buckets[1] == eur("1190.00"))
    }

    @Test func invoiceDoesNotCountBeforeItsIssueDate() {
        let ledger = designExample()
        #expect(ledger.open("INV-1", "2026-01-04") == nil)
        #expect(ledger.balance("ACME", "2026-01-04") == nil)
        #expect(ledger.aging("2026-01-04").rows.isEmpty)
    }

    @Test func invoiceDueOnAsOfDateIsCurrent() {
        let ledger = designExample()
        let row = ledger.aging("2026-02-04").rows[0]
        #expect(row.buckets[0] == eur("1190.00"))
        let dayAfter = ledger.aging("2026-02-05").rows[0]
        #expect(dayAfter.buckets[1] == eur("1190.00"))
    }

    @Test func reversalReopensTheInvoiceFromItsDate() throws {
        var ledger = designExample()
        try ledger.run(reverse("PAY-1", on: "2026-03-01"))
        #expect(ledger.open("INV-1", "2026-02-28") == "690.00")
        #expect(ledger.open("INV-1", "2026-03-01") == "1190.00")
        let after = try #require(ledger.balance("ACME", "2026-03-01"))
        #expect(after.paid == eur("0.00"))
        #expect(after.open == eur("1190.00"))
        #expect(after.net == eur("1190.00"))
        let before = try #require(ledger.balance("ACME", "2026-02-28"))
        #expect(before.paid == eur("500.00"))
        #expect(before.net == eur("690.00"))
    }

    @Test func backdatedPaymentRecordedLaterChangesResultsOnlyFromItsKnownAt() throws {
        var ledger = designExample()
        let before = ledger.state.head
        try ledger.run(
            pay(
                "PAY-2",
                "ACME",
                eur("90.00"),
                on: "2026-02-20",
                allocations: [("INV-1", eur("90.00"))]
            )
        )
        // As we knew it before the backdated payment was recorded.
        #expect(ledger.open("INV-1", "2026-03-31", knownAt: before) == "690.00")
        // As we know it now, the payment counts from its own date.
        #expect(ledger.open("INV-1", "2026-03-31") == "600.00")
        #expect(ledger.open("INV-1", "2026-02-19") == "690.00")
    }

    @Test func reversalDatedBeforeALaterAllocationLeavesPastOpenNegativeFree() throws {
        // A payment allocated later: as of a past date the invoice may be over-applied (negative).
        var ledger = TestLedger()
        ledger.runAll([
            register("B"),
            issue("I1", "B", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            pay("P1", "B", eur("100.00"), on: "2026-01-10", allocations: [("I1", eur("100.00"))]),
            reverse("P1", on: "2026-01-20"),
            pay("P2", "B", eur("100.00"), on: "2026-01-05", allocations: [("I1", eur("100.00"))]),
        ])
        // Between 2026-01-10 and 2026-01-19 both payments are applied: open is -100.00.
        #expect(ledger.open("I1", "2026-01-15") == "-100.00")
        #expect(ledger.open("I1", "2026-01-07") == "0.00")
        #expect(ledger.open("I1", "2026-01-20") == "0.00")
        let row = try #require(ledger.aging("2026-01-15").rows.first)
        #expect(row.buckets[0] == eur("-100.00"))
        #expect(row.open == eur("-100.00"))
        let figures = try #require(ledger.balance("B", "2026-01-15"))
        #expect(figures.paid == eur("200.00"))
        #expect(figures.net == eur("-100.00"))
    }

    @Test func automaticAllocationTakesOldestDueFirstAndOnlyInvoicesIssuedByThePaymentDate() throws
    {
        var ledger = TestLedger()
        ledger.runAll([
            register("C"),
            issue("A", "C", eur("100.00"), issued: "2026-01-10", due: "2026-02-28"),
            issue("B", "C", eur("100.00"), issued: "2026-01-20", due: "2026-02-10"),
            issue("Z", "C", eur("100.00"), issued: "2026-03-05", due: "2026-03-06"),
        ])
        let result = try ledger.run(pay("P", "C", eur("150.00"), on: "2026-03-01"))
        #expect(ledger.open("B", "2026-03-31") == "0.00")
        #expect(ledger.open("A", "2026-03-31") == "50.00")
        #expect(ledger.open("Z", "2026-03-31") == "100.00")
        #expect(result["unapplied"] == .string("0.00"))
    }

    @Test func emptyAllocationsLeaveThePaymentUnapplied() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("C"), issue("A", "C", eur("100.00"), issued: "2026-01-10", due: "2026-01-10"),
        ])
        try ledger.run(pay("P", "C", eur("40.00"), on: "2026-01-15", allocations: []))
        #expect(ledger.open("A", "2026-01-31") == "100.00")
        let row = try #require(ledger.aging("2026-01-31").rows.first)
        #expect(row.unapplied == eur("40.00"))
        #expect(row.open == eur("100.00"))
        #expect(row.buckets.reduce(eur("0.00"), +) == eur("100.00"))
        let figures = try #require(ledger.balance("C", "2026-01-31"))
        #expect(figures.net == eur("60.00"))
    }

    @Test func voidTakesEffectOnItsDate() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("C"), issue("A", "C", eur("80.00"), issued: "2026-01-10", due: "2026-01-20"),
            void("A", on: "2026-02-01"),
        ])
        #expect(ledger.open("A", "2026-01-31") == "80.00")
        #expect(try #require(ledger.balance("C", "2026-01-31")).invoiced == eur("80.00"))
        #expect(ledger.open("A", "2026-02-01") == "0.00")
        #expect(ledger.balance("C", "2026-02-01") == nil)
        #expect(
            ledger.state.invoiceView(InvoiceID(validated: "A"), at: ledger.time("2026-02-01"))?
                .status == .voided
        )
    }

    @Test func creditNotesWriteOffsAndToleranceAddUp() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("C"),
            tolerance(eur("0.05")),
            issue("A", "C", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("B", "C", eur("200.00"), issued: "2026-01-01", due: "2026-01-31"),
            credit("CN1", "C", eur("10.00"), on: "2026-01-05", invoice: "A"),
            credit("CN2", "C", eur("7.00"), on: "2026-01-06"),
            writeOff("B", eur("50.00"), on: "2026-01-07"),
        ])
        // 89.97 against A leaves 0.03 open: within the tolerance, so written off automatically.
        let result = try ledger.run(
            pay("P", "C", eur("89.97"), on: "2026-01-10", allocations: [("A", eur("89.97"))])
        )
        #expect(result["written_off"] != nil)
        #expect(ledger.open("A", "2026-01-10") == "0.00")
        try ledger.run(writeOff("B", on: "2026-01-12"))
        let figures = try #require(ledger.balance("C", "2026-01-31"))
        #expect(figures.invoiced == eur("300.00"))
        #expect(figures.paid == eur("89.97"))
        #expect(figures.credited == eur("17.00"))
        #expect(figures.writtenOff == eur("200.03"))
        #expect(figures.open == eur("0.00"))
        #expect(figures.unapplied == eur("7.00"))
        #expect(figures.net == eur("-7.00"))
    }

    @Test func agingBasisInvoiceDateAndSegmentGrouping() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("C1", segment: "smb"),
            register("C2", segment: "smb"),
            issue("A", "C1", eur("10.00"), issued: "2026-01-01", due: "2026-03-01"),
            issue("B", "C2", eur("20.00"), issued: "2026-02-15", due: "2026-03-01"),
        ])
        let query = try AgingQuery(
            time: ledger.time("2026-03-02"),
            basis: .invoiceDate,
            grouping: .segment
        )
        let report = ledger.state.aging(query)
        #expect(report.rows.count == 1)
        #expect(report.rows[0].group == .segment("smb"))
        // 60 days since A's issue, 15 since B's.
        #expect(
            report.rows[0].buckets.map(\.decimalText) == ["0.00", "20.00", "10.00", "0.00", "0.00"]
        )
    }

    @Test func dueDateFromEndOfMonthTermsAndCustomerTerms() throws {
        var ledger = TestLedger()
        ledger.runAll([
            register("C", terms: .net(days: 14)),
            issue("A", "C", eur("10.00"), issued: "2026-01-20", terms: .endOfMonth(plusDays: 10)),
            issue("B", "C", eur("10.00"), issued: "2026-01-20"),
        ])
        #expect(ledger.state.invoice(InvoiceID(validated: "A"))?.dueDate == date("2026-02-10"))
        #expect(ledger.state.invoice(InvoiceID(validated: "B"))?.dueDate == date("2026-02-03"))
    }
}
