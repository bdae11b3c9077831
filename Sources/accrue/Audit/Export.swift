import ArgumentParser
import Foundation
import Ledger
import LedgerWire

/// `accrue export`: the log for other tools.
struct Export: ParsableCommand {
    /// What to write.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// Every record as stored, one JSON object a line (`schemas/protocol/event-record.json`).
        case jsonl
        /// A plain-text journal for hledger and ledger-cli.
        case journal
        /// Open items (invoices with an open amount) as CSV.
        case csv
    }

    static let configuration = CommandConfiguration(
        abstract:
            "Export the log as JSON lines, an hledger/ledger-cli journal, or open items as CSV.",
        discussion: """
            jsonl: every record with seq, recorded_at, type, version, command_id, actor, \
            payload, prev_hash and hash, as events.read returns it (a script can recompute the \
            chain with schemas/verify_vectors.py).

            journal: each invoice, payment, allocation, credit note, write-off, void and \
            reversal as a balanced transaction dated on its effective date, with seq and hash in \
            a comment. Accounts: assets:receivable:CUSTOMER (balance = open), \
            liabilities:unapplied:CUSTOMER (balance = −unapplied), income:sales, \
            income:credit-notes, expenses:write-offs, assets:bank. Amounts are exact, per \
            currency (the ISO code is the commodity). Reconcile with:
              hledger -f ar.journal balance assets:receivable liabilities:unapplied

            csv: open items at --as-of (invoice.list, status open).

            Examples:
              accrue export --format jsonl --data-dir /var/lib/accrued > events.jsonl
              accrue export --format journal --data-dir /srv/backup --output ar.journal
              accrue export --format csv --as-of 2025-12-31 > open-items.csv
            """
    )

    @Option(help: "jsonl, journal or csv.") var format: Format = .jsonl
    @Option(
        help: ArgumentHelp("Write here instead of standard output.", valueName: "file"),
        completion: .file()
    )
    var output: String?
    @Option(
        help: ArgumentHelp("Only records through this sequence (jsonl, journal).", valueName: "seq")
    )
    var through: UInt64?
    @OptionGroup var time: TimeOptions
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let session = try LedgerSession(connection)
        let sink = try OutputSink(path: output)
        switch format {
        case .jsonl:
            try session.forEachRecord(through: through) { record in
                sink.write(record.jsonLine + [0x0A])
                return true
            }
        case .journal:
            var journal = JournalWriter(sink: sink)
            let head = try session.call("ledger.head")
            journal.header(
                ledgerID: head["ledger_id"]?.stringValue ?? "",
                through: through,
                head: head
            )
            try session.forEachRecord(through: through) { record in
                journal.write(record)
                return true
            }
        case .csv:
            try exportOpenItems(session, to: sink)
        }
        sink.close()
    }

    private func exportOpenItems(_ session: LedgerSession, to sink: OutputSink) throws {
        var cursor: String?
        var first = true
        repeat {
            var params = Params()
            params.set("status", "open")
            params.set("limit", 1000)
            params.set("after", cursor)
            time.apply(to: &params)
            let page = try session.call("invoice.list", params.json)
            let invoices = page["invoices"]?.objectElements ?? []
            var text = Renderer(format: .csv, style: TerminalStyle(colour: false)).render(
                .array(invoices)
            )
            if !first, let newline = text.firstIndex(of: "\n") {
                text = String(text[text.index(after: newline)...])
            } else if !first {
                text = ""
            }
            if !invoices.isEmpty { sink.write(Array((text + "\n").utf8)) }
            first = first && invoices.isEmpty
            cursor = page["next_cursor"]?.stringValue
        } while cursor != nil
    }
}

/// Standard output or a file, written through a buffer.
final class OutputSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Creates (or truncates) `path`, or uses standard output when `nil`.
    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else {
            throw Failure.usage("cannot write \(path)")
        }
        handle = file
    }

    /// Appends bytes, flushing every 1 MiB.
    func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Appends text.
    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Writes out what is buffered.
    func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes (and closes a file).
    func close() {
        flush()
        if handle !== FileHandle.standardOutput { try? handle.close() }
    }
}
