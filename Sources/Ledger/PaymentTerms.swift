/// How a due date follows from an issue date: net N days, or end of month plus N days.
package enum PaymentTerms: Hashable, Sendable {
    /// Due `days` after the issue date ("net 30").
    case net(days: Int)
    /// Due `days` after the last day of the issue date's month ("EOM + 10").
    case endOfMonth(plusDays: Int)

    /// The longest term accepted, in days (ten years).
    package static let maximumDays = 3650

    /// Creates terms from their wire kind (`net` or `end_of_month`) and days.
    /// - Throws: `invalid_value` for an unknown kind or days outside 0...3650.
    package init(kind: String, days: Int) throws(ParameterError) {
        guard (0...PaymentTerms.maximumDays).contains(days) else {
            throw .invalidValue("terms.days", "terms.days must be 0 to \(PaymentTerms.maximumDays)")
        }
        switch kind {
        case "net": self = .net(days: days)
        case "end_of_month": self = .endOfMonth(plusDays: days)
        default: throw .invalidValue("terms.kind", "terms.kind must be net or end_of_month")
        }
    }

    /// The wire kind: `net` or `end_of_month`.
    package var kind: String {
        switch self {
        case .net: "net"
        case .endOfMonth: "end_of_month"
        }
    }

    /// The days of the term.
    package var days: Int {
        switch self {
        case .net(let days), .endOfMonth(let days): days
        }
    }

    /// The due date for an invoice issued on `issueDate`.
    package func dueDate(issuedOn issueDate: LedgerDate) -> LedgerDate {
        switch self {
        case .net(let days): issueDate.adding(days: days)
        case .endOfMonth(let days): issueDate.endOfMonth.adding(days: days)
        }
    }

    /// The canonical payload form: `{"days": N, "kind": "net"}`.
    package var payload: PayloadValue {
        .object([PayloadMember("days", .int(Int64(days))), PayloadMember("kind", .string(kind))])
    }
}
