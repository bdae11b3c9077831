import Foundation
import LedgerWire
import Testing

/// The daemon with a configuration file: `--check-config`, refusal of a bad file, flags over
/// the file, and SIGHUP reloading roles while connections stay up.
@Suite(.serialized)
struct OpsConfigDaemonTests {
    static var accrued: String { DaemonProcess.binDirectory.appendingPathComponent("accrued").path }

    @Test func checkConfigAcceptsAGoodFileAndNamesTheKeyOfABadOne() throws {
        let directory = try makeTemporaryDirectory("accrued-check")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = try ConfigFile(
            "[server]\nsocket_mode = \"0600\"\n[roles.users]\nroot = \"reader\"\n",
            in: directory,
            name: "good.toml"
        )
        let ok = try runProgram(Self.accrued, ["--check-config", "--config", good.path])
        #expect(ok.status == 0)
        #expect(ok.output.hasPrefix("ok: \(good.path)"))

        for (text, key) in [
            ("[server]\nwrite_queue_capacity = \"lots\"\n", "server.write_queue_capacity"),
            ("[storage]\ndata_dir = \"/srv/x\"\ncompression = true\n", "storage.compression"),
            (
                "[roles.groups]\nno-such-group-accrue = \"reader\"\n",
                "roles.groups.no-such-group-accrue"
            ),
        ] {
            let bad = try ConfigFile(text, in: directory, name: "bad.toml")
            let refused = try runProgram(Self.accrued, ["--check-config", "--config", bad.path])
            #expect(refused.status == 78, "\(text)")
            #expect(refused.output.contains("\(bad.path): \(key):"), "\(refused.output)")
        }
        let missing = try runProgram(
            Self.accrued,
            ["--check-config", "--config", directory + "/absent.toml"]
        )
        #expect(missing.status == 78)
        #expect(missing.output.contains("cannot read"))
    }

    @Test func checkConfigWarnsAboutChannelProgramsAndDirectoriesMissingHere() throws {
        let directory = try makeTemporaryDirectory("accrued-channels")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try ConfigFile(
            """
            [channels.hook]
            type = "exec"
            command = ["/bin/true"]
            [channels.mail]
            type = "sendmail"
            command = ["\(directory)/no-sendmail", "-t"]
            from = "ar@example.com"
            [channels.files]
            type = "spool"
            directory = "\(directory)/no-spool"
            """,
            in: directory
        )
        let check = try runProgram(Self.accrued, ["--check-config", "--config", file.path])
        #expect(check.status == 0)
        #expect(
            check.output.contains(
                "warning: channels.files.directory: \(directory)/no-spool is not a directory here"
            )
        )
        #expect(
            check.output.contains(
                "warning: channels.mail.command[0]: \(directory)/no-sendmail is not an executable file here"
            )
        )
        #expect(!check.output.contains("channels.hook"))
    }

    @Test func theDaemonRefusesToStartOnABadConfiguration() throws {
        let directory = try makeTemporaryDirectory("accrued-bad")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try ConfigFile("[dunning]\ninterval_seconds = \"hourly\"\n", in: directory)
        let run = try runProgram(
            Self.accrued,
            [
                "--config", file.path, "--data-dir", directory + "/data", "--socket",
                directory + "/s.sock",
            ]
        )
        #expect(run.status == 78)
        #expect(run.output.contains("dunning.interval_seconds: expected an integer, got string"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/data"))
    }

    @Test func flagsOverrideTheFileAndTheFileOverridesTheDefaults() throws {
        let directory = try makeTemporaryDirectory("accrued-override")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try ConfigFile(
            """
            [server]
            socket = "\(directory)/from-file.sock"
            socket_mode = "0600"
            max_events_per_read = 7
            [storage]
            data_dir = "\(directory)/file-data"
            """,
            in: directory
        )
        // DaemonProcess passes --data-dir and --socket, which must win over the file.
        let daemon = try DaemonProcess(
            directory: directory + "/flags",
            arguments: ["--config", file.path]
        )
        defer { daemon.stop() }
        #expect(!FileManager.default.fileExists(atPath: directory + "/from-file.sock"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/file-data"))
        let describe = try daemon.client().call("system.describe")
        #expect(describe["result"]?["limits"]?["max_events_per_read"]?.intValue == 7)
        let attributes = try FileManager.default.attributesOfItem(atPath: daemon.socketPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test(.enabled(if: getuid() == 0, "connecting as another uid needs root"))
    func sighupChangesRolesWithoutDroppingConnections() throws {
        let directory = try makeTemporaryDirectory("accrued-hup")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let nobody = ForeignUserClient.nobody
        let file = try ConfigFile("[server]\nsocket_mode = \"0666\"\n", in: directory)
        let daemon = try DaemonProcess(
            directory: directory + "/daemon",
            arguments: ["--config", file.path, "--log-level", "notice"]
        )
        defer { daemon.removeFiles() }
        let admin = try daemon.client()
        let stranger = try ForeignUserClient(socketPath: daemon.socketPath)
        let refused = try #require(try stranger.call("ledger.head"))
        #expect(refused["error"]?["data"]?["reason"]?.stringValue == "permission_denied")

        try file.rewrite(
            "[server]\nsocket_mode = \"0666\"\nmax_events_per_read = 50\n[roles.users]\n\(nobody) = \"reader\"\n"
        )
        kill(daemon.pid, SIGHUP)
        // The same connection, still open, is now a reader; writes stay refused.
        var granted: JSONValue?
        for attempt in 0..<100 {
            granted = try stranger.call("ledger.head", id: attempt)
            if granted?["result"] != nil { break }
            usleep(20_000)
        }
        #expect(granted?["result"]?["seq"]?.intValue == 1)
        let list = try #require(try stranger.call("customer.list", id: 200))
        #expect(list["result"] != nil)
        let write = try #require(
            try stranger.call(
                "customer.register",
                params: #"{"command_id":"h-1","customer_id":"C1","name":"C","currency":"EUR"}"#,
                id: 201
            )
        )
        #expect(write["error"]?["data"]?["reason"]?.stringValue == "permission_denied")
        #expect(stranger.isConnected)
        #expect(try admin.call("ledger.head")["result"]?["seq"]?.intValue == 1)

        // A file that no longer validates is ignored: the running roles stay.
        try file.rewrite("[roles.users]\n\(nobody) = \"emperor\"\n")
        kill(daemon.pid, SIGHUP)
        usleep(300_000)
        #expect(try stranger.call("ledger.head", id: 500)?["result"] != nil)

        // Revoked: the open connection is refused from its next request on.
        try file.rewrite("[server]\nsocket_mode = \"0666\"\n")
        kill(daemon.pid, SIGHUP)
        var revoked: JSONValue?
        for attempt in 1000..<1100 {
            revoked = try stranger.call("ledger.head", id: attempt)
            if revoked?["error"] != nil { break }
            usleep(20_000)
        }
        #expect(revoked?["error"]?["data"]?["reason"]?.stringValue == "permission_denied")
        #expect(try admin.call("ledger.head")["result"]?["seq"]?.intValue == 1)
        #expect(daemon.stop() == 0)
        let log = daemon.stderrText()
        #expect(log.contains("configuration reloaded"))
        #expect(log.contains("roles.users.\(nobody)"))
        #expect(
            log.contains("config.pending=server.max_events_per_read"),
            "a restart-only change is reported as pending"
        )
        #expect(log.contains("roles.users.\(nobody): must be one of reader, writer, admin"))
    }
}
