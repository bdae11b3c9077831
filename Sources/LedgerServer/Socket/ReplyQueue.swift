/// A connection's replies in request order: the calls of a line are answered in any order,
/// and a line goes out once it and every line before it are complete.
struct ReplyQueue {
    private struct Line {
        let isBatch: Bool
        /// Each call's reply; nil until answered, and for a notification.
        var parts: [[UInt8]?]
        var outstanding: Int
    }

    /// The lines not yet sent from `head` on; the ones before it went out. A plain array, so
    /// that filling in a reply mutates its line in place: a ring buffer's subscript would copy
    /// the line's replies on every call.
    private var lines: [Line] = []
    private var head = 0
    /// The slot of `lines[0]`.
    private var firstSlot = 0

    /// Whether every line received so far has gone out.
    var isEmpty: Bool { head == lines.count }

    /// Adds a line of `calls` calls after the others and returns its slot.
    mutating func open(calls: Int, isBatch: Bool) -> Int {
        lines.append(
            Line(isBatch: isBatch, parts: Array(repeating: nil, count: calls), outstanding: calls)
        )
        return firstSlot + lines.count - 1
    }

    /// Records the reply to call `index` of the line in `slot`; nil for a notification.
    mutating func answer(slot: Int, index: Int, _ reply: [UInt8]?) {
        lines[slot - firstSlot].parts[index] = reply
        lines[slot - firstSlot].outstanding -= 1
    }

    /// Takes the complete lines at the front, oldest first, and gives `send` the bytes of each
    /// one that has something to write (without the line feed).
    mutating func takeReady(_ send: ([UInt8]) -> Void) {
        while head < lines.count, lines[head].outstanding == 0 {
            let line = Self.join(lines[head])
            lines[head].parts = []
            head += 1
            if let line { send(line) }
        }
        // Drops the sent lines once they are the larger part, so each line moves O(1) times.
        if head * 2 >= lines.count {
            lines.removeFirst(head)
            firstSlot += head
            head = 0
        }
    }

    /// A line's reply: a single call's, or the batch's array of the calls that have one.
    private static func join(_ line: Line) -> [UInt8]? {
        guard line.isBatch else { return line.parts[0] }
        let parts = line.parts.compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        var joined: [UInt8] = [UInt8(ascii: "[")]
        joined.reserveCapacity(parts.reduce(2) { $0 + $1.count + 1 })
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.append(UInt8(ascii: ",")) }
            joined.append(contentsOf: part)
        }
        joined.append(UInt8(ascii: "]"))
        return joined
    }
}
