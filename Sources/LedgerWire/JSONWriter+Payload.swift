package import Ledger

extension JSONWriter {
    /// Writes a payload value as JSON (for `events.read` and event notifications), members in
    /// their stored order, which is already sorted by key bytes.
    package mutating func payload(_ value: PayloadValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let integer): int(integer)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { payload(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                payload(member.value)
            }
            endObject()
        }
    }
}
