import Foundation
import LedgerWire
import Testing

/// The journal's view: request ids at debug level, a notice for a peer without a role, and
/// never an amount or a customer's data, at any level.
@Suite(.serialized)
struct OpsLoggingTests {
    @Test(.enabled(if: getuid() == 0, "connecting as another uid needs root"))
    func requestsAreLoggedWithIdsButWithoutAmountsOrCustomerData() throws {
        let directory = try makeTemporaryDirectory("accrued-logs")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try ConfigFile("[server]\nsocket_mode = \"0666\"\n", in: directory)
        let daemon = try DaemonProcess(
            directory: directory + "/daemon",
            arguments: ["--config", file.path, "--log-level", "debug"]
        )
        let client = try daemon.client()
        let customer =
            #"{"command_id":"l-1","customer_id":"SECRET-ID","name":"Confidential Customer GmbH","email":"ap@confidential.example","currency":"EUR"}"#
        #expect(try client.call("customer.register", try json(customer))["result"] != nil)
        let invoice =
            #"{"command_id":"l-2","invoice_id":"INV-SECRET","customer_id":"SECRET-ID","currency":"EUR","amount":"98765.43","issue_date":"2026-01-05","due_date":"2026-02-04"}"#
        #expect(try client.call("invoice.issue", try json(invoice))["result"] != nil)
        let stranger = try ForeignUserClient(socketPath: daemon.socketPath)
        _ = try stranger.call("ledger.head")
        #expect(daemon.stop() == 0)
        let log = daemon.stderrText()
        #expect(log.contains("rpc.method=invoice.issue"), "\(log)")
        #expect(log.contains("request.id="))
        #expect(log.contains("connection from a peer without a role"))
        #expect(log.contains("peer.uid=\(ForeignUserClient.nobody)"))
        for secret in ["98765", "Confidential", "SECRET-ID", "INV-SECRET", "confidential.example"] {
            #expect(!log.contains(secret), "the log shows \(secret)")
        }
    }

    @Test func sighupChangesTheLogLevel() throws {
        let directory = try makeTemporaryDirectory("accrued-level")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try ConfigFile("[server]\nlog_level = \"warning\"\n", in: directory)
        let daemon = try DaemonProcess(
            directory: directory + "/daemon",
            arguments: ["--config", file.path],
            logLevel: nil
        )
        let client = try daemon.client()
        _ = try client.call("ledger.head")
        try file.rewrite("[server]\nlog_level = \"debug\"\n")
        kill(daemon.pid, SIGHUP)
        var head: JSONValue?
        for _ in 0..<50 {
            usleep(20_000)
            head = try client.call("system.health")
        }
        #expect(head?["result"] != nil)
        #expect(daemon.stop() == 0)
        let log = daemon.stderrText()
        #expect(!log.contains("rpc.method=ledger.head"), "logged at warning level: \(log)")
        #expect(log.contains("rpc.method=system.health"), "\(log)")
    }
}
