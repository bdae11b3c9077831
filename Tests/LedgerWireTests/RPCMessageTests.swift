import Testing

@testable import LedgerWire

struct RPCMessageTests {
    func classify(_ line: String) -> RPCMessage {
        RPCMessage.parse(Array(line.utf8))
    }

    func singleError(_ line: String) -> (id: RPCID, error: RPCError)? {
        guard case .single(.invalid(let id, let error)) = classify(line) else { return nil }
        return (id, error)
    }

    @Test func parsesARequestWithObjectParams() {
        let line =
            #"{"jsonrpc":"2.0","id":1,"method":"customer.register","params":{"customer_id":"ACME"}}"#
        let expected = RPCRequest(
            id: .int(1),
            method: "customer.register",
            params: .object([JSONMember("customer_id", .string("ACME"))])
        )
        #expect(classify(line) == .single(.request(expected)))
    }

    @Test func treatsARequestWithoutIdAsANotification() {
        guard
            case .single(.request(let request)) = classify(
                #"{"jsonrpc":"2.0","method":"system.health"}"#
            )
        else {
            Issue.record("not a request")
            return
        }
        #expect(request.isNotification)
        #expect(request.params == nil)
        #expect(!RPCCall.request(request).expectsReply)
    }

    @Test func keepsNullStringAndExactNumberIds() {
        let lines = [
            (#"{"jsonrpc":"2.0","id":null,"method":"m"}"#, RPCID.null),
            (#"{"jsonrpc":"2.0","id":"abc","method":"m"}"#, .string("abc")),
            (
                #"{"jsonrpc":"2.0","id":1.50e3,"method":"m","params":[]}"#,
                .number(JSONNumber(validatedText: "1.50e3", int64: nil))
            ),
        ]
        for (line, id) in lines {
            guard case .single(.request(let request)) = classify(line) else {
                Issue.record("not a request: \(line)")
                continue
            }
            #expect(request.id == id)
        }
    }

    @Test func answersInvalidJSONWithParseError() {
        let result = singleError(#"{"jsonrpc":"2.0","id":1,"method":"m""#)
        #expect(result?.id == .null)
        #expect(result?.error.code == .parseError)
        #expect(result?.error.reason == "invalid_json")
    }

    @Test(arguments: [
        (#"1"#, nil as String?),
        (#""x""#, nil),
        (#"{"id":7,"method":"m"}"#, "jsonrpc"),
        (#"{"jsonrpc":"1.0","id":7,"method":"m"}"#, "jsonrpc"),
        (#"{"jsonrpc":2.0,"id":7,"method":"m"}"#, "jsonrpc"),
        (#"{"jsonrpc":"2.0","id":7}"#, "method"),
        (#"{"jsonrpc":"2.0","id":7,"method":5}"#, "method"),
        (#"{"jsonrpc":"2.0","id":7,"method":"m","params":"x"}"#, "params"),
        (#"{"jsonrpc":"2.0","id":7,"method":"m","params":null}"#, "params"),
        (#"{"jsonrpc":"2.0","id":7,"method":"m","param":{}}"#, "param"),
        (#"{"jsonrpc":"2.0","id":{},"method":"m"}"#, "id"),
        (#"{"jsonrpc":"2.0","id":true,"method":"m"}"#, "id"),
    ])
    func answersInvalidRequestsWithInvalidRequest(line: String, field: String?) {
        let result = singleError(line)
        #expect(result?.error.code == .invalidRequest, "\(line)")
        #expect(result?.error.field == field, "\(line)")
        let idReadable = line.contains("\"id\":7")
        #expect(result?.id == (idReadable ? .int(7) : .null), "\(line)")
    }

    @Test func answersAnEmptyBatchWithOneInvalidRequest() {
        let result = singleError("[]")
        #expect(result?.id == .null)
        #expect(result?.error.code == .invalidRequest)
        #expect(result?.error.reason == "empty_batch")
    }

    @Test func keepsEveryBatchElementInOrder() {
        let line =
            #"[{"jsonrpc":"2.0","id":1,"method":"a"},1,{"jsonrpc":"2.0","method":"n"},{"jsonrpc":"2.0","id":"x"}]"#
        guard case .batch(let calls) = classify(line) else {
            Issue.record("not a batch")
            return
        }
        #expect(calls.count == 4)
        #expect(calls[0] == .request(RPCRequest(id: .int(1), method: "a")))
        guard case .invalid(.null, let error) = calls[1] else {
            Issue.record("element 1 should be invalid")
            return
        }
        #expect(error.code == .invalidRequest)
        #expect(!calls[2].expectsReply)
        guard case .invalid(.string("x"), _) = calls[3] else {
            Issue.record("element 3 should be invalid with its id")
            return
        }
    }

    @Test func encodesResultErrorAndNotificationReplies() {
        var writer = JSONWriter()
        writer.response(id: .int(1)) { result in
            result.beginObject()
            result.member("seq", Int64(2))
            result.member("customer_id", "ACME")
            result.endObject()
        }
        writer.newline()
        writer.response(
            id: .int(5),
            error: .invalidParams(
                reason: "invalid_amount",
                field: "amount",
                message: "amount must be positive"
            )
        )
        writer.newline()
        writer.notification(method: "closing") { params in
            params.beginObject()
            params.member("reason", "slow_consumer")
            params.endObject()
        }
        let expected = """
            {"jsonrpc":"2.0","id":1,"result":{"seq":2,"customer_id":"ACME"}}
            {"jsonrpc":"2.0","id":5,"error":{"code":-32602,"message":"amount must be positive","data":{"reason":"invalid_amount","field":"amount"}}}
            {"jsonrpc":"2.0","method":"closing","params":{"reason":"slow_consumer"}}
            """
        #expect(writer.bytes == Array(expected.utf8))
    }

    @Test func encodesEveryErrorCode() {
        let errors: [(RPCError, String)] = [
            (.parseError(JSONParseError(offset: 3, message: "unexpected character")), "-32700"),
            (.invalidRequest("bad"), "-32600"),
            (.methodNotFound("nope.nope"), "-32601"),
            (
                .invalidParams(reason: "missing_field", field: "a", message: "missing field a"),
                "-32602"
            ),
            (.rejected(reason: "unknown_customer", message: "no customer ACME"), "-32000"),
        ]
        for (error, code) in errors {
            let line = JSONWriter.errorLine(id: .string("q"), error: error)
            let text = String(decoding: line, as: UTF8.self)
            #expect(text.hasPrefix(#"{"jsonrpc":"2.0","id":"q","error":{"code":\#(code),"#))
            #expect(line.last == 0x0A)
            guard
                case .response(let response)? = try? RPCServerMessage.parse(Array(line.dropLast()))
            else {
                Issue.record("reply not readable: \(text)")
                continue
            }
            #expect(response.outcome == .failure(error))
        }
    }

    @Test func answersAnOverlongLineWithNullId() {
        let line = JSONWriter.errorLine(
            error: .lineTooLong(limitBytes: LineFramer.defaultMaxLineBytes)
        )
        let expected =
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"line longer than 1048576 bytes","data":{"reason":"line_too_long"}}}"#
            + "\n"
        #expect(line == Array(expected.utf8))
    }

    @Test func encodesBatchRepliesAsAnArray() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.response(id: .int(1), result: .int(1))
        writer.responseIfInvalid(.invalid(id: .null, error: .invalidRequest("bad")))
        writer.endArray()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(
            text
                == #"[{"jsonrpc":"2.0","id":1,"result":1},{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"bad","data":{"reason":"invalid_request"}}}]"#
        )
        guard case .batch(let responses)? = try? RPCServerMessage.parse(writer.bytes) else {
            Issue.record("batch reply not readable")
            return
        }
        #expect(responses.map(\.id) == [.int(1), .null])
    }

    @Test func writesRequestsAClientSends() throws {
        var writer = JSONWriter()
        writer.request(id: .int(9), method: "ledger.head", params: .object([]))
        #expect(
            writer.bytes
                == Array(#"{"jsonrpc":"2.0","id":9,"method":"ledger.head","params":{}}"#.utf8)
        )
        #expect(
            RPCMessage.parse(writer.bytes)
                == .single(
                    .request(RPCRequest(id: .int(9), method: "ledger.head", params: .object([])))
                )
        )
    }

    @Test func readsServerNotifications() throws {
        let line = Array(#"{"jsonrpc":"2.0","method":"event","params":{"seq":3}}"#.utf8)
        let message = try RPCServerMessage.parse(line)
        #expect(
            message == .notification(method: "event", params: .object([JSONMember("seq", .int(3))]))
        )
    }
}
