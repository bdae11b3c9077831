/// A JSON-RPC 2.0 error code.
///
/// The code space is open (servers may define their own in -32000…-32099), so this is a struct
/// over the raw integer with the codes accrue uses as named constants.
package struct RPCErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The integer sent on the wire.
    package let rawValue: Int

    /// Creates a code from its wire value.
    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// -32700: the line is not valid JSON.
    package static let parseError = RPCErrorCode(rawValue: -32700)
    /// -32600: the JSON is not a valid request (also: empty batch, over-long line).
    package static let invalidRequest = RPCErrorCode(rawValue: -32600)
    /// -32601: no such method (or not allowed for the caller's role to even see).
    package static let methodNotFound = RPCErrorCode(rawValue: -32601)
    /// -32602: parameters missing, of the wrong type or malformed; `data` names the field.
    package static let invalidParams = RPCErrorCode(rawValue: -32602)
    /// -32603: a server fault, not the caller's.
    package static let internalError = RPCErrorCode(rawValue: -32603)
    /// -32000: the ledger's rules refused the command; `data.reason` says which rule.
    package static let rejected = RPCErrorCode(rawValue: -32000)

    /// The decimal code.
    package var description: String { String(rawValue) }
}
