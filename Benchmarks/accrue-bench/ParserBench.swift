import Foundation
import LedgerWire

/// The socket's hot path without the socket: parsing a small request line and reading its
/// params, next to Foundation's `JSONSerialization` doing the same in the same run.
enum ParserBench {
    static let request = Array(
        (#"{"jsonrpc":"2.0","id":12345,"method":"payment.record","params":{"command_id":"c-000123","#
            + #""payment_id":"PAY-000123","customer_id":"ACME","currency":"EUR","amount":"500.00","#
            + #""date":"2026-02-10","method":"bank_transfer"}}"#).utf8
    )

    static func run(output: String) throws {
        let iterations = 300_000
        print(
            "parsing \(iterations) \(request.count)-byte requests with accrue's parser and with Foundation…"
        )
        var checksum = 0
        let ours = try BenchMain.measure {
            for _ in 0..<iterations {
                guard case .single(.request(let call)) = RPCMessage.parse(request) else {
                    throw BenchFailure(message: "the bench request did not parse")
                }
                var params = try ParamReader(call.params)
                checksum &+= try params.string("command_id", maxBytes: 128).utf8.count
                _ = try params.string("payment_id")
                _ = try params.string("customer_id")
                _ = try params.string("currency")
                _ = try params.amount("amount")
                _ = try params.date("date")
                _ = try params.string("method")
                try params.finish()
            }
        }
        let data = Data(request)
        let foundation = try BenchMain.measure {
            for _ in 0..<iterations {
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let method = object["method"] as? String,
                    let params = object["params"] as? [String: Any]
                else { throw BenchFailure(message: "Foundation did not parse the bench request") }
                checksum &+=
                    method.utf8.count + ((params["command_id"] as? String)?.utf8.count ?? 0)
                for key in ["payment_id", "customer_id", "currency", "amount", "date", "method"] {
                    checksum &+= (params[key] as? String)?.utf8.count ?? 0
                }
            }
        }
        precondition(checksum != 0)
        var table = BenchTable(baselineName: "Foundation")
        table.add(
            "parse request + read params",
            unit: "requests/s",
            ours: Double(iterations) / ours,
            baseline: Double(iterations) / foundation,
            count: iterations
        )
        table.print()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try table.json().write(toFile: output + "/parser.json", atomically: true, encoding: .utf8)
        print("figures written to \(output)/parser.json")
    }
}
