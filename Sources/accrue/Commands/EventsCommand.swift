import ArgumentParser
import LedgerWire

/// `accrue events tail|follow`.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Read the event log as stored, or follow it live.",
        subcommands: [Tail.self, Follow.self]
    )

    /// `events.read` from a point, or the last records.
    struct Tail: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the newest records (or those from --from on).",
            discussion: """
                JSON output is one record a line, as events.read returns them (payload, \
                prev_hash, hash), so a script can recompute the chain.

                Examples:
                  accrue events tail
                  accrue events tail --from 1 --limit 100 --json --data-dir /srv/backup
                """
        )

        @Option(help: "First sequence number; default: the last --limit records.") var from: Int64?
        @Option(help: "How many records (1…10000).") var limit: Int64 = 20
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let session = try LedgerSession(connection)
            let start: Int64
            if let from {
                start = from
            } else {
                let head = try session.call("ledger.head")["seq"]?.int64Value ?? 0
                start = max(1, head - limit + 1)
            }
            let params = JSONValue.object([
                JSONMember("from_seq", .int(start)), JSONMember("limit", .int(limit)),
            ])
            let records = try session.call("events.read", params)["events"]?.objectElements ?? []
            RecordPrinter(format: output.resolved).print(records)
        }
    }

    /// `events.subscribe`: catch up, then live records until interrupted.
    struct Follow: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print records as they are written (catching up from --from first).",
            discussion: """
                Runs until interrupted or the daemon closes the stream (a slow consumer is \
                disconnected with reason slow_consumer).

                Examples:
                  accrue events follow
                  accrue events follow --from 1 --json | jq .type
                """
        )

        @Option(help: "First sequence number; default: the next record written.") var from: Int64?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let session = try LedgerSession(connection)
            let client = try session.daemon(for: "following the log")
            let start: Int64
            if let from {
                start = from
            } else {
                start = (try session.call("ledger.head")["seq"]?.int64Value ?? 0) + 1
            }
            _ = try session.call("events.subscribe", .object([JSONMember("from_seq", .int(start))]))
            let printer = RecordPrinter(format: output.resolved)
            do {
                while let line = try client.nextLine() {
                    guard
                        case .notification(let method, let params)? = try RPCServerMessage.parse(
                            line
                        )
                    else { continue }
                    if method == "closing" {
                        printError(
                            "the daemon closed the stream: \(params?["reason"]?.stringValue ?? "")"
                        )
                        throw ExitStatus.unreachable
                    }
                    if method == "event", let params { printer.stream(params) }
                }
            } catch let error as RPCClient.ConnectionError {
                throw Failure.unreachable(error)
            }
        }
    }
}

/// Prints stored records: JSON one a line, CSV or table rows with the main fields.
///
/// `tail` prints one batch as an aligned table; `follow` streams, so its table rows are
/// tab-free fixed fields and the header (table or CSV) is printed once.
final class RecordPrinter {
    /// The format.
    let format: OutputFormat
    /// Whether a stream's header was printed.
    private var headerPrinted = false

    /// The columns worth a glance.
    static let columns = ["seq", "recorded_at", "type", "command_id", "hash"]

    /// A printer in `format`.
    init(format: OutputFormat) {
        self.format = format
    }

    /// Prints one batch of `records` (objects in the `events.read` shape).
    func print(_ records: [JSONValue]) {
        switch format {
        case .json:
            records.forEach(printJSON)
        case .table, .csv:
            let summaries = JSONValue.array(records.map(Self.summary))
            Renderer(format: format, style: .standardOutput).print(summaries)
        }
        fflushStandardOutput()
    }

    /// Prints one record of a stream, flushing at once.
    func stream(_ record: JSONValue) {
        switch format {
        case .json:
            printJSON(record)
        case .csv:
            if !headerPrinted { Swift.print(CSV.line(Self.columns)) }
            Swift.print(CSV.line(Self.columns.map { FlatValue(record[$0] ?? .null).text }))
        case .table:
            let style = TerminalStyle.standardOutput
            if !headerPrinted { Swift.print(style.bold(Self.columns.joined(separator: "  "))) }
            Swift.print(
                Self.columns.map { FlatValue(record[$0] ?? .null).text }.joined(separator: "  ")
            )
        }
        headerPrinted = true
        fflushStandardOutput()
    }

    private func printJSON(_ record: JSONValue) {
        Swift.print(String(decoding: JSONWriter.encode(record), as: UTF8.self))
    }

    /// The columns worth a glance: seq, recorded_at, type, command_id, hash.
    static func summary(_ record: JSONValue) -> JSONValue {
        .object(Self.columns.compactMap { key in record[key].map { JSONMember(key, $0) } })
    }
}

extension JSONValue {
    /// The integer when this is an integer number.
    var int64Value: Int64? {
        if case .number(let number) = self { return number.int64 }
        return nil
    }

    /// The text when this is a string.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
