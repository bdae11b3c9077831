/// What a connected peer may do, from its credentials.
package enum Role: String, Sendable, Comparable, CaseIterable {
    /// Reports, reads and subscriptions.
    case reader
    /// Everything a reader may, plus the write methods.
    case writer
    /// Everything, including `ledger.configure`, `dunning.run` and backups.
    case admin

    private var rank: Int {
        switch self {
        case .reader: 0
        case .writer: 1
        case .admin: 2
        }
    }

    /// Whether `lhs` grants less than `rhs`.
    package static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
