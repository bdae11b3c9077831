import Ledger
import Testing

@testable import LedgerWire

struct JSONWriterTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        var writer = JSONWriter()
        writer.string("a\"b\\c\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}/é😀")
        let expected = #""a\"b\\c\n\r\t\b\f\u0000\u001f"# + "\u{7F}/é😀\""
        #expect(writer.bytes == Array(expected.utf8))
    }

    @Test func writesCompactObjectsWithAutomaticCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("seq", Int64(5))
        writer.member("payment_id", "PAY-1")
        writer.key("list")
        writer.beginArray()
        writer.int(1)
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.raw(Array("{\"x\":1}".utf8))
        writer.null()
        writer.bool(false)
        writer.endArray()
        writer.member("duplicate", true)
        writer.endObject()
        let expected =
            #"{"seq":5,"payment_id":"PAY-1","list":[1,{},[],{"x":1},null,false],"duplicate":true}"#
        #expect(writer.bytes == Array(expected.utf8))
    }

    /// Amounts are written straight as quoted decimals in their currency's exponent, and
    /// separated like any other member.
    @Test func writesAmountMembersAsQuotedDecimals() throws {
        var writer = JSONWriter()
        writer.beginObject()
        for (name, minorUnits, code) in [
            ("eur", Int64(-1_250), "EUR"), ("cents", 5, "EUR"), ("jpy", 5_000, "JPY"),
            ("kwd", 1_234, "KWD"), ("zero", 0, "KWD"),
        ] {
            let currency = try #require(Currency(code: code))
            writer.member(name, Money(minorUnits: minorUnits, currency: currency))
        }
        writer.member("after", Int64(1))
        writer.endObject()
        let expected =
            #"{"eur":"-12.50","cents":"0.05","jpy":"5000","kwd":"1.234","zero":"0.000","after":1}"#
        #expect(writer.bytes == Array(expected.utf8))
    }

    @Test(arguments: [
        Int64.min, Int64.min + 1, -10, -1, 0, 1, 9, 10, 99, 100, 9_007_199_254_740_993, Int64.max,
    ])
    func writesIntegersExactly(value: Int64) {
        var writer = JSONWriter()
        writer.int(value)
        #expect(writer.bytes == Array(String(value).utf8))
    }

    @Test func resetKeepsWritingValidOutput() {
        var writer = JSONWriter()
        writer.int(1)
        writer.reset()
        writer.int(2)
        #expect(writer.bytes == Array("2".utf8))
    }

    @Test func parsingWhatWasWrittenGivesTheSameValue() throws {
        var random = RandomJSON(generator: SplitMix64(seed: 0xACC0_E5EE))
        for _ in 0..<2000 {
            let value = random.value()
            let written = JSONWriter.encode(value)
            let parsed = try JSONParser.parse(written)
            #expect(parsed == value)
            #expect(JSONWriter.encode(parsed) == written)
        }
    }

    @Test func escapedStringsParseBackToEveryScalar() throws {
        var scalars = String.UnicodeScalarView()
        for value in UInt32(0)...0x2FF {
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        let text = String(scalars)
        var writer = JSONWriter()
        writer.string(text)
        let parsed = try JSONParser.parse(writer.bytes)
        guard case .string(let back) = parsed else {
            Issue.record("not a string")
            return
        }
        #expect(Array(back.utf8) == Array(text.utf8))
    }
}
