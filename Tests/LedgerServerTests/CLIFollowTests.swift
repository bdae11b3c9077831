import Foundation
import LedgerWire
import Testing

/// `accrue events follow` against the real daemon: the catch-up, then records written while
/// it runs, one JSON line each.
@Suite(.serialized)
struct CLIFollowTests {
    @Test func followPrintsTheCatchUpThenLiveRecords() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let cli = CLIRunner(daemon: daemon)
        _ = try CLIScenario.write(cli)

        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = [
            "events", "follow", "--from", "17", "--json", "--socket", daemon.socketPath,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer {
            // SIGKILL: a child of the test runner inherits its blocked signals, SIGTERM included.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        var lines = LineCollector(handle: pipe.fileHandleForReading)
        let caughtUp = try lines.next(3)
        #expect(caughtUp.map { $0["seq"]?.intValue } == [17, 18, 19])

        let written = try cli.run(["customer", "register", "INITECH", "--name", "Initech"])
        #expect(written.status == 0)
        let live = try #require(try lines.next(1).first)
        #expect(live["seq"]?.intValue == 20)
        #expect(live["type"]?.stringValue == "customer.registered")
        #expect(live["hash"]?.stringValue?.count == 64)
    }
}

/// Reads JSON lines from a child's output as they arrive.
struct LineCollector {
    let handle: FileHandle
    private var buffer: [UInt8] = []

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// The next `count` lines, parsed; fails if the stream ends first or nothing arrives for
    /// ten seconds.
    mutating func next(_ count: Int) throws -> [JSONValue] {
        var values: [JSONValue] = []
        while values.count < count {
            if let newline = buffer.firstIndex(of: 0x0A) {
                values.append(try JSONParser.parse(Array(buffer[..<newline])))
                buffer.removeSubrange(...newline)
                continue
            }
            var poller = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 10_000) == 1 else {
                throw DaemonFailure(message: "no line from follow in 10 s after \(values.count)")
            }
            let data = handle.availableData
            guard !data.isEmpty else {
                throw DaemonFailure(message: "follow ended after \(values.count) lines")
            }
            buffer += data
        }
        return values
    }
}
