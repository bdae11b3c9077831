import Foundation
import LedgerWire
import Testing

/// The `sendmail` channel through Debian's msmtp to a real SMTP server on 127.0.0.1
/// (python3-aiosmtpd) that writes each message it receives to a directory.
@Suite(.serialized)
struct DunningSendmailChannelTests {
    /// An aiosmtpd server on a free port of 127.0.0.1, storing messages as `N.eml`.
    final class SMTPSink {
        let process = Process()
        let port: Int

        static let script = #"""
            import os, socket, sys, threading
            from aiosmtpd.controller import Controller

            class Store:
                async def handle_DATA(self, server, session, envelope):
                    folder = sys.argv[1]
                    name = os.path.join(folder, "%d.eml" % len(os.listdir(folder)))
                    with open(name + ".part", "wb") as handle:
                        handle.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
                        handle.write(envelope.original_content)
                    os.rename(name + ".part", name)
                    return "250 OK"

            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            probe.close()
            controller = Controller(Store(), hostname="127.0.0.1", port=port)
            controller.start()
            with open(sys.argv[2] + ".part", "w") as handle:
                handle.write(str(port))
            os.rename(sys.argv[2] + ".part", sys.argv[2])
            threading.Event().wait()
            """#

        init(storingIn folder: String) throws {
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: true
            )
            // Debian's python3, where python3-aiosmtpd installs, whatever PATH prefers.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            let portFile = folder + ".port"
            process.arguments = ["-c", Self.script, folder, portFile]
            try process.run()
            var port: Int?
            for _ in 0..<200 where port == nil && process.isRunning {
                port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
                if port == nil { usleep(25_000) }
            }
            guard let port else {
                throw DaemonFailure(message: "the SMTP sink did not start (python3-aiosmtpd?)")
            }
            self.port = port
        }

        /// SIGKILL: the test process may ignore SIGTERM, and its children inherit that.
        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func aReminderArrivesAtTheSMTPServerWithItsHeadersAndMessageID() throws {
        let workspace = try ChannelWorkspace()
        defer { workspace.remove() }
        let sink = try SMTPSink(storingIn: workspace.directory + "/inbox")
        let (daemon, client) = try workspace.prepared(
            config: """
                [dunning]
                default_channel = "mail"
                max_attempts = 1

                [channels.mail]
                type = "sendmail"
                command = ["/usr/bin/msmtp", "--host=127.0.0.1", "--port=\(sink.port)", "--auth=off", "--tls=off", "--from=ar@example.com", "-t"]
                from = "ar@example.com"
                timeout_seconds = 20
                """
        )
        defer { daemon.stop() }
        let run = try client.call(
            "dunning.run",
            json(#"{"command_id":"m-1","as_of":"2026-02-10"}"#)
        )
        // ACME has an email address; BETA has none, so its message cannot be sent.
        let sent = run["result"]?["sent"]?.arrayValue ?? []
        #expect(sent.map { $0["customer_id"]?.stringValue } == ["ACME"], "\(run.text)")
        let failed = run["result"]?["failed"]?.arrayValue ?? []
        #expect(failed.first?["error"]?.stringValue == "the customer has no email address")
        let inbox = workspace.files(in: "inbox").filter { $0.name.hasSuffix(".eml") }
        #expect(inbox.count == 1)
        let mail = inbox.first?.text ?? ""
        let messageID = sent.first?["message_id"]?.stringValue ?? "?"
        #expect(mail.contains("X-Envelope-From: ar@example.com\r\n"))
        #expect(mail.contains("Message-ID: \(messageID)\r\n"))
        #expect(mail.contains("Subject: Payment reminder\r\n"))
        #expect(mail.contains("From: \"Example GmbH\" <billing@example.com>\r\n"))
        #expect(mail.contains("To: \"Acme GmbH\" <ap@acme.example>\r\n"))
        #expect(mail.contains("Date: Tue, 10 Feb 2026 00:00:00 +0000\r\n"))
        #expect(mail.contains("- INV-1: due 2026-01-31, open 100.00 EUR, 10 days overdue"))
    }
}
