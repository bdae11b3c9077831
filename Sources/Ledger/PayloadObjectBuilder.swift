/// Collects the members of a ``PayloadValue`` object in any order and sorts them when done.
///
/// Used for fingerprints and results, which are built once per command; the event codec writes
/// its members in order directly instead. Strings, amounts and dates are kept as they are until
/// the object is wanted: ``encode(into:)`` writes them straight into canonical bytes (a
/// fingerprint, made for every write on the socket), where ``value`` builds the tree.
package struct PayloadObjectBuilder: Sendable {
    /// A member's value as it was added.
    private enum Member: Sendable {
        case value(PayloadValue)
        case string(String)
        case money(Money)
        case date(LedgerDate)

        var payloadValue: PayloadValue {
            switch self {
            case .value(let value): value
            case .string(let text): .string(text)
            case .money(let money): .string(money.decimalText)
            case .date(let date): .string(date.description)
            }
        }

        func encode(into writer: inout PayloadWriter) {
            switch self {
            case .value(let value): value.encode(into: &writer)
            case .string(let text): writer.writeString(text)
            case .money(let money): writer.writeMoney(money)
            case .date(let date): writer.writeDate(date)
            }
        }
    }

    private var members: [(key: String, value: Member)] = []

    /// Creates an empty builder, with room for the members of a typical command or result so
    /// that adding them does not regrow the array (a fingerprint is built for every write).
    package init() {
        members.reserveCapacity(8)
    }

    /// A builder holding the members of `object`.
    /// - Precondition: `object` is an object value.
    package init(membersOf object: PayloadValue) {
        guard case .object(let existing) = object else {
            preconditionFailure("not an object: \(object)")
        }
        self.init()
        for member in existing { members.append((member.key, .value(member.value))) }
    }

    /// Adds a member; a nil value leaves the member out.
    package mutating func add(_ key: String, _ value: PayloadValue?) {
        if let value { members.append((key, .value(value))) }
    }

    /// Adds a string member; nil leaves it out.
    package mutating func add(_ key: String, string: String?) {
        if let string { members.append((key, .string(string))) }
    }

    /// Adds an amount as its decimal string; nil leaves it out.
    package mutating func add(_ key: String, money: Money?) {
        if let money { members.append((key, .money(money))) }
    }

    /// Adds a date as `YYYY-MM-DD`; nil leaves it out.
    package mutating func add(_ key: String, date: LedgerDate?) {
        if let date { members.append((key, .date(date))) }
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
        .object(sorting: members.map { PayloadMember($0.key, $0.value.payloadValue) })
    }

    /// Appends the object's canonical encoding, the bytes of ``value``'s, without building it.
    ///
    /// Members are ordered by the first eight bytes of their keys, as one big-endian word each,
    /// and only keys that share those compare in full: sorting the keys themselves copied and
    /// released them at every comparison, a quarter of a fingerprint's time.
    /// - Precondition: no key was added twice.
    package func encode(into writer: inout PayloadWriter) {
        var order = members.indices.map { (prefix: Self.prefix(of: members[$0].key), index: $0) }
        order.sort { lhs, rhs in
            guard lhs.prefix == rhs.prefix else { return lhs.prefix < rhs.prefix }
            return Self.compare(members[lhs.index].key, members[rhs.index].key) < 0
        }
        writer.writeObjectHeader(count: members.count)
        for (position, entry) in order.enumerated() {
            if position > 0, entry.prefix == order[position - 1].prefix {
                let previous = members[order[position - 1].index].key
                precondition(
                    Self.compare(previous, members[entry.index].key) != 0,
                    "duplicate payload key"
                )
            }
            writer.writeKey(members[entry.index].key)
            members[entry.index].value.encode(into: &writer)
        }
    }

    /// The first eight UTF-8 bytes of `key` as a big-endian word, zero-padded: words order
    /// as the keys do, except between keys that share all eight bytes.
    private static func prefix(of key: String) -> UInt64 {
        withBytes(of: key) { bytes in
            var word: UInt64 = 0
            for index in 0..<min(8, bytes.count) {
                word |= UInt64(bytes[index]) << (56 - 8 * UInt64(index))
            }
            return word
        }
    }

    /// Compares two keys by their UTF-8 bytes: negative, zero or positive.
    private static func compare(_ lhs: String, _ rhs: String) -> Int {
        withBytes(of: lhs) { left in withBytes(of: rhs) { PayloadReader.compare(left, $0) } }
    }

    /// Calls `body` with the UTF-8 bytes of `key`.
    private static func withBytes<Result>(
        of key: String,
        _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        var key = key
        return key.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}
