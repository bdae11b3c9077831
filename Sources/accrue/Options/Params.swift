import LedgerWire

/// Request parameters built from command-line options, in the order they are set.
///
/// Assigning `nil` leaves a member out, so optional flags map to optional parameters directly.
struct Params {
    private(set) var members: [JSONMember] = []

    /// Sets, replaces or (with `nil`) removes a member.
    subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append(JSONMember(key, newValue)) }
        }
    }

    /// Sets a string member when `value` is not `nil`.
    mutating func set(_ key: String, _ value: String?) {
        self[key] = value.map(JSONValue.string)
    }

    /// Sets an integer member when `value` is not `nil`.
    mutating func set(_ key: String, _ value: Int?) {
        self[key] = value.map { .int(Int64($0)) }
    }

    /// The parameters as a JSON object.
    var json: JSONValue { .object(members) }
}
