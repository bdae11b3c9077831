/// A compact JSON writer that appends UTF-8 straight into a byte array.
///
/// Replies are built with it directly (no intermediate ``JSONValue`` tree), which keeps the
/// server's reply path allocation-light. Commas are inserted automatically: after a value or a
/// closed container the next key or value is preceded by one. The writer does not check that
/// calls nest correctly; well-nested calls always produce valid JSON.
package struct JSONWriter: Sendable {
    /// The output written so far.
    package var bytes: [UInt8]
    /// Whether the next key or value must be preceded by a comma.
    var needsComma = false

    /// Creates a writer, optionally reserving room for the expected output size.
    package init(reservingCapacity capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Discards the output but keeps its storage, to reuse one writer for many replies.
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Opens an object (`{`).
    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes an object (`}`).
    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array (`[`).
    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes an array (`]`).
    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object member's key and colon; the member's value must follow.
    package mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value, escaped.
    package mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Writes an integer value.
    package mutating func int(_ value: Int64) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    /// Writes an integer value.
    package mutating func int(_ value: Int) {
        int(Int64(value))
    }

    /// Writes `true` or `false`.
    package mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
        needsComma = true
    }

    /// Writes `null`.
    package mutating func null() {
        separate()
        appendLiteral("null")
        needsComma = true
    }

    /// Writes a number exactly as its source text.
    package mutating func number(_ value: JSONNumber) {
        separate()
        bytes.append(contentsOf: value.text.utf8)
        needsComma = true
    }

    /// Writes a pre-encoded JSON value verbatim, such as a cached result.
    ///
    /// - Parameter fragment: One complete, valid, compact JSON value; not checked.
    package mutating func raw(_ fragment: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: fragment)
        needsComma = true
    }

    /// Ends the current message with a line feed, as the socket protocol frames messages.
    package mutating func newline() {
        bytes.append(0x0A)
        needsComma = false
    }

    /// Writes a `"key":"value"` member.
    package mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes a `"key":integer` member.
    package mutating func member(_ name: String, _ value: Int64) {
        key(name)
        int(value)
    }

    /// Writes a `"key":true|false` member.
    package mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func appendLiteral(_ literal: StaticString) {
        bytes.append(
            contentsOf: UnsafeBufferPointer(
                start: literal.utf8Start,
                count: literal.utf8CodeUnitCount
            )
        )
    }

    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var position = end
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
        }
    }
}
