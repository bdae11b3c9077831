import ArgumentParser
import Foundation
import LedgerStorage
import LedgerWire

/// `accrue import customers|invoices|payments FILE.csv`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import customers, invoices or payments from a CSV file with a header.",
        discussion: """
            Columns (header names; * required, others optional, in any order):
              customers: customer_id*, name*, email, segment, currency, terms, locale
              invoices:  invoice_id*, customer_id*, currency*, amount*, issue_date*, due_date, terms, po_number
              payments:  payment_id*, customer_id*, currency*, amount*, date*, method, reference, allocations
            terms look like net:30 or end_of_month:30; allocations like INV-1=500.00;INV-2=20.00 \
            (empty: automatic, oldest due first; none: all unapplied). An invoice needs due_date \
            or terms.

            Rows go to the daemon in batches (JSON-RPC arrays). Each row's command_id is \
            derived from the file name and the row's id, so running the same file again adds \
            nothing (those rows come back as duplicates). A bad row is reported on standard \
            error with its line number and reason; the good rows go in. A summary ends the run; \
            the exit code is 1 when any row was refused.

            Examples:
              accrue import customers customers.csv
              accrue import invoices invoices-2026-01.csv --batch-size 500
            """
    )

    @Argument(help: "customers, invoices or payments.") var kind: ImportKind
    @Argument(help: "The CSV file.", completion: .file(extensions: ["csv"])) var file: String
    @Option(name: .customLong("batch-size"), help: "Rows per batch (1…4096).") var batchSize = 200
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (1...4096).contains(batchSize) else {
            throw ValidationError("--batch-size must be 1…4096")
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure.usage("cannot read \(file)")
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(String(decoding: data, as: UTF8.self))
        } catch {
            throw Failure.usage("\(file): \(error)")
        }
        guard let header = records.first else { throw Failure.usage("\(file) is empty") }
        try checkHeader(header.fields)
        let session = try LedgerSession(connection)
        let client = try session.daemon(for: "import")
        var summary = ImportSummary(total: records.count - 1)
        var pending: [PendingRow] = []
        for record in records.dropFirst() {
            switch row(record, header: header.fields) {
            case .success(let row): pending.append(row)
            case .failure(let problem): summary.refuse(line: record.line, problem.message)
            }
            if pending.count == batchSize {
                try send(pending, client, &summary)
                pending = []
            }
        }
        if !pending.isEmpty { try send(pending, client, &summary) }
        Progress.clear()
        print(summary.text(kind: kind))
        if summary.refused > 0 { throw ExitStatus.refused }
    }

    private func checkHeader(_ header: [String]) throws {
        if let unknown = header.first(where: { !kind.columns.contains($0) }) {
            throw Failure.usage(
                "\(file): unknown column '\(unknown)'; \(kind) takes \(kind.columns.joined(separator: ","))"
            )
        }
        if let missing = kind.requiredColumns.first(where: { !header.contains($0) }) {
            throw Failure.usage("\(file): missing column '\(missing)'")
        }
    }

    private func row(_ record: CSVReader.Record, header: [String]) -> Result<PendingRow, RowProblem>
    {
        guard record.fields.count == header.count else {
            return .failure(
                RowProblem("has \(record.fields.count) fields, the header \(header.count)")
            )
        }
        let cells = Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first })
        if let missing = kind.requiredColumns.first(where: { cells[$0, default: ""].isEmpty }) {
            return .failure(RowProblem("missing_field: \(missing) is empty"))
        }
        do {
            var params = try kind.params(cells)
            params["command_id"] = .string(commandID(key: cells[kind.keyColumn] ?? ""))
            return .success(PendingRow(line: record.line, params: params.json))
        } catch let error as ValidationError {
            return .failure(RowProblem("invalid_value: \(error.message)"))
        } catch {
            return .failure(RowProblem("invalid_value: \(error)"))
        }
    }

    /// `import:<file name>:<kind>:<row id>`, or its SHA-256 when that is over 128 bytes.
    private func commandID(key: String) -> String {
        let name = URL(fileURLWithPath: file).lastPathComponent
        let id = "import:\(name):\(kind.rawValue):\(key)"
        return id.utf8.count <= 128 ? id : "import:" + Digest.sha256(Array(id.utf8)).hex
    }

    private func send(_ rows: [PendingRow], _ client: RPCClient, _ summary: inout ImportSummary)
        throws
    {
        var writer = JSONWriter(reservingCapacity: rows.count * 256)
        writer.beginArray()
        for (index, row) in rows.enumerated() {
            writer.request(id: .int(Int64(index)), method: kind.method, params: row.params)
        }
        writer.endArray()
        let responses: [RPCResponse]
        do {
            try client.sendLine(writer.bytes)
            guard let line = try client.nextLine(),
                case .batch(let batch)? = try RPCServerMessage.parse(line)
            else {
                throw Failure.unreachable(CLIError("the daemon did not answer the batch"))
            }
            responses = batch
        } catch let error as RPCClient.ConnectionError {
            throw Failure.unreachable(error)
        }
        for response in responses {
            guard case .number(let number) = response.id, let index = number.int64.map(Int.init),
                rows.indices.contains(index)
            else { continue }
            let line = rows[index].line
            switch response.outcome {
            case .success(let result): summary.accept(duplicate: result["duplicate"] == .bool(true))
            case .failure(let error):
                summary.refuse(line: line, "\(error.reason ?? "error"): \(error.message)")
            }
        }
        Progress.bar(done: summary.processed, total: summary.total, label: "rows")
    }
}

/// A row ready to send.
struct PendingRow {
    var line: Int
    var params: JSONValue
}

/// Why a row was not sent.
struct RowProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The running counts of an import.
struct ImportSummary {
    /// Rows in the file (without the header).
    var total: Int
    /// Rows written now.
    var written = 0
    /// Rows already in the ledger from an earlier run.
    var duplicates = 0
    /// Rows refused, locally or by the ledger.
    var refused = 0

    /// Rows handled so far.
    var processed: Int { written + duplicates + refused }

    /// Counts a row the ledger accepted.
    mutating func accept(duplicate: Bool) {
        if duplicate { duplicates += 1 } else { written += 1 }
    }

    /// Counts a refused row and reports it on standard error.
    mutating func refuse(line: Int, _ reason: String) {
        refused += 1
        Progress.clear()
        printError("line \(line): \(reason)")
    }

    /// The closing summary.
    func text(kind: ImportKind) -> String {
        "\(kind.rawValue): \(total) rows, \(written) imported, \(duplicates) already present, \(refused) refused"
    }
}
