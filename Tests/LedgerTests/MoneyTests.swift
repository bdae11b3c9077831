import Ledger
import Testing

/// Currencies, strict amount parsing, formatting and half-even rounding.
struct MoneyTests {
    @Test func currenciesKnowTheirExponents() {
        #expect(currency("JPY").exponent == 0)
        #expect(currency("KRW").exponent == 0)
        #expect(currency("EUR").exponent == 2)
        #expect(currency("CHF").exponent == 2)
        #expect(currency("KWD").exponent == 3)
        #expect(currency("TND").exponent == 3)
        #expect(Currency(code: "XXX") == nil)
        #expect(Currency(code: "eur") == nil)
        #expect(Currency(code: "EURO") == nil)
        #expect(currency("EUR").code == "EUR")
        #expect(currency("EUR") < currency("USD"))
    }

    @Test(
        arguments: [
            ("125.50", "EUR", 12_550), ("125.5", "EUR", 12_550), ("125", "EUR", 12_500),
            ("0.01", "EUR", 1),
            ("0", "EUR", 0), ("-5", "EUR", -500), ("5", "JPY", 5), ("1.234", "KWD", 1234),
            ("1.2", "KWD", 1200),
            ("90071992547409.91", "EUR", 9_007_199_254_740_991),
        ] as [(String, String, Int64)]
    )
    func parsesStrictDecimals(text: String, code: String, minorUnits: Int64) throws {
        #expect(try Money(parsing: text, currency: currency(code)).minorUnits == minorUnits)
    }

    @Test(
        arguments: [
            ("125.505", "EUR", MoneyParseError.tooPrecise), ("5.0", "JPY", .tooPrecise),
            ("1.2345", "KWD", .tooPrecise),
            ("", "EUR", .malformed), ("+5", "EUR", .malformed), (" 5", "EUR", .malformed),
            ("5 ", "EUR", .malformed),
            ("1e3", "EUR", .malformed), (".5", "EUR", .malformed), ("5.", "EUR", .malformed),
            ("05", "EUR", .malformed),
            ("1,00", "EUR", .malformed), ("--1", "EUR", .malformed), ("-", "EUR", .malformed),
            ("１", "EUR", .malformed),
            ("90071992547409.92", "EUR", .outOfRange), ("99999999999999999999", "EUR", .outOfRange),
        ] as [(String, String, MoneyParseError)]
    )
    func refusesMalformedOrOverPreciseAmounts(text: String, code: String, error: MoneyParseError) {
        #expect(throws: error) { try Money(parsing: text, currency: currency(code)) }
    }

    @Test(
        arguments: [
            (119_000, "EUR", "1190.00"), (5, "EUR", "0.05"), (0, "EUR", "0.00"),
            (-50, "EUR", "-0.50"),
            (5, "JPY", "5"), (0, "JPY", "0"), (1, "KWD", "0.001"), (-1_234_567, "KWD", "-1234.567"),
            (9_007_199_254_740_991, "EUR", "90071992547409.91"),
        ] as [(Int64, String, String)]
    )
    func formatsWithExactlyTheExponentsDigits(minorUnits: Int64, code: String, text: String) {
        let amount = Money(minorUnits: minorUnits, currency: currency(code))
        #expect(amount.decimalText == text)
        #expect(amount.decimalTextByteCount == text.utf8.count)
    }

    @Test(
        arguments: [
            (250, 1, 100, 2), (350, 1, 100, 4), (-250, 1, 100, -2), (-350, 1, 100, -4),
            (251, 1, 100, 3),
            (1000, 19, 100, 190), (1050, 1, 100, 10), (1150, 1, 100, 12), (7, 1, 2, 4),
            (5, 1, 2, 2),
        ] as [(Int64, Int64, Int64, Int64)]
    )
    func roundsDerivedAmountsHalfToEven(
        value: Int64,
        numerator: Int64,
        denominator: Int64,
        expected: Int64
    ) {
        #expect(Money.roundHalfEven(value, times: numerator, over: denominator) == expected)
    }

    @Test func roundingComputesIn128BitsAndReportsOverflow() {
        #expect(Money.roundHalfEven(Int64.max, times: 10, over: 20) == Int64.max / 2 + 1)
        #expect(Money.roundHalfEven(Int64.max, times: 10, over: 1) == nil)
        #expect(eur("100.00").multiplied(by: 2, dividedBy: 100) == eur("2.00"))
    }

    @Test func invoiceLinesRoundPerLineHalfEven() throws {
        let line = try InvoiceLine(
            description: "Hours",
            quantity: decimal("2.5"),
            unitPrice: eur("12.35"),
            taxRatePercent: decimal("19")
        )
        // 2.5 × 12.35 = 30.875 → 30.88; 19 % of 30.88 = 5.8672 → 5.87.
        #expect(line.netAmount == eur("30.88"))
        #expect(line.taxAmount == eur("5.87"))
        #expect(line.totalAmount == eur("36.75"))
        let command = try IssueInvoice(
            invoiceID: InvoiceID(validated: "L"),
            customerID: CustomerID(validated: "C"),
            currency: eurCurrency,
            content: .lines([line, line]),
            issueDate: date("2026-01-01"),
            due: .customerTerms
        )
        #expect(command.amount == eur("73.50"))
    }

    @Test func arithmeticStaysInOneCurrency() {
        #expect(eur("1.10") + eur("2.20") == eur("3.30"))
        #expect(eur("1.10") - eur("2.20") == eur("-1.10"))
        #expect(-eur("1.00") == eur("-1.00"))
        #expect(eur("1.00") < eur("1.01"))
        #expect(Money.min(eur("3.00"), eur("2.00")) == eur("2.00"))
    }

    @Test func decimalQuantitiesAreNormalised() {
        #expect(decimal("2.50") == decimal("2.5"))
        #expect(decimal("19.00").description == "19")
        #expect(decimal("0.05").description == "0.05")
        #expect(DecimalQuantity(parsing: "1.1234567") == nil)
        #expect(DecimalQuantity(parsing: "-1") == nil)
        #expect(DecimalQuantity(parsing: "01") == nil)
        #expect(DecimalQuantity(parsing: "1.") == nil)
    }

    /// Stored payloads hold decimals in canonical form only: exactly what `description` prints.
    @Test(arguments: [
        "0", "3", "10", "2.5", "0.05", "19.000001", "999999999.999999", "2.50", "19.00", "0.0",
        "02",
        "1.", ".5", "1.2.3", "-1", "1.1234567", "1e3", "", "1234567890123456",
    ])
    func canonicalDecimalsAreExactlyWhatDescriptionPrints(text: String) {
        let canonical = Array(text.utf8).withUnsafeBytes { DecimalQuantity(canonical: $0) }
        let parsed = DecimalQuantity(parsing: text)
        #expect(canonical == (parsed?.description == text ? parsed : nil))
    }
}

/// The validation that payload text, identifiers and snapshots share.
struct UTF8ValidationTests {
    /// A control or DEL anywhere in a long ASCII text is found, wherever the eight-byte words
    /// fall; other bytes pass, and controls pass when allowed.
    @Test func controlsAreFoundAtEveryPosition() {
        let clean = Array("INV-2026-000123/line-7 payment".utf8)
        #expect(clean.withUnsafeBytes { UTF8Validation.isValid($0, allowingControls: false) })
        for position in clean.indices {
            for control: UInt8 in [0x00, 0x09, 0x1F, 0x7F] {
                var text = clean
                text[position] = control
                #expect(
                    !text.withUnsafeBytes { UTF8Validation.isValid($0, allowingControls: false) }
                )
                #expect(text.withUnsafeBytes { UTF8Validation.isValid($0, allowingControls: true) })
            }
            for printable: UInt8 in [0x20, 0x7E, 0x40] {
                var text = clean
                text[position] = printable
                #expect(
                    text.withUnsafeBytes { UTF8Validation.isValid($0, allowingControls: false) }
                )
            }
        }
    }

    @Test func multibyteTextAfterASCIIWordsIsChecked() {
        let valid = Array("ABCDEFGHIJKLMNOP Müller 東京".utf8)
        #expect(valid.withUnsafeBytes { UTF8Validation.isValid($0, allowingControls: false) })
        var truncated = valid
        truncated.removeLast()
        #expect(!truncated.withUnsafeBytes { UTF8Validation.isValid($0) })
        let c1Control = Array("ABCDEFGHIJ".utf8) + [0xC2, 0x85]
        #expect(!c1Control.withUnsafeBytes { UTF8Validation.isValid($0, allowingControls: false) })
    }
}
