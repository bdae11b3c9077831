/// A report's `known_at` as requested: the head, a sequence number, or a UTC time.
///
/// Turning a time into a sequence needs the log's recorded-at times, so the daemon (or the
/// CLI reading a ledger directory) resolves it, not the decoder.
package enum KnownAt: Hashable, Sendable {
    /// Absent: everything recorded so far.
    case head
    /// `{"seq": N}`: events with sequence N or earlier.
    case sequence(UInt64)
    /// `{"time": "RFC 3339"}`: events recorded at or before this instant.
    case time(micros: Int64, text: String)

    /// Reads an optional `known_at` member.
    ///
    /// - Parameters:
    ///   - params: The params holding it.
    ///   - key: The member's key.
    /// - Returns: `.head` when absent or null.
    /// - Throws: `wrong_type`, `missing_field` (neither `seq` nor `time`), `invalid_value`
    ///   (both), `out_of_range`, `unknown_field`, or `invalid_date` for a malformed time.
    package static func read(_ params: inout ParamReader, key: String = "known_at")
        throws(RPCError) -> KnownAt
    {
        guard var object = try params.optionalObject(key) else { return .head }
        let sequence = try object.optionalInt("seq", in: 1...Int64.max)
        let text = try object.optionalString("time")
        try object.finish()
        switch (sequence, text) {
        case (let sequence?, nil):
            return .sequence(UInt64(sequence))
        case (nil, let text?):
            guard let micros = RFC3339.micros(parsing: text) else {
                throw object.invalid(
                    "time",
                    reason: "invalid_date",
                    message:
                        "\(object.fieldPath("time")) must be an RFC 3339 time such as "
                        + "2026-01-05T12:00:00Z"
                )
            }
            return .time(micros: micros, text: text)
        case (nil, nil):
            throw object.invalid(
                "seq",
                reason: "missing_field",
                message: "\(params.fieldPath(key)) needs seq or time"
            )
        case (_?, _?):
            throw object.invalid(
                "time",
                reason: "invalid_value",
                message: "give \(params.fieldPath(key)).seq or .time, not both"
            )
        }
    }
}
