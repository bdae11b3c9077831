import Ledger
import LedgerWire

/// Writes events as a plain-text journal that hledger and ledger-cli both read: one balanced
/// transaction per money-moving event, dated on its effective date, with its sequence and hash
/// as a comment so each transaction points back to its record.
struct JournalWriter {
    private let sink: OutputSink
    private var book = PostingBook()

    /// A writer onto `sink`.
    init(sink: OutputSink) {
        self.sink = sink
    }

    /// The comment block that opens the journal.
    func header(ledgerID: String, through: UInt64?, head: JSONValue) {
        sink.write("; accrue journal export of ledger \(ledgerID)\n")
        let sequence = through.map(String.init) ?? (head["seq"]?.int64Value).map(String.init) ?? "?"
        sink.write("; through seq \(sequence); head \(head["hash"]?.stringValue ?? "")\n")
        sink.write(
            "; assets:receivable:C = open, liabilities:unapplied:C = -unapplied, per currency\n\n"
        )
    }

    /// Writes the transaction of `record`, if it moves money.
    mutating func write(_ record: AuditRecord) {
        guard let entry = book.entry(for: record.event), !entry.postings.isEmpty else { return }
        var text =
            "\(entry.date) \(Self.clean(entry.description))  ; seq:\(record.sequence), hash:\(record.hash)\n"
        let width = max(40, (entry.postings.map(\.account.name.count).max() ?? 0) + 2)
        for posting in entry.postings {
            let name = posting.account.name
            text += "    " + name + String(repeating: " ", count: width - name.count + 2)
            text += posting.amount.decimalText + " " + posting.amount.currency.code
            if let invoice = posting.invoice {
                text += "  ; invoice:\(Self.clean(invoice.rawValue))"
            }
            text += "\n"
        }
        sink.write(text + "\n")
    }

    /// Text safe on one journal line: no line breaks, no `;` (which starts a comment).
    static func clean(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == ";" ? " " : $0 })
    }
}
