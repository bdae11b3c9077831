/// Collects the members of a ``PayloadValue`` object in any order and sorts them when done.
///
/// Used for fingerprints and results, which are built once per command; the event codec writes
/// its members in order directly instead.
package struct PayloadObjectBuilder: Sendable {
    private var members: [PayloadMember] = []

    /// Creates an empty builder, with room for the members of a typical command or result so
    /// that adding them does not regrow the array (a fingerprint is built for every write).
    package init() {
        members.reserveCapacity(8)
    }

    /// Adds a member; a nil value leaves the member out.
    package mutating func add(_ key: String, _ value: PayloadValue?) {
        if let value { members.append(PayloadMember(key, value)) }
    }

    /// Adds a string member; nil leaves it out.
    package mutating func add(_ key: String, string: String?) {
        add(key, string.map(PayloadValue.string))
    }

    /// Adds an amount as its decimal string; nil leaves it out.
    package mutating func add(_ key: String, money: Money?) {
        add(key, money.map { .string($0.decimalText) })
    }

    /// Adds a date as `YYYY-MM-DD`; nil leaves it out.
    package mutating func add(_ key: String, date: LedgerDate?) {
        add(key, date.map { .string($0.description) })
    }

    /// Adds a field change: the value, or `null` for a clear; nil leaves it out.
    package mutating func add<Value>(
        _ key: String,
        change: FieldChange<Value>?,
        render: (Value) -> PayloadValue
    ) {
        guard let change else { return }
        add(key, change.newValue.map(render) ?? .null)
    }

    /// The object, members sorted by key.
    package var value: PayloadValue {
        .object(sorting: members)
    }
}
