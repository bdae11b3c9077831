import Testing

@testable import LedgerWire

/// Measures parser and reply-writer speed; prints only, never asserts timing (use
/// `swift test -c release --filter ParserThroughputTests` for meaningful numbers).
struct ParserThroughputTests {
    static let request = Array(
        (#"{"jsonrpc":"2.0","id":12345,"method":"payment.record","params":{"command_id":"c-000123","#
            + #""payment_id":"PAY-000123","customer_id":"ACME","currency":"EUR","amount":"500.00","#
            + #""date":"2026-02-10","method":"bank_transfer"}}"#).utf8
    )

    @Test func measureRequestsPerSecond() throws {
        #if DEBUG
            let iterations = 20_000
        #else
            let iterations = 500_000
        #endif
        let clock = ContinuousClock()
        var methods = 0
        let parseTime = clock.measure {
            for _ in 0..<iterations {
                if case .single(.request(let request)) = RPCMessage.parse(Self.request) {
                    methods &+= request.method.utf8.count
                }
            }
        }
        let readTime = try clock.measure { () throws(RPCError) in
            for _ in 0..<iterations {
                guard case .single(.request(let request)) = RPCMessage.parse(Self.request) else {
                    continue
                }
                var params = try ParamReader(request.params)
                _ = try params.string("command_id", maxBytes: 128)
                _ = try params.string("payment_id")
                _ = try params.string("customer_id")
                _ = try params.string("currency")
                _ = try params.amount("amount")
                _ = try params.date("date")
                _ = try params.string("method")
                try params.finish()
            }
        }
        var writer = JSONWriter()
        let writeTime = clock.measure {
            for sequence in 0..<Int64(iterations) {
                writer.reset()
                writer.response(id: .int(sequence)) { result in
                    result.beginObject()
                    result.member("seq", sequence)
                    result.member("payment_id", "PAY-000123")
                    result.member("unapplied", "0.00")
                    result.endObject()
                }
                writer.newline()
            }
        }
        #expect(methods == iterations * "payment.record".utf8.count)
        print(
            "LedgerWire: \(Self.request.count)-byte request, \(rate(iterations, parseTime)) parses/s, "
                + "\(rate(iterations, readTime)) parses with params read/s; \(rate(iterations, writeTime)) replies/s"
        )
    }

    func rate(_ count: Int, _ duration: Duration) -> Int {
        let seconds =
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return Int(Double(count) / seconds)
    }
}
