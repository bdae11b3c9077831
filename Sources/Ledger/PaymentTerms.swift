/// How a due date follows from an issue date (net N days, or end of month plus N days),
/// optionally with an early-payment discount ("2/10 net 30") and a split into instalments.
package struct PaymentTerms: Hashable, Sendable {
    /// What the term's days count from.
    package enum Basis: UInt8, Hashable, Sendable {
        /// Days after the issue date.
        case net = 0
        /// Days after the last day of the issue date's month.
        case endOfMonth = 1
    }

    /// The longest term accepted, in days (ten years).
    package static let maximumDays = 3650

    /// What the days count from.
    package let basis: Basis
    /// The days of the term.
    package let days: Int
    /// The early-payment discount, if any.
    package let discount: EarlyPaymentDiscount?
    /// The split into instalments, if any.
    package let split: InstalmentSplit?

    /// Creates terms from their parts.
    package init(
        basis: Basis,
        days: Int,
        discount: EarlyPaymentDiscount? = nil,
        split: InstalmentSplit? = nil
    ) {
        self.basis = basis
        self.days = days
        self.discount = discount
        self.split = split
    }

    /// Due `days` after the issue date ("net 30").
    package static func net(days: Int) -> PaymentTerms {
        PaymentTerms(basis: .net, days: days)
    }

    /// Due `days` after the last day of the issue date's month ("EOM + 10").
    package static func endOfMonth(plusDays days: Int) -> PaymentTerms {
        PaymentTerms(basis: .endOfMonth, days: days)
    }

    /// Creates terms from their wire kind (`net` or `end_of_month`) and days.
    /// - Throws: `invalid_value` for an unknown kind, days outside 0...3650, or a discount
    ///   window longer than the term.
    package init(
        kind: String,
        days: Int,
        discount: EarlyPaymentDiscount? = nil,
        split: InstalmentSplit? = nil
    ) throws(ParameterError) {
        guard (0...PaymentTerms.maximumDays).contains(days) else {
            throw .invalidValue("terms.days", "terms.days must be 0 to \(PaymentTerms.maximumDays)")
        }
        let basis: Basis
        switch kind {
        case "net": basis = .net
        case "end_of_month": basis = .endOfMonth
        default: throw .invalidValue("terms.kind", "terms.kind must be net or end_of_month")
        }
        if let discount, basis == .net, discount.days > days {
            throw .invalidValue(
                "terms.discount.days",
                "terms.discount.days must not exceed terms.days"
            )
        }
        self.init(basis: basis, days: days, discount: discount, split: split)
    }

    /// The wire kind: `net` or `end_of_month`.
    package var kind: String {
        switch basis {
        case .net: "net"
        case .endOfMonth: "end_of_month"
        }
    }

    /// The due date for an invoice issued on `issueDate` (of the first instalment when split).
    package func dueDate(issuedOn issueDate: LedgerDate) -> LedgerDate {
        switch basis {
        case .net: issueDate.adding(days: days)
        case .endOfMonth: issueDate.endOfMonth.adding(days: days)
        }
    }

    /// The canonical payload form: `{"days": N, "discount"?: …, "instalments"?: …, "kind": …}`.
    package var payload: PayloadValue {
        var members = [PayloadMember("days", .int(Int64(days)))]
        if let discount { members.append(PayloadMember("discount", discount.payload)) }
        if let split { members.append(PayloadMember("instalments", split.payload)) }
        members.append(PayloadMember("kind", .string(kind)))
        return .object(members)
    }
}
