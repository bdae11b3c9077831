import Foundation
import LedgerWire
import Testing

/// Many clients writing at once all get their acknowledgement, and the log holds exactly
/// their events.
@Suite(.serialized)
struct ConcurrentWriterTests {
    @Test func sixtyFourClientsWritingAtOnceAreAllAcknowledged() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let load = WriteLoad(socketPath: daemon.socketPath, prefix: "c64", writers: 64, limit: 25)
        load.start()
        load.waitUntilStopped()
        #expect(load.attempted.count == 64 * 25)
        #expect(load.acknowledged == load.attempted)
        let client = try daemon.client()
        #expect(try DurabilityTests.loggedCommandIDs(client) == load.acknowledged)
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == Int64(64 * 25 + 1))
    }
}
