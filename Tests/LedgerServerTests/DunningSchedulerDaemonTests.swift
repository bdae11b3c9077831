import Foundation
import LedgerWire
import Testing

/// The interval scheduler and the templates with a real daemon: scheduled runs equal one run,
/// across a restart; file templates, the rendered preview, and a template that does not parse.
@Suite(.serialized)
struct DunningSchedulerDaemonTests {
    /// The (customer, invoice#step) of every `reminder.sent`, sorted.
    static func sentItems(_ client: RPCClient) throws -> [String] {
        let read = try client.call("events.read", json(#"{"from_seq":1,"limit":1000}"#))
        var items: [String] = []
        for record in read["result"]?["events"]?.arrayValue ?? []
        where record["type"]?.stringValue == "reminder.sent" {
            let payload = record["payload"]
            for item in payload?["items"]?.arrayValue ?? [] {
                items.append(
                    "\(payload?["customer_id"]?.stringValue ?? "")/"
                        + "\(item["invoice_id"]?.stringValue ?? "")#\(item["step"]?.intValue ?? 0)"
                )
            }
        }
        return items.sorted()
    }

    /// How many scheduled runs the daemon has logged so far (it runs at `--log-level info`).
    static func scheduledRuns(_ daemon: DaemonProcess) -> Int {
        daemon.stderrText().components(separatedBy: "scheduled dunning run").count - 1
    }

    /// Waits until the daemon has logged `count` scheduled runs in all.
    static func waitForScheduledRuns(_ daemon: DaemonProcess, _ count: Int) -> Bool {
        for _ in 0..<300 {
            if scheduledRuns(daemon) >= count { return true }
            usleep(50_000)
        }
        return false
    }

    @Test func scheduledRunsRecordWhatOneRunRecordsAcrossARestart() throws {
        // The reference: one dunning.run today on the same ledger, without the scheduler.
        let (reference, referenceClient) = try DunningProtocolTests.prepared()
        defer { reference.stop(); reference.removeFiles() }
        let once = try referenceClient.call(
            "dunning.run",
            json(#"{"command_id":"once","as_of":"\#(Self.today())"}"#)
        )
        #expect(once["result"]?["sent"]?.arrayValue?.isEmpty == false, "\(once.text)")
        let expected = try Self.sentItems(referenceClient)

        // The same ledger, then the scheduler every second: several runs, a restart, more runs.
        let (setup, _) = try DunningProtocolTests.prepared()
        defer { setup.removeFiles() }
        setup.stop()
        let arguments = ["--dunning-interval", "1"]
        var daemon = try DaemonProcess(
            directory: setup.directory,
            arguments: arguments,
            logLevel: "info"
        )
        #expect(Self.waitForScheduledRuns(daemon, 3), "\(daemon.stderrText())")
        #expect(try Self.sentItems(daemon.client()) == expected)
        let spooled = DunningProtocolTests.spoolFiles(daemon)
        #expect(spooled.count == 2)
        daemon.stop()
        daemon = try DaemonProcess(
            directory: setup.directory,
            arguments: arguments,
            logLevel: "info"
        )
        defer { daemon.stop() }
        #expect(Self.waitForScheduledRuns(daemon, 2), "\(daemon.stderrText())")
        #expect(try Self.sentItems(daemon.client()) == expected)
        #expect(DunningProtocolTests.spoolFiles(daemon) == spooled)
        // Runs with nothing due submit nothing: no command reaches the writer.
        let writes = try daemon.client().call("system.stats")["result"]?["writes"]
        #expect(Self.waitForScheduledRuns(daemon, Self.scheduledRuns(daemon) + 2))
        #expect(try daemon.client().call("system.stats")["result"]?["writes"] == writes)
    }

    @Test func builtInTemplatesRenderInThePreviewAndAReloadAppliesFileTemplates() throws {
        let workspace = try ChannelWorkspace()
        defer { workspace.remove() }
        let templates = try Self.templatesDirectory(in: workspace)
        try """
        Subject: Zahlungserinnerung {{customer.name}}

        Hallo {{customer.name}} <&>,
        {{#invoices}}
        * {{invoice_id}}: {{open}} {{currency}}{{#fee}} + {{fee}}{{/fee}}
        {{/invoices}}
        {{#creditor}}{{name}}{{/creditor}}
        """.write(toFile: templates + "/reminder.mustache", atomically: true, encoding: .utf8)
        let (daemon, client) = try workspace.prepared(config: "[dunning]\n", arguments: [])
        defer { daemon.stop() }
        func preview() throws -> [JSONValue] {
            let reply = try client.call("dunning.preview", json(#"{"as_of":"2026-02-10"}"#))
            return reply["result"]?["messages"]?.arrayValue ?? []
        }
        let builtIn = try preview().first { $0["customer_id"]?.stringValue == "ACME" }
        #expect(builtIn?["subject"]?.stringValue == "Payment reminder")
        let body = builtIn?["body"]?.stringValue ?? ""
        #expect(body.contains("Dear Acme GmbH,"))
        #expect(
            body.contains(
                "- INV-1: due 2026-01-31, open 100.00 EUR, 10 days overdue, step 2, fee 5.00\n"
            )
        )
        #expect(body.contains("Total open: 100.00 EUR\nFees and interest charged: INV-1-F2\n"))
        #expect(body.contains("IBAN DE89 3704 0044 0532 0130 00"))

        _ = try ConfigFile(
            "[dunning]\ntemplates_directory = \"\(templates)\"\n",
            in: workspace.directory
        )
        kill(daemon.pid, SIGHUP)
        var replaced: JSONValue?
        for _ in 0..<100 where replaced == nil {
            replaced = try preview().first {
                $0["subject"]?.stringValue == "Zahlungserinnerung Acme GmbH"
            }
            if replaced == nil { usleep(50_000) }
        }
        #expect(
            replaced?["body"]?.stringValue
                == "Hallo Acme GmbH <&>,\n* INV-1: 100.00 EUR + 5.00\nExample GmbH"
        )
    }

    @Test func aTemplateThatDoesNotParseIsAConfigurationError() throws {
        let workspace = try ChannelWorkspace()
        defer { workspace.remove() }
        let templates = try Self.templatesDirectory(in: workspace)
        try "Subject: Hi\n\nDear {{customer.name}},\n{{#invoices}}\n- {{invoice_id}}\n"
            .write(toFile: templates + "/final.mustache", atomically: true, encoding: .utf8)
        let config = try ConfigFile(
            "[dunning]\ntemplates_directory = \"\(templates)\"\n",
            in: workspace.directory
        )
        let accrued = DaemonProcess.binDirectory.appendingPathComponent("accrued").path
        let check = try runProgram(accrued, ["--check-config", "--config", config.path])
        #expect(check.status == 78, "\(check.output)")
        #expect(check.output.contains("dunning.templates_directory"), "\(check.output)")
        #expect(check.output.contains("final.mustache: line"), "\(check.output)")
        try "Dear {{customer.name}}\n".write(
            toFile: templates + "/final.mustache",
            atomically: true,
            encoding: .utf8
        )
        let noSubject = try runProgram(accrued, ["--check-config", "--config", config.path])
        #expect(noSubject.status == 78)
        #expect(noSubject.output.contains("the first line must be"), "\(noSubject.output)")
    }

    /// Creates an empty `templates` directory in the workspace and returns its path.
    static func templatesDirectory(in workspace: ChannelWorkspace) throws -> String {
        let templates = workspace.directory + "/templates"
        try FileManager.default.createDirectory(
            atPath: templates,
            withIntermediateDirectories: true
        )
        return templates
    }

    /// Today's date in UTC (the ledger's default time zone), as the daemon's business date.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
