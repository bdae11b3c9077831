/// Splits a byte stream into lines (LF, or CRLF) with a maximum line length.
///
/// Feed it whatever the socket delivers with ``append(_:)-(UnsafeRawBufferPointer)`` and take
/// complete lines with ``next()``. A line longer than the limit is reported as
/// ``Outcome/tooLong`` as soon as the limit is passed, without buffering the rest of it; the
/// server answers -32600 and closes, while a tolerant reader can keep calling ``next()``, which
/// skips to the line feed ending the over-long line. It does no I/O, so the daemon and the
/// CLI's blocking client share it.
package struct LineFramer: Sendable {
    /// The protocol's line limit: 1 MiB, line feed and carriage return not counted.
    package static let defaultMaxLineBytes = 1 << 20

    /// What ``next()`` found.
    package enum Outcome: Hashable, Sendable {
        /// A complete line without its LF or CRLF terminator.
        case line([UInt8])
        /// A line over the limit; its bytes were dropped.
        case tooLong
    }

    /// The longest line accepted, in bytes, without its terminator.
    package let maxLineBytes: Int
    var buffer: [UInt8] = []
    /// Offset of the first byte not yet returned.
    var start = 0
    /// Offset up to which the pending bytes are known to hold no line feed.
    var scanned = 0
    /// Whether the pending bytes belong to an over-long line already reported.
    var discarding = false

    /// Creates a framer.
    ///
    /// - Parameter maxLineBytes: The longest line accepted, terminator not counted.
    package init(maxLineBytes: Int = defaultMaxLineBytes) {
        precondition(maxLineBytes > 0, "line limit must be positive")
        self.maxLineBytes = maxLineBytes
    }

    /// The number of bytes received but not yet returned as (part of) a line.
    package var pendingByteCount: Int { buffer.count - start }

    /// Adds received bytes.
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes.
    package mutating func append(_ bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next complete line, ``Outcome/tooLong`` once per over-long line, or `nil`
    /// when more bytes are needed.
    package mutating func next() -> Outcome? {
        while true {
            guard let lineFeed = findLineFeed() else {
                guard !discarding, buffer.count - start > maxLineBytes + 1 else { return nil }
                // Over the limit even if the next byte is the LF after a CR: drop what we have.
                discarding = true
                dropPending()
                return .tooLong
            }
            let lineStart = start
            start = lineFeed + 1
            scanned = start
            if discarding {
                discarding = false
                continue
            }
            var lineEnd = lineFeed
            if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard lineEnd - lineStart <= maxLineBytes else { return .tooLong }
            return .line(Array(buffer[lineStart..<lineEnd]))
        }
    }

    /// Returns the unterminated last line at the end of the stream, if any, and clears the
    /// framer; a final CR is dropped as in a CRLF.
    package mutating func finish() -> Outcome? {
        defer {
            dropPending()
            discarding = false
        }
        guard !discarding, start < buffer.count else { return nil }
        var end = buffer.count
        if buffer[end - 1] == 0x0D { end -= 1 }
        guard end - start <= maxLineBytes else { return .tooLong }
        return .line(Array(buffer[start..<end]))
    }

    mutating func findLineFeed() -> Int? {
        let end = buffer.count
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            var position = scanned
            while position < end {
                if bytes[position] == 0x0A { return position }
                position += 1
            }
            return nil
        }
        if found == nil {
            scanned = end
            if discarding { dropPending() }
        }
        return found
    }

    mutating func dropPending() {
        buffer.removeAll(keepingCapacity: buffer.capacity <= 2 * maxLineBytes)
        start = 0
        scanned = 0
    }

    /// Moves pending bytes to the front once the consumed prefix dominates the buffer.
    mutating func compact() {
        if start == buffer.count {
            if start > 0 { dropPending() }
        } else if start > 4096, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
    }
}
