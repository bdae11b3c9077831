/// A JSON-RPC request id: a string, a number (echoed as its exact source text) or null.
package enum RPCID: Hashable, Sendable {
    /// `null`: sent by clients rarely, by the server when the request's id was unreadable.
    case null
    /// A string id.
    case string(String)
    /// A number id, echoed as its source text.
    case number(JSONNumber)

    /// An integer id, as the CLI uses.
    package static func int(_ value: Int64) -> RPCID {
        .number(JSONNumber(value))
    }

    /// The id of a JSON value, or `nil` when the value's type cannot be an id.
    package init?(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .string(let text): self = .string(text)
        case .number(let number): self = .number(number)
        default: return nil
        }
    }

    /// The id as a JSON value.
    package var json: JSONValue {
        switch self {
        case .null: .null
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        }
    }
}
