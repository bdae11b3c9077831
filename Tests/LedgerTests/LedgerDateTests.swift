import Ledger
import Testing

/// Strict dates, calendar arithmetic and identifiers.
struct LedgerDateTests {
    @Test(arguments: [
        "1970-01-01", "2024-02-29", "2026-12-31", "0001-01-01", "9999-12-31", "2000-02-29",
    ])
    func parsesAndFormatsRoundTrip(text: String) throws {
        let parsed = try #require(LedgerDate(parsing: text))
        #expect(parsed.description == text)
        let (year, month, day) = parsed.components
        #expect(LedgerDate(year: year, month: month, day: day) == parsed)
    }

    @Test(arguments: [
        "2025-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
        "2026-1-01",
        "2026-01-1", "26-01-01", "2026/01/01", "2026-01-01T00:00", " 2026-01-01", "0000-01-01",
        "2026-04-31", "",
    ])
    func refusesImpossibleOrMalformedDates(text: String) {
        #expect(LedgerDate(parsing: text) == nil)
    }

    @Test func epochIsDayZeroAndArithmeticWorks() {
        #expect(date("1970-01-01").daysSinceEpoch == 0)
        #expect(date("1969-12-31").daysSinceEpoch == -1)
        #expect(date("2026-01-31").adding(days: 1) == date("2026-02-01"))
        #expect(date("2026-03-31").days(since: date("2026-02-04")) == 55)
        #expect(date("2024-02-10").endOfMonth == date("2024-02-29"))
        #expect(date("2026-12-01").endOfMonth == date("2026-12-31"))
        #expect(
            PaymentTerms.endOfMonth(plusDays: 10).dueDate(issuedOn: date("2026-01-20"))
                == date("2026-02-10")
        )
        #expect(
            PaymentTerms.net(days: 30).dueDate(issuedOn: date("2026-01-05")) == date("2026-02-04")
        )
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        var day = date("1900-01-01")
        let end = date("2300-01-01")
        while day < end {
            let (year, month, dayOfMonth) = day.components
            #expect(LedgerDate(year: year, month: month, day: dayOfMonth) == day)
            day = day.adding(days: 1)
        }
    }

    @Test func identifiersAreValidatedOnce() {
        #expect(InvoiceID("INV-1") != nil)
        #expect(InvoiceID("Rechnung-Ü") != nil)
        #expect(InvoiceID("") == nil)
        #expect(InvoiceID(String(repeating: "a", count: 128)) != nil)
        #expect(InvoiceID(String(repeating: "a", count: 129)) == nil)
        #expect(InvoiceID("a\nb") == nil)
        #expect(InvoiceID("a\u{7F}") == nil)
        #expect(InvoiceID("a\u{85}") == nil)
        #expect(CustomerID("B") ?? CustomerID(validated: "") > CustomerID(validated: "A"))
    }

    @Test func commandParametersAreCheckedAtConstruction() {
        #expect(throws: ParameterError.nonPositiveAmount("amount")) {
            try RecordPayment(
                paymentID: PaymentID(validated: "P"),
                customerID: CustomerID(validated: "C"),
                currency: eurCurrency,
                amount: eur("-5"),
                date: date("2026-01-01"),
                method: "cash"
            )
        }
        #expect(throws: ParameterError.self) {
            try IssueInvoice(
                invoiceID: InvoiceID(validated: "I"),
                customerID: CustomerID(validated: "C"),
                currency: eurCurrency,
                content: .amount(eur("1.00")),
                issueDate: date("2026-01-10"),
                due: .date(date("2026-01-09"))
            )
        }
        #expect(throws: ParameterError.self) {
            try IssueInvoice(
                invoiceID: InvoiceID(validated: "I"),
                customerID: CustomerID(validated: "C"),
                currency: usdCurrency,
                content: .amount(eur("1.00")),
                issueDate: date("2026-01-10"),
                due: .customerTerms
            )
        }
        #expect(throws: ParameterError.self) {
            try AllocatePayment(paymentID: PaymentID(validated: "P"), allocations: [])
        }
        #expect(throws: ParameterError.self) {
            try RecordPayment(
                paymentID: PaymentID(validated: "P"),
                customerID: CustomerID(validated: "C"),
                currency: eurCurrency,
                amount: eur("5"),
                date: date("2026-01-01"),
                method: "cash",
                allocations: [
                    Allocation(invoiceID: InvoiceID(validated: "I"), amount: eur("1")),
                    Allocation(invoiceID: InvoiceID(validated: "I"), amount: eur("1")),
                ]
            )
        }
        #expect(throws: ParameterError.self) { try ConfigureLedger() }
        #expect(throws: ParameterError.self) { try ConfigureLedger(timeZone: "Europe/Berlin; rm") }
        #expect(throws: ParameterError.self) {
            try UpdateCustomer(customerID: CustomerID(validated: "C"))
        }
        #expect(throws: ParameterError.self) { try PaymentTerms(kind: "net", days: -1) }
    }
}
