import Ledger
import Testing

@testable import LedgerWire

struct PayloadJSONTests {
    @Test func sortsObjectKeysByUTF8Bytes() throws {
        let json = try JSONParser.parse(
            "{\"\u{10000}\":1,\"\u{E000}\":2,\"\u{E9}\":3,\"e\u{301}\":4,\"z\":5,\"Z\":6,\"\":7}"
        )
        let payload = try PayloadValue(json: json)
        guard case .object(let members) = payload else {
            Issue.record("not an object")
            return
        }
        let keys = members.map { Array($0.key.utf8) }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(
            members.map(\.value) == [.int(7), .int(6), .int(4), .int(5), .int(3), .int(2), .int(1)]
        )
    }

    @Test func refusesNumbersThatAreNotExactIntegers() {
        for text in ["1.0", "1e2", "-0.5", "9223372036854775808"] {
            #expect(throws: PayloadConversionError.self, "\(text)") {
                try PayloadValue(json: try JSONParser.parse("[\(text)]"))
            }
        }
    }

    @Test func refusesDuplicateKeysBuiltInCode() {
        let json = JSONValue.object([JSONMember("a", .null), JSONMember("a", .null)])
        #expect(throws: PayloadConversionError.self) { try PayloadValue(json: json) }
    }

    @Test func writesPayloadsAsCompactJSON() {
        let payload = PayloadValue.object([
            PayloadMember("amount", .string("1190.00")),
            PayloadMember("lines", .array([.int(-3), .bool(true), .null])),
            PayloadMember("seq", .int(Int64.min)),
        ])
        var writer = JSONWriter()
        writer.payload(payload)
        let expected = #"{"amount":"1190.00","lines":[-3,true,null],"seq":-9223372036854775808}"#
        #expect(writer.bytes == Array(expected.utf8))
        #expect(JSONWriter.encode(payload.json) == writer.bytes)
    }

    @Test func payloadsSurviveWritingAndReadingBack() throws {
        var random = RandomJSON(generator: SplitMix64(seed: 42))
        var converted = 0
        for _ in 0..<2000 {
            guard let payload = try? PayloadValue(json: random.value()) else { continue }
            var writer = JSONWriter()
            writer.payload(payload)
            #expect(try PayloadValue(json: try JSONParser.parse(writer.bytes)) == payload)
            converted += 1
        }
        #expect(converted > 500)
    }
}
