import Ledger
import Testing

@testable import LedgerWire

struct ParamReaderTests {
    func reader(_ json: String) throws -> ParamReader {
        try ParamReader(try JSONParser.parse(json))
    }

    func expectError(
        _ json: String,
        reason: String,
        field: String?,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ read: (inout ParamReader) throws(RPCError) -> Void
    ) {
        do {
            var params = try reader(json)
            try read(&params)
            try params.finish()
            Issue.record("no error for \(json)", sourceLocation: sourceLocation)
        } catch let error as RPCError {
            #expect(error.code == .invalidParams, sourceLocation: sourceLocation)
            #expect(error.reason == reason, "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.field == field, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func readsEveryKindOfParameter() throws {
        var params = try reader(
            #"{"command_id":"c-1","amount":"1190.00","issue_date":"2024-02-29","limit":50,"dry":true,"#
                + #""tags":["a","b"],"known_at":{"seq":5},"allocations":[{"invoice_id":"I","amount":"1"}],"#
                + #""metadata":{"z":1,"a":[null]},"note":null}"#
        )
        #expect(try params.string("command_id", maxBytes: 128) == "c-1")
        #expect(try params.amount("amount") == "1190.00")
        #expect(try params.date("issue_date") == LedgerDate(parsing: "2024-02-29"))
        #expect(try params.int("limit", in: 1...1000) == 50)
        #expect(try params.bool("dry"))
        #expect(try params.strings("tags") == ["a", "b"])
        var knownAt = try params.object("known_at")
        #expect(try knownAt.int("seq") == 5)
        try knownAt.finish()
        var allocations = try params.objects("allocations")
        #expect(try allocations[0].string("invoice_id") == "I")
        #expect(try allocations[0].amount("amount") == "1")
        try allocations[0].finish()
        let metadata = try params.optionalPayload("metadata")
        #expect(
            metadata == .object([PayloadMember("a", .array([.null])), PayloadMember("z", .int(1))])
        )
        #expect(try params.optionalString("note") == nil)
        #expect(try params.optionalString("absent") == nil)
        #expect(try params.optionalDate("due_date") == nil)
        try params.finish()
    }

    @Test func readsAbsentParamsAsAnEmptyObject() throws {
        let params = try ParamReader(nil)
        try params.finish()
    }

    @Test func refusesArrayParams() {
        #expect(throws: RPCError.self) { try ParamReader(.array([])) }
    }

    @Test func reportsMissingAndNullRequiredFields() {
        expectError(#"{}"#, reason: "missing_field", field: "customer_id") { (p) throws(RPCError) in
            _ = try p.string("customer_id")
        }
        expectError(#"{"customer_id":null}"#, reason: "missing_field", field: "customer_id") {
            (p) throws(RPCError) in
            _ = try p.string("customer_id")
        }
    }

    @Test func reportsWrongTypes() {
        expectError(#"{"name":5}"#, reason: "wrong_type", field: "name") { (p) throws(RPCError) in
            _ = try p.string("name")
        }
        expectError(#"{"limit":"5"}"#, reason: "wrong_type", field: "limit") {
            (p) throws(RPCError) in
            _ = try p.int("limit")
        }
        expectError(#"{"limit":5.0}"#, reason: "wrong_type", field: "limit") {
            (p) throws(RPCError) in
            _ = try p.int("limit")
        }
        expectError(#"{"dry":"true"}"#, reason: "wrong_type", field: "dry") {
            (p) throws(RPCError) in
            _ = try p.optionalBool("dry")
        }
        expectError(#"{"tags":["a",1]}"#, reason: "wrong_type", field: "tags[1]") {
            (p) throws(RPCError) in
            _ = try p.strings("tags")
        }
        expectError(#"{"allocations":[{},3]}"#, reason: "wrong_type", field: "allocations[1]") {
            (p) throws(RPCError) in
            _ = try p.objects("allocations")
        }
    }

    @Test func reportsOutOfRangeIntegers() {
        expectError(#"{"limit":0}"#, reason: "out_of_range", field: "limit") {
            (p) throws(RPCError) in
            _ = try p.int("limit", in: 1...100)
        }
        expectError(#"{"seq":99999999999999999999}"#, reason: "out_of_range", field: "seq") {
            (p) throws(RPCError) in
            _ = try p.int("seq")
        }
    }

    @Test func reportsLongAndEmptyStrings() {
        let longID = String(repeating: "x", count: 129)
        expectError(#"{"command_id":"\#(longID)"}"#, reason: "too_long", field: "command_id") {
            (p) throws(RPCError) in
            _ = try p.string("command_id", maxBytes: 128)
        }
        expectError(#"{"invoice_id":""}"#, reason: "empty_string", field: "invoice_id") {
            (p) throws(RPCError) in
            _ = try p.string("invoice_id", allowEmpty: false)
        }
    }

    @Test(arguments: [
        #"125.50"#, #""""#, #""12,50""#, #""1e3""#, #"".5""#, #""5.""#, #""+5""#, #""05""#,
        #"" 5""#,
        #""-5""#, #""0""#, #""0.00""#, #""-0""#, #"null"#,
    ])
    func refusesAmountsThatAreNotPositiveDecimalStrings(amount: String) {
        let reason = amount == "null" ? "missing_field" : "invalid_amount"
        expectError(#"{"amount":\#(amount)}"#, reason: reason, field: "amount") {
            (p) throws(RPCError) in
            _ = try p.amount("amount")
        }
    }

    @Test func acceptsAmountSignsAsAsked() throws {
        var params = try reader(#"{"a":"0.00","b":"-12.5","c":"0"}"#)
        #expect(try params.amount("a", sign: .nonNegative) == "0.00")
        #expect(try params.amount("b", sign: .any) == "-12.5")
        #expect(try params.optionalAmount("c", sign: .nonNegative) == "0")
        try params.finish()
    }

    @Test func namesTheNestedFieldPathOfABadAmount() {
        let json =
            #"{"allocations":[{"invoice_id":"A","amount":"1"},{"invoice_id":"B","amount":"1"},{"invoice_id":"C","amount":2}]}"#
        expectError(json, reason: "invalid_amount", field: "allocations[2].amount") {
            (p) throws(RPCError) in
            for var allocation in try p.objects("allocations") {
                _ = try allocation.string("invoice_id")
                _ = try allocation.amount("amount")
                try allocation.finish()
            }
        }
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "2026-1-01",
        "26-01-01",
        "2026/01/01", "2026-01-01T00:00:00Z", "2026-01-0a", "", "1900-02-29", "10000-01-01",
    ])
    func refusesImpossibleOrMalformedDates(date: String) {
        expectError(#"{"date":"\#(date)"}"#, reason: "invalid_date", field: "date") {
            (p) throws(RPCError) in
            _ = try p.date("date")
        }
    }

    @Test func acceptsLeapDays() throws {
        var params = try reader(#"{"a":"2000-02-29","b":"0001-01-01","c":"9999-12-31"}"#)
        #expect(try params.date("a").description == "2000-02-29")
        #expect(try params.date("b") == LedgerDate.earliest)
        #expect(try params.optionalDate("c") == LedgerDate.latest)
        try params.finish()
    }

    @Test func refusesADateSentAsANumber() {
        expectError(#"{"date":20260105}"#, reason: "invalid_date", field: "date") {
            (p) throws(RPCError) in
            _ = try p.date("date")
        }
    }

    @Test func refusesUnknownFieldsAtEveryLevel() {
        expectError(
            #"{"customer_id":"A","colour":"red"}"#,
            reason: "unknown_field",
            field: "colour"
        ) { (p) throws(RPCError) in
            _ = try p.string("customer_id")
        }
        expectError(
            #"{"known_at":{"seq":1,"sequence":2}}"#,
            reason: "unknown_field",
            field: "known_at.sequence"
        ) { (p) throws(RPCError) in
            var knownAt = try p.object("known_at")
            _ = try knownAt.int("seq")
            try knownAt.finish()
        }
    }

    @Test func refusesFractionalNumbersInPayloads() {
        expectError(
            #"{"metadata":{"lines":[{"qty":1.5}]}}"#,
            reason: "invalid_value",
            field: "metadata.lines[0].qty"
        ) { (p) throws(RPCError) in
            _ = try p.optionalPayload("metadata")
        }
    }
}
