import ArgumentParser
import LedgerWire

/// Parsing the compact option values the CLI accepts into the params the daemon expects.
/// Amounts, dates and ids are left as text: the daemon (or `--data-dir` reader) checks them
/// with the same decoder it uses for every client.
enum ValueParsing {
    /// `net:30` or `end_of_month:30` as `{"kind": …, "days": N}`.
    static func terms(_ text: String) throws -> JSONValue {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let days = Int64(parts[1]) else {
            throw ValidationError("terms must look like net:30 or end_of_month:30, not '\(text)'")
        }
        return .object([JSONMember("kind", .string(parts[0])), JSONMember("days", .int(days))])
    }

    /// `KEY=VALUE` split at the first `=`.
    static func pair(_ text: String, what: String) throws -> (String, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("\(what) must look like KEY=VALUE, not '\(text)'")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// `INV-1=500.00` pairs as `[{"invoice_id": …, "amount": …}]`.
    static func allocations(_ texts: [String]) throws -> JSONValue {
        .array(
            try texts.map { text in
                let (invoice, amount) = try pair(text, what: "--allocate")
                return .object([
                    JSONMember("invoice_id", .string(invoice)),
                    JSONMember("amount", .string(amount)),
                ])
            }
        )
    }

    /// `KEY=VALUE` pairs as an object of strings, or `nil` when there are none.
    static func object(_ texts: [String], what: String) throws -> JSONValue? {
        guard !texts.isEmpty else { return nil }
        return .object(
            try texts.map { text in
                let (key, value) = try pair(text, what: what)
                return JSONMember(key, .string(value))
            }
        )
    }
}
