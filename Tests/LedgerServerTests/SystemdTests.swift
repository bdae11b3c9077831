import Foundation
import LedgerWire
import Testing

/// Life under systemd, with systemd's own tools: the notify protocol on a real datagram
/// socket, socket activation by `systemd-socket-activate`, and `systemd-analyze verify` on
/// the installed units.
@Suite(.serialized)
struct SystemdTests {
    @Test func theDaemonReportsReadyStatusWatchdogAndStoppingOnTheNotifySocket() throws {
        let directory = try makeTemporaryDirectory("accrued-notify")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let notify = try NotifySocket(path: directory + "/notify.sock")
        let config = try ConfigFile("", in: directory)
        let daemon = try DaemonProcess(
            directory: directory + "/daemon",
            arguments: ["--config", config.path],
            environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"]
        )
        defer { daemon.removeFiles() }
        let ready = notify.receive(until: { $0.contains("READY=1") }, timeout: 10)
        let readyMessage = try #require(ready.last)
        #expect(readyMessage.contains("STATUS=serving, head 1"))
        // A write moves the head; the next heartbeat says so, and the watchdog keeps pinging.
        let client = try daemon.client()
        let reply = try client.call(
            "customer.register",
            try json(#"{"command_id":"n-1","customer_id":"C1","name":"C","currency":"EUR"}"#)
        )
        #expect(reply["result"]?["seq"]?.intValue == 2)
        let beats = notify.receive(until: { $0.contains("STATUS=serving, head 2") }, timeout: 10)
        #expect(beats.last?.contains("STATUS=serving, head 2") == true)
        #expect(
            beats.contains { $0.contains("WATCHDOG=1") }
                || notify.receive(until: { $0.contains("WATCHDOG=1") }, timeout: 5).last != nil
        )
        // A reload is bracketed by RELOADING=1 and READY=1.
        kill(daemon.pid, SIGHUP)
        let reload = notify.receive(until: { $0 == "READY=1" }, timeout: 10)
        #expect(reload.contains("RELOADING=1"))
        #expect(reload.last == "READY=1")
        #expect(daemon.stop() == 0)
        let stopping = notify.receive(until: { $0.contains("STOPPING=1") }, timeout: 10)
        #expect(stopping.last?.contains("STOPPING=1") == true)
    }

    @Test func theDaemonStartedBySystemdSocketActivateServesOnTheInheritedSocket() throws {
        let directory = try makeTemporaryDirectory("accrued-activate")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // systemd-socket-activate listens and starts accrued on the first connection, passing
        // the listening socket as fd 3 with LISTEN_FDS=1 and LISTEN_PID set.
        let daemon = try DaemonProcess(
            directory: directory,
            arguments: ["--log-level", "info"],
            wrapper: ["/usr/bin/systemd-socket-activate", "--listen=\(directory)/accrued.sock"]
        )
        defer { daemon.removeFiles() }
        let client = try daemon.client()
        #expect(try client.call("ledger.head")["result"]?["seq"]?.intValue == 1)
        let reply = try client.call(
            "customer.register",
            try json(#"{"command_id":"a-1","customer_id":"C1","name":"C","currency":"EUR"}"#)
        )
        #expect(reply["result"]?["seq"]?.intValue == 2)
        #expect(daemon.stop() == 0)
        #expect(daemon.stderrText().contains("using the socket passed by systemd"))
        #expect(daemon.stderrText().contains("socket=fd 3 from systemd"))
    }

    @Test func anInheritedSocketThatIsNotAListeningStreamSocketIsRefused() throws {
        let directory = try makeTemporaryDirectory("accrued-dgram")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let activator = Process()
        activator.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-socket-activate")
        activator.arguments = [
            "--datagram", "--listen=\(directory)/dgram.sock",
            DaemonProcess.binDirectory.appendingPathComponent("accrued").path,
            "--data-dir", "\(directory)/data",
        ]
        let errors = Pipe()
        activator.standardError = errors
        try activator.run()
        // systemd-socket-activate starts the daemon on the first datagram.
        var sent: (status: Int32, output: String) = (1, "")
        for _ in 0..<100 where sent.status != 0 {
            usleep(20_000)
            sent = try runProgram(
                "/bin/sh",
                ["-c", "echo hello | socat - UNIX-SENDTO:\(directory)/dgram.sock"]
            )
        }
        activator.waitUntilExit()
        let text = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(),
            as: UTF8.self
        )
        #expect(activator.terminationStatus == 1)
        #expect(text.contains("not a listening Unix stream socket"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/data"))
    }

    /// Runs `make install` with the debug build's binaries and `variables`.
    static func install(_ variables: [String]) throws -> (status: Int32, output: String) {
        try runProgram(
            "/usr/bin/make",
            [
                "-C", repositoryRoot.path, "--no-print-directory", "install",
                "INSTALL_BIN_FROM=\(DaemonProcess.binDirectory.path)",
            ] + variables
        )
    }

    @Test func makeInstallPutsBinariesUnitsSnippetsAndConfigUnderDestdir() throws {
        let root = try makeTemporaryDirectory("accrued-destdir")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let install = try Self.install(["DESTDIR=\(root)", "PREFIX=/usr"])
        try #require(install.status == 0, "make install: \(install.output)")
        for file in ["usr/bin/accrued", "usr/bin/accrue", "usr/libexec/accrued/accrued-backup"] {
            #expect(
                FileManager.default.isExecutableFile(atPath: "\(root)/\(file)"),
                "\(file) not installed"
            )
        }
        for file in [
            "usr/lib/sysusers.d/accrued.conf", "usr/lib/tmpfiles.d/accrued.conf",
            "etc/accrued/accrued.toml", "usr/share/doc/accrued/accrued.toml.example",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: "\(root)/\(file)"),
                "\(file) not installed"
            )
        }
        let unit = try String(
            contentsOfFile: "\(root)/usr/lib/systemd/system/accrued.service",
            encoding: .utf8
        )
        #expect(unit.contains("ExecStart=/usr/bin/accrued --config /etc/accrued/accrued.toml"))
        for placeholder in ["@BINDIR@", "@LIBEXECDIR@", "@SYSCONFDIR@", "@DOCDIR@"] {
            #expect(!unit.contains(placeholder), "\(placeholder) was left unsubstituted")
        }
        // The sysusers.d and tmpfiles.d snippets apply to the installed tree.
        let sysusers = try runProgram(
            "/usr/bin/systemd-sysusers",
            ["--root=\(root)", "\(root)/usr/lib/sysusers.d/accrued.conf"]
        )
        #expect(sysusers.status == 0, "\(sysusers.output)")
        let passwd = try String(contentsOfFile: "\(root)/etc/passwd", encoding: .utf8)
        #expect(passwd.contains("accrued:x:"))
        let tmpfiles = try runProgram(
            "/usr/bin/systemd-tmpfiles",
            ["--root=\(root)", "--create", "\(root)/usr/lib/tmpfiles.d/accrued.conf"]
        )
        #expect(tmpfiles.status == 0, "\(tmpfiles.output)")
        for directory in ["run/accrued", "var/backups/accrued"] {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: "\(root)/\(directory)"
            )
            #expect((attributes[.posixPermissions] as? Int) == 0o750, "\(directory)")
        }
        // The installed configuration is the example, and the installed daemon accepts it.
        let check = try runProgram(
            "\(root)/usr/bin/accrued",
            ["--check-config", "--config", "\(root)/etc/accrued/accrued.toml"]
        )
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func theInstalledUnitsPassSystemdAnalyzeVerify() throws {
        // Installed under a temporary prefix (not DESTDIR), so the paths in the units are the
        // real paths of the installed binaries, which verify checks are executable.
        let stage = try makeTemporaryDirectory("accrued-stage")
        defer { try? FileManager.default.removeItem(atPath: stage) }
        let install = try Self.install(["PREFIX=\(stage)/usr", "SYSCONFDIR=\(stage)/etc"])
        try #require(install.status == 0, "make install: \(install.output)")
        let units = [
            "accrued.service", "accrued.socket", "accrued-backup.service", "accrued-backup.timer",
        ]
        let verify = try runProgram(
            "/usr/bin/systemd-analyze",
            ["verify"] + units.map { "\(stage)/usr/lib/systemd/system/\($0)" }
        )
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.isEmpty, "systemd-analyze verify warned: \(verify.output)")
        // The hardening holds: the exposure stays where the README reports it.
        let security = try runProgram(
            "/usr/bin/systemd-analyze",
            ["security", "--offline=true", "\(stage)/usr/lib/systemd/system/accrued.service"]
        )
        let exposure = security.output.split(separator: "\n")
            .first { $0.contains("Overall exposure level for accrued.service:") }
            .flatMap { $0.split(separator: ":").last?.split(separator: " ").first }
            .flatMap { Double($0) }
        #expect(exposure.map { $0 <= 1.0 } == true, "\(security.output.suffix(400))")
        // A unit that names a missing binary is caught: the check can fail.
        try FileManager.default.removeItem(atPath: "\(stage)/usr/libexec/accrued/accrued-backup")
        let broken = try runProgram(
            "/usr/bin/systemd-analyze",
            ["verify", "\(stage)/usr/lib/systemd/system/accrued-backup.service"]
        )
        #expect(broken.status != 0)
    }
}
