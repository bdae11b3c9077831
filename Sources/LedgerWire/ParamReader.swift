/// Reads typed parameters from a request's params object with precise -32602 errors.
///
/// Each accessor marks its key as read; ``finish()`` then refuses any key nobody read
/// (`unknown_field`), so a misspelt optional parameter is an error instead of being ignored.
/// Errors carry a stable `data.reason` (`missing_field`, `wrong_type`, `unknown_field`,
/// `invalid_amount`, `invalid_date`, `out_of_range`, `too_long`, `empty_string`,
/// `invalid_value`) and the field's full path in `data.field`, such as
/// `allocations[2].amount`. An explicit `null` counts as absent: optional accessors return
/// `nil` and required ones report `missing_field`.
///
/// Nested objects come back as their own readers; call ``finish()`` on each of them too.
package struct ParamReader: Sendable {
    /// The members of the object being read, in source order.
    let members: [JSONMember]
    /// The object's path: empty for the params object itself, else like `allocations[2]`.
    package let path: String
    /// Which of the first 64 members an accessor has read, one bit each (no allocation).
    var consumedMask: UInt64 = 0
    /// Which members from the 65th on an accessor has read; empty for smaller objects.
    var consumedBeyondMask: [Bool]

    /// Creates a reader over a request's params.
    ///
    /// - Parameter params: The request's `params`; absent params read as an empty object.
    /// - Throws: `wrong_type` when the params are an array (accrue's methods take objects).
    package init(_ params: JSONValue?) throws(RPCError) {
        switch params {
        case nil:
            self.init(members: [], path: "")
        case .object(let members)?:
            self.init(members: members, path: "")
        case let other?:
            throw RPCError.invalidParams(
                reason: "wrong_type",
                field: nil,
                message: "params must be an object, not \(other.typeName)"
            )
        }
    }

    init(members: [JSONMember], path: String) {
        self.members = members
        self.path = path
        self.consumedBeyondMask = Array(repeating: false, count: max(0, members.count - 64))
    }

    /// The full path of a member of this object, as reported in `data.field`.
    package func fieldPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// A -32602 error about a member of this object, for checks the caller makes itself (such
    /// as an amount with more decimals than its currency allows).
    ///
    /// - Parameters:
    ///   - key: The member's key; the error's field is its full path.
    ///   - reason: The stable reason.
    ///   - message: What is wrong, for humans.
    /// - Returns: The error, for the caller to throw.
    package func invalid(_ key: String, reason: String, message: String) -> RPCError {
        .invalidParams(reason: reason, field: fieldPath(key), message: message)
    }

    /// The raw value of a member, marking it read; `nil` when absent (an explicit `null` is
    /// returned as ``JSONValue/null``).
    package mutating func value(_ key: String) -> JSONValue? {
        for index in members.indices where members[index].key.hasSameUTF8(as: key) {
            if index < 64 {
                consumedMask |= 1 << UInt64(index)
            } else {
                consumedBeyondMask[index - 64] = true
            }
            return members[index].value
        }
        return nil
    }

    /// Whether the object has a non-null member `key` (does not mark it read).
    package func contains(_ key: String) -> Bool {
        members.contains { member in
            guard member.key.hasSameUTF8(as: key) else { return false }
            if case .null = member.value { return false }
            return true
        }
    }

    /// Refuses the first member no accessor read.
    ///
    /// - Throws: `unknown_field` naming the member's path.
    package func finish() throws(RPCError) {
        let firstUnread: Int?
        if consumedMask != (members.count >= 64 ? UInt64.max : (1 << UInt64(members.count)) - 1) {
            firstUnread = (~consumedMask).trailingZeroBitCount
        } else {
            firstUnread = consumedBeyondMask.firstIndex(of: false).map { $0 + 64 }
        }
        if let index = firstUnread {
            let key = members[index].key
            throw invalid(key, reason: "unknown_field", message: "unknown field \(fieldPath(key))")
        }
    }

    /// The non-null value of an optional member, marking it read.
    mutating func present(_ key: String) -> JSONValue? {
        switch value(key) {
        case nil, .null?: return nil
        case let value?: return value
        }
    }

    /// The non-null value of a required member, marking it read.
    mutating func required(_ key: String) throws(RPCError) -> JSONValue {
        guard let value = present(key) else {
            throw invalid(key, reason: "missing_field", message: "missing field \(fieldPath(key))")
        }
        return value
    }

    func wrongType(_ key: String, expected: String, found: JSONValue) -> RPCError {
        invalid(
            key,
            reason: "wrong_type",
            message: "\(fieldPath(key)) must be \(expected), not \(found.typeName)"
        )
    }
}
