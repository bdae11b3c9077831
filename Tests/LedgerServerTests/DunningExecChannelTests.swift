import Foundation
import LedgerWire
import Testing

/// The `exec` channel with a real daemon and real shell scripts: the JSON on stdin, exit
/// statuses, retries with backoff, and timeouts.
@Suite(.serialized)
struct DunningExecChannelTests {
    static func config(_ command: [String], timeout: Int = 10, dunning: String = "") -> String {
        let quoted = command.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            [dunning]
            default_channel = "hook"
            \(dunning)

            [channels.hook]
            type = "exec"
            command = [\(quoted)]
            timeout_seconds = \(timeout)
            """
    }

    @Test func theCommandReadsTheReminderAsJSONThatMatchesItsSchema() throws {
        let workspace = try ChannelWorkspace()
        defer { workspace.remove() }
        let hook = try workspace.script("hook.sh", #"cat > "$1/$2-$$.json""#)
        let (daemon, client) = try workspace.prepared(
            config: Self.config([hook, workspace.directory + "/out", "reminder"])
        )
        defer { daemon.stop() }
        try FileManager.default.createDirectory(
            atPath: workspace.directory + "/out",
            withIntermediateDirectories: true
        )
        let run = try client.call(
            "dunning.run",
            json(#"{"command_id":"e-1","as_of":"2026-02-10"}"#)
        )
        let sent = run["result"]?["sent"]?.arrayValue ?? []
        #expect(sent.count == 2, "\(run.text)")
        let files = workspace.files(in: "out")
        #expect(files.count == 2)
        let failure = try SchemaValidator.validate(
            files.map { $0.text.trimmingCharacters(in: .newlines) },
            against: "channels/exec-reminder.schema.json"
        )
        #expect(failure == nil, "\(failure ?? "")")
        let reminders = try files.map { try json($0.text) }
        let acme = reminders.first { $0["customer"]?["id"]?.stringValue == "ACME" }
        #expect(acme?["message_id"] == sent.first?["message_id"])
        #expect(acme?["customer"]?["name"]?.stringValue == "Acme GmbH")
        #expect(acme?["creditor"]?["address"]?.stringValue == "billing@example.com")
        #expect(acme?["invoices"]?[0]?["invoice_id"]?.stringValue == "INV-1")
        #expect(acme?["invoices"]?[0]?["fee"]?.stringValue == "5.00")
        #expect(acme?["totals"]?[0]?["open"]?.stringValue == "100.00")
        #expect(acme?["subject"]?.stringValue == "Payment reminder")
        #expect(acme?["body"]?.stringValue?.contains("Dear Acme GmbH,") == true)
    }

    @Test func aFailingCommandIsRetriedWithBackoffThenRecordedAsFailedWithItsStderr() throws {
        let workspace = try ChannelWorkspace()
        defer { workspace.remove() }
        let hook = try workspace.script(
            "hook.sh",
            #"echo "attempt" >> "$1/attempts"; echo "relay refused the message" >&2; exit 1"#
        )
        let (daemon, client) = try workspace.prepared(
            config: Self.config(
                [hook, workspace.directory],
                dunning: "max_attempts = 2\nretry_backoff_seconds = 1"
            )
        )
        defer { daemon.stop() }
        let first = try client.call(
            "dunning.run",
            json(#"{"command_id":"f-1","as_of":"2026-02-10"}"#)
        )
        let pending = first["result"]?["pending"]?.arrayValue ?? []
        #expect(pending.count == 2, "\(first.text)")
        #expect(pending.first?["attempts"]?.intValue == 1)
        #expect(pending.first?["error"]?.stringValue?.contains("relay refused") == true)
        #expect(first["result"]?["failed"]?.arrayValue?.isEmpty == true)
        // Within the backoff nothing is tried: still one attempt per customer.
        let waiting = try client.call(
            "dunning.run",
            json(#"{"command_id":"f-2","as_of":"2026-02-10"}"#)
        )
        #expect(waiting["result"]?["pending"]?.arrayValue?.count == 2)
        let failed = try runDunningUntil(client, asOf: "2026-02-10") {
            !($0["failed"]?.arrayValue ?? []).isEmpty
        }
        let reasons = (failed?["failed"]?.arrayValue ?? []).compactMap { $0["error"]?.stringValue }
        #expect(reasons.count == 2)
        #expect(reasons.allSatisfy { $0 == "hook.sh exited with 1: relay refused the message" })
        let attempts = try String(
            contentsOfFile: workspace.directory + "/attempts",
            encoding: .utf8
        )
        #expect(attempts.split(separator: "\n").count == 4)
        let events = try client.call("events.read", json(#"{"from_seq":1,"limit":100}"#))
        let types = (events["result"]?["events"]?.arrayValue ?? []).compactMap {
            $0["type"]?.stringValue
        }
        #expect(types.filter { $0 == "reminder.failed" }.count == 2)
        #expect(!types.contains("reminder.sent"))
    }

    @Test func aCommandThatOverrunsItsTimeoutIsKilledWithItsChildren() throws {
        let workspace = try ChannelWorkspace()
        defer { workspace.remove() }
        let hook = try workspace.script(
            "hook.sh",
            #"sleep 60 & echo $! >> "$1/children"; wait"#
        )
        let (daemon, client) = try workspace.prepared(
            config: Self.config(
                [hook, workspace.directory],
                timeout: 1,
                dunning: "max_attempts = 1"
            )
        )
        defer { daemon.stop() }
        let started = ContinuousClock.now
        let run = try client.call(
            "dunning.run",
            json(#"{"command_id":"t-1","as_of":"2026-02-10"}"#)
        )
        #expect(ContinuousClock.now - started < .seconds(10))
        let failed = run["result"]?["failed"]?.arrayValue ?? []
        #expect(failed.count == 2, "\(run.text)")
        #expect(
            failed.allSatisfy {
                $0["error"]?.stringValue == "hook.sh timed out after 1 s and was killed"
            }
        )
        let children = try String(
            contentsOfFile: workspace.directory + "/children",
            encoding: .utf8
        )
        .split(separator: "\n").compactMap { Int32($0) }
        #expect(children.count == 2)
        for child in children { #expect(Self.isGone(child), "sleep \(child) still runs") }
        #expect(try client.call("ledger.head")["result"] != nil)
    }

    /// Whether `pid` has exited (a zombie waiting for init counts as gone).
    static func isGone(_ pid: Int32) -> Bool {
        for _ in 0..<50 {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if stat.isEmpty || stat.contains(") Z ") { return true }
            usleep(20_000)
        }
        return false
    }
}

extension JSONValue {
    /// An array's element, nil when out of range or not an array.
    subscript(index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
