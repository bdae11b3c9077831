import ArgumentParser
import Ledger
import LedgerWire

/// `--as-of DATE --known-at SEQ|TIME`, which every report takes: the business date and the
/// point in the log the report is computed for.
struct TimeOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Business date (YYYY-MM-DD): events effective on or before it. Default: today.",
            valueName: "date"
        )
    )
    var asOf: String?

    @OptionGroup var knownAt: KnownAtOption

    func validate() throws {
        if let asOf, LedgerDate(parsing: asOf) == nil {
            throw ValidationError("--as-of must be a date such as 2026-03-31, not '\(asOf)'")
        }
    }

    /// Adds `as_of` and `known_at` to request parameters.
    func apply(to params: inout Params) {
        params["as_of"] = asOf.map(JSONValue.string)
        knownAt.apply(to: &params)
    }
}

/// `--known-at SEQ|TIME` alone: part of ``TimeOptions``, and by itself for the reports that take
/// a period or a start instead of `--as-of`.
struct KnownAtOption: ParsableArguments {
    @Option(
        name: .customLong("known-at"),
        help: ArgumentHelp(
            "Only events recorded by then: a sequence number or an RFC 3339 UTC time. Default: head.",
            valueName: "seq|time"
        )
    )
    var knownAt: String?

    func validate() throws {
        if let knownAt, Self.value(knownAt) == nil {
            throw ValidationError(
                "--known-at must be a sequence number or an RFC 3339 time such as 2026-01-05T12:00:00Z"
            )
        }
    }

    /// Adds `known_at` as `{"seq": N}` or `{"time": …}` when given.
    func apply(to params: inout Params) {
        params["known_at"] = knownAt.flatMap(Self.value)
    }

    /// `{"seq": N}` for digits, `{"time": text}` for an RFC 3339 time, else `nil`.
    static func value(_ text: String) -> JSONValue? {
        if let sequence = Int64(text), sequence >= 1 {
            return .object([JSONMember("seq", .int(sequence))])
        }
        guard RFC3339.micros(parsing: text) != nil else { return nil }
        return .object([JSONMember("time", .string(text))])
    }
}
