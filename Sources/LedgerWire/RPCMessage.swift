/// One line received on the socket, classified as a single call or a batch.
///
/// Parse errors, non-request values and an empty batch become a single invalid call with
/// `id: null`, so the server's only job is to answer each ``RPCCall`` in order.
package enum RPCMessage: Hashable, Sendable {
    /// A line holding one request object (or something that is not a valid request).
    case single(RPCCall)
    /// A line holding a non-empty JSON array; one call per element, in order.
    case batch([RPCCall])

    /// Parses and classifies one line (without its line feed).
    ///
    /// - Parameters:
    ///   - line: The line's UTF-8 bytes.
    ///   - maxDepth: The deepest JSON nesting accepted.
    /// - Returns: The calls to answer.
    package static func parse(
        _ line: UnsafeBufferPointer<UInt8>,
        maxDepth: Int = JSONParser.defaultMaxDepth
    ) -> RPCMessage {
        do {
            return classify(try JSONParser.parse(line, maxDepth: maxDepth))
        } catch {
            return .single(.invalid(id: .null, error: .parseError(error)))
        }
    }

    /// Parses and classifies one line held in an array.
    package static func parse(
        _ line: [UInt8],
        maxDepth: Int = JSONParser.defaultMaxDepth
    ) -> RPCMessage {
        line.withUnsafeBufferPointer { parse($0, maxDepth: maxDepth) }
    }

    /// Parses and classifies one line held in an array slice.
    package static func parse(
        _ line: ArraySlice<UInt8>,
        maxDepth: Int = JSONParser.defaultMaxDepth
    ) -> RPCMessage {
        line.withUnsafeBufferPointer { parse($0, maxDepth: maxDepth) }
    }

    /// Classifies an already parsed message.
    package static func classify(_ value: JSONValue) -> RPCMessage {
        guard case .array(let elements) = value else {
            return .single(RPCRequest.validate(value))
        }
        guard !elements.isEmpty else {
            let error = RPCError.invalidRequest("empty batch", reason: "empty_batch")
            return .single(.invalid(id: .null, error: error))
        }
        return .batch(elements.map(RPCRequest.validate))
    }

    /// The calls of the message in order.
    package var calls: [RPCCall] {
        switch self {
        case .single(let call): [call]
        case .batch(let calls): calls
        }
    }

    /// Whether any reply is due: `false` only when every call is a valid notification, in
    /// which case nothing at all is written back (not even an empty array).
    package var expectsReply: Bool {
        calls.contains { $0.expectsReply }
    }
}
