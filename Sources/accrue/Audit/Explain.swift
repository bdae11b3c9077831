import ArgumentParser
import Ledger
import LedgerWire

/// `accrue explain invoice|customer`: the events that make up each amount.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List the events behind an invoice's or a customer's amounts, to tick every cent.",
        discussion: """
            Reads the log from sequence 1 (on --data-dir or through the daemon), turns each \
            event into the same double-entry postings as `accrue export --format journal`, and \
            lists those on the invoice or customer with sequence, recorded-at, effective date, \
            type, amount and hash, then checks the sum against the ledger's own report at the \
            same time. It also lists each reminder sent for the invoice or customer and why \
            (policy, step, days past due, open amount), and for a customer its risk tier with \
            the formula's inputs and the dunning policy in force: --as-of DATE keeps events effective by then (default: every date), \
            --known-at SEQ|TIME those recorded by then (default: the head). Exit 4 when the sum \
            and the report differ.
            """,
        subcommands: [InvoiceAmounts.self, CustomerAmounts.self]
    )

    /// `explain invoice ID`.
    struct InvoiceAmounts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invoice",
            abstract: "The events behind an invoice's open amount.",
            discussion: """
                Examples:
                  accrue explain invoice INV-1 --data-dir /srv/backups/accrued-2026-11-22
                  accrue explain invoice INV-1 --as-of 2025-12-31 --known-at 2026-01-05T23:59:59Z
                """
        )

        @Argument(help: "The invoice's id.") var invoiceID: String
        @OptionGroup var time: ExplainTime
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard let invoice = InvoiceID(invoiceID) else {
                throw Failure.usage("invalid invoice id")
            }
            let session = try LedgerSession(connection)
            let report = try session.call(
                "invoice.get",
                time.params([JSONMember("invoice_id", .string(invoiceID))])
            )
            let reported = report["open"]?.stringValue
            var book = PostingBook()
            var rows: [JSONValue] = []
            var open: Money?
            var reminders: [JSONValue] = []
            try session.forEachRecord(through: time.sequence(of: report)) { record in
                reminders += ExplainReminders.rows(record, asOf: time.asOf) { _, item in
                    item.invoiceID == invoice
                }
                guard let entry = book.entry(for: record.event), time.includes(entry) else {
                    return true
                }
                let legs = entry.postings.filter { $0.invoice == invoice }
                guard let first = legs.first else { return true }
                let amount = legs.dropFirst().reduce(first.amount) { $0 + $1.amount }
                open = open.map { $0 + amount } ?? amount
                rows.append(
                    ExplainRow.json(record, entry, [("amount", amount), ("open", open ?? amount)])
                )
                return true
            }
            guard let open else {
                throw Failure.report(
                    RPCError.rejected(
                        reason: "unknown_invoice",
                        message: "no invoice \(invoiceID) in the log"
                    )
                )
            }
            output.renderer.print(
                .object([
                    JSONMember("invoice_id", .string(invoiceID)),
                    JSONMember("as_of", report["as_of"] ?? .null),
                    JSONMember("known_at", report["known_at"] ?? .null),
                    JSONMember("currency", .string(open.currency.code)),
                    JSONMember("events", .array(rows)),
                    JSONMember("open", .string(open.decimalText)),
                    JSONMember("reported_open", reported.map(JSONValue.string) ?? .null),
                    JSONMember("matches", .bool(reported == open.decimalText)),
                    JSONMember("reminders", .array(reminders)),
                ])
            )
            if reported != open.decimalText { throw ExitStatus.verifyFault }
        }
    }

    /// `explain customer ID`.
    struct CustomerAmounts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customer",
            abstract: "The events behind a customer's open and unapplied amounts, per currency.",
            discussion: """
                Examples:
                  accrue explain customer ACME --format csv > acme-events.csv
                  accrue explain customer ACME --as-of 2025-12-31 --known-at 1200 --data-dir /srv/backup
                """
        )

        @Argument(help: "The customer's id.") var customerID: String
        @OptionGroup var time: ExplainTime
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard let customer = CustomerID(customerID) else {
                throw Failure.usage("invalid customer id")
            }
            let session = try LedgerSession(connection)
            let report = try session.call(
                "report.balances",
                time.params([JSONMember("customer_id", .string(customerID))])
            )
            var book = PostingBook()
            var rows: [JSONValue] = []
            var sums = CustomerSums()
            var reminders: [JSONValue] = []
            try session.forEachRecord(through: time.sequence(of: report)) { record in
                reminders += ExplainReminders.rows(record, asOf: time.asOf) { reminder, _ in
                    reminder.customerID == customer
                }
                guard let entry = book.entry(for: record.event), time.includes(entry) else {
                    return true
                }
                let open = entry.postings.filter { $0.account == .receivable(customer) }.map(
                    \.amount
                )
                let unapplied = entry.postings.filter { $0.account == .unapplied(customer) }.map {
                    -$0.amount
                }
                guard let currency = (open + unapplied).first?.currency else { return true }
                let openDelta = open.reduce(.zero(currency), +)
                let unappliedDelta = unapplied.reduce(.zero(currency), +)
                sums.add(open: openDelta, unapplied: unappliedDelta)
                rows.append(
                    ExplainRow.json(
                        record,
                        entry,
                        [("open", openDelta), ("unapplied", unappliedDelta)]
                    )
                )
                return true
            }
            let reported = report["rows"]?.objectElements ?? []
            let (totals, matches) = sums.compared(with: reported)
            output.renderer.print(
                .object([
                    JSONMember("customer_id", .string(customerID)),
                    JSONMember("as_of", report["as_of"] ?? .null),
                    JSONMember("known_at", report["known_at"] ?? .null),
                    JSONMember("events", .array(rows)),
                    JSONMember("totals", .array(totals)),
                    JSONMember("matches", .bool(matches)),
                    JSONMember(
                        "dunning",
                        try ExplainReminders.standing(
                            of: customerID,
                            session: session,
                            time: time.time
                        )
                    ),
                    JSONMember("reminders", .array(reminders)),
                ])
            )
            if !matches { throw ExitStatus.verifyFault }
        }
    }
}

/// `--as-of` and `--known-at` for an explanation: by default every date and the head.
struct ExplainTime: ParsableArguments {
    @OptionGroup var time: TimeOptions

    /// The business date: `--as-of`, else the last representable date (every event counts).
    var asOf: LedgerDate {
        time.asOf.flatMap(LedgerDate.init(parsing:)) ?? .latest
    }

    /// The report's params: `members`, then `as_of` and `known_at`.
    func params(_ members: [JSONMember]) -> JSONValue {
        var params = Params()
        for member in members { params[member.key] = member.value }
        time.apply(to: &params)
        params["as_of"] = .string(asOf.description)
        return params.json
    }

    /// The sequence the report resolved `known_at` to (a time becomes a sequence there).
    func sequence(of report: JSONValue) -> UInt64? {
        report["known_at"]?["seq"]?.int64Value.map(UInt64.init)
    }

    /// Whether an entry takes effect by the as-of date.
    func includes(_ entry: JournalEntry) -> Bool {
        entry.date <= asOf
    }
}

/// One explained event as a JSON row: seq, recorded_at, date, type, what happened, the amounts
/// it moved, hash.
enum ExplainRow {
    static func json(_ record: AuditRecord, _ entry: JournalEntry, _ amounts: [(String, Money)])
        -> JSONValue
    {
        var members = [
            JSONMember("seq", .int(Int64(record.sequence))),
            JSONMember("recorded_at", .string(record.recordedAt)),
            JSONMember("date", .string(entry.date.description)),
            JSONMember("type", .string(record.type)),
            JSONMember("description", .string(entry.description)),
        ]
        if let currency = amounts.first?.1.currency {
            members.append(JSONMember("currency", .string(currency.code)))
        }
        members += amounts.map { JSONMember($0.0, .string($0.1.decimalText)) }
        members.append(JSONMember("hash", .string(record.hash)))
        return .object(members)
    }
}

/// A customer's open and unapplied sums per currency, from its postings.
struct CustomerSums {
    private var sums: [Currency: (open: Money, unapplied: Money)] = [:]

    /// Adds one event's amounts.
    mutating func add(open: Money, unapplied: Money) {
        let current = sums[open.currency] ?? (.zero(open.currency), .zero(open.currency))
        sums[open.currency] = (current.open + open, current.unapplied + unapplied)
    }

    /// Totals per currency next to `report.balances` rows, and whether every figure matches.
    func compared(with reported: [JSONValue]) -> ([JSONValue], Bool) {
        var matches = true
        var totals: [JSONValue] = []
        for (currency, sum) in sums.sorted(by: { $0.key < $1.key }) {
            let row = reported.first { $0["currency"]?.stringValue == currency.code }
            let reportedOpen = row?["open"]?.stringValue ?? Money.zero(currency).decimalText
            let reportedUnapplied =
                row?["unapplied"]?.stringValue ?? Money.zero(currency).decimalText
            let same =
                reportedOpen == sum.open.decimalText
                && reportedUnapplied == sum.unapplied.decimalText
            matches = matches && same
            totals.append(
                .object([
                    JSONMember("currency", .string(currency.code)),
                    JSONMember("open", .string(sum.open.decimalText)),
                    JSONMember("unapplied", .string(sum.unapplied.decimalText)),
                    JSONMember("reported_open", .string(reportedOpen)),
                    JSONMember("reported_unapplied", .string(reportedUnapplied)),
                    JSONMember("matches", .bool(same)),
                ])
            )
        }
        return (totals, matches)
    }
}
