import Testing

@testable import LedgerWire

struct JSONParserTests {
    @Test(arguments: [
        ("null", JSONValue.null),
        (" true ", .bool(true)),
        ("\tfalse\r\n", .bool(false)),
        ("\"\"", .string("")),
        ("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", .string("a\"b\\c/d\u{8}\u{C}\n\r\t")),
        ("\"\\u00e9\\u20AC\"", .string("é€")),
        ("\"\\ud83d\\ude00\"", .string("😀")),
        ("\"\\u0000\"", .string("\u{0}")),
        ("\"héllo €😀\"", .string("héllo €😀")),
        ("[]", .array([])),
        ("{}", .object([])),
        ("[1,[2,[3]]]", .array([.int(1), .array([.int(2), .array([.int(3)])])])),
        (
            "{\"b\":1,\"a\":{\"c\":null}}",
            .object([JSONMember("b", .int(1)), JSONMember("a", .object([JSONMember("c", .null)]))])
        ),
    ])
    func acceptsValidDocument(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test(arguments: [
        "0", "-0", "1", "-1", "10", "0.5", "-0.0e-0", "1E+2", "1e999999", "123.456e-7",
    ])
    func keepsNumberTextExactly(text: String) throws {
        guard case .number(let number) = try JSONParser.parse(text) else {
            Issue.record("not a number")
            return
        }
        #expect(number.text == text)
    }

    @Test func givesExactInt64ForIntegersInRangeOnly() throws {
        let cases: [(String, Int64?)] = [
            ("9223372036854775807", Int64.max),
            ("-9223372036854775808", Int64.min),
            ("9223372036854775808", nil),
            ("-9223372036854775809", nil),
            ("18446744073709551616", nil),
            ("123456789012345678901234567890", nil),
            ("9007199254740993", 9_007_199_254_740_993),
            ("1.0", nil),
            ("1e2", nil),
        ]
        for (text, expected) in cases {
            guard case .number(let number) = try JSONParser.parse(text) else {
                Issue.record("not a number: \(text)")
                continue
            }
            #expect(number.int64 == expected, "\(text)")
        }
    }

    @Test func keepsHugeNumbersAsText() throws {
        let digits = String(repeating: "9", count: 5000)
        let value = try JSONParser.parse("[\(digits),-\(digits).5e+99]")
        #expect(JSONWriter.encode(value) == Array("[\(digits),-\(digits).5e+99]".utf8))
    }

    @Test(arguments: [
        ("", 0), (" ", 1), ("[1,]", 3), ("{\"a\":1,}", 7), ("[1 2]", 3), ("// c\n1", 0),
        ("/* c */ 1", 0), ("NaN", 0), ("Infinity", 0), ("-Infinity", 1), ("01", 1), ("-01", 2),
        ("1.", 2), (".5", 0), ("1e", 2), ("1e+", 3), ("+1", 0), ("0x10", 1), ("tru", 3),
        ("nul", 3), ("True", 0), ("\"abc", 0), ("\"a\u{1}b\"", 2), ("\"a\nb\"", 2), ("\"\\x\"", 1),
        ("\"\\u12G4\"", 5), ("\"\\u12\"", 3), ("'a'", 0), ("{a:1}", 1), ("{\"a\" 1}", 5),
        ("{\"a\":1 \"b\":2}", 7), ("[1]x", 3), ("1 2", 2), ("{\"a\":1}}", 7), ("[", 1), ("{", 1),
        ("\"\\ud800\"", 1), ("\"\\udc00\"", 1), ("\"\\ud800\\u0041\"", 1), ("\"\\ud800x\"", 1),
        ("{\"a\":1,\"a\":2}", 7), ("[1,,2]", 3), ("\u{FEFF}1", 0),
    ])
    func refusesInvalidDocumentAtOffset(text: String, offset: Int) {
        #expect(throws: JSONParseError.self, "\(text)") { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
        }
    }

    @Test(
        arguments: [
            [0x22, 0x80, 0x22],  // lone continuation byte
            [0x22, 0xC0, 0xAF, 0x22],  // overlong '/'
            [0x22, 0xC3, 0x22],  // truncated 2-byte sequence
            [0x22, 0xE0, 0x80, 0x80, 0x22],  // overlong 3-byte
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate U+D800
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22],  // invalid lead byte
            [0x22, 0xFF, 0x22],
            [0x22, 0x5C, 0x6E, 0xE2, 0x82, 0x22],  // truncated after an escape
        ] as [[UInt8]]
    )
    func refusesInvalidUTF8InStrings(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
    }

    @Test func refusesInvalidUTF8OutsideStrings() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0xC3, 0xA9] as [UInt8]) }
    }

    @Test func refusesTenThousandLevelsOfNestingWithoutOverflow() {
        let arrays = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let objects =
            String(repeating: "{\"a\":", count: 10_000) + "1"
            + String(repeating: "}", count: 10_000)
        for text in [arrays, objects] {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        }
    }

    @Test func acceptsNestingUpToTheLimitAndNoFurther() throws {
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let overLimit = "[" + atLimit + "]"
        _ = try JSONParser.parse(atLimit)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(overLimit) }
        _ = try JSONParser.parse(overLimit, maxDepth: 65)
    }

    @Test func refusesDuplicateKeysInLargeObjects() throws {
        let keys = (0..<1000).map { "\"k\($0)\":\($0)" }
        _ = try JSONParser.parse("{" + keys.joined(separator: ",") + "}")
        let duplicated = "{" + keys.joined(separator: ",") + ",\"k500\":0}"
        #expect(throws: JSONParseError.self) { try JSONParser.parse(duplicated) }
    }

    @Test func treatsCanonicallyEquivalentKeysAsDistinct() throws {
        let value = try JSONParser.parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.count == 2)
    }

    @Test func keepsMembersInSourceOrderAndLooksThemUp() throws {
        let value = try JSONParser.parse("{\"z\":1,\"a\":2,\"m\":3}")
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(value["a"] == .int(2))
        #expect(value["b"] == nil)
    }

    @Test func parsesSlicesWithOffsetsFromTheSliceStart() {
        let bytes = Array("xx[1,]".utf8)
        do {
            _ = try JSONParser.parse(bytes[2...])
            Issue.record("accepted a trailing comma")
        } catch {
            #expect(error.offset == 3)
        }
    }
}
