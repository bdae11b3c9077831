import Foundation
import LedgerWire
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The client's read without waiting, which the benchmark's load generator polls many
/// connections with, against the real daemon.
struct RPCClientTests {
    @Test func availableLineGivesNothingBeforeTheReplyThenTheReplyThenFailsOnClose() throws {
        let daemon = try DaemonProcess()
        defer { daemon.removeFiles() }
        let client = try daemon.client()
        #expect(try client.availableLine() == nil)

        try client.sendLine(Array(#"{"jsonrpc":"2.0","id":7,"method":"ledger.head"}"#.utf8))
        var readable = pollfd(fd: client.descriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&readable, 1, 10_000) == 1)
        let line = try #require(try client.availableLine())
        let reply = try JSONParser.parse(line)
        #expect(reply["id"]?.intValue == 7)
        #expect(reply["result"]?["seq"] != nil)
        #expect(try client.availableLine() == nil)

        #expect(daemon.stop() == 0)
        #expect(poll(&readable, 1, 10_000) == 1)
        #expect(throws: RPCClient.ConnectionError.self) { try client.availableLine() }
    }
}
