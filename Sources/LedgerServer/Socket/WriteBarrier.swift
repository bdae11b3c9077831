/// Read-your-writes on one connection: a read waits until every write sent before it on the
/// connection has been answered, while later writes keep pipelining past it.
///
/// Writes are numbered as they are sent; a parked read remembers the newest number before it
/// and runs once no write up to that number is still in flight.
struct WriteBarrier {
    private var nextSerial = 0
    /// The serials of the writes in flight, oldest first.
    private var inFlight: [Int] = []
    /// Reads waiting for writes, in the order they arrived, with the newest serial before each.
    private var parked: [(after: Int, run: () -> Void)] = []

    /// Numbers a write about to be sent; pass the number to ``end(_:)`` when it is answered.
    mutating func begin() -> Int {
        defer { nextSerial += 1 }
        inFlight.append(nextSerial)
        return nextSerial
    }

    /// Marks the write `serial` answered and returns the parked reads that may run now, in
    /// order.
    mutating func end(_ serial: Int) -> [() -> Void] {
        if let position = inFlight.firstIndex(of: serial) { inFlight.remove(at: position) }
        let oldest = inFlight.first ?? nextSerial
        let ready = parked.prefix { $0.after < oldest }
        parked.removeFirst(ready.count)
        return ready.map(\.run)
    }

    /// Parks `read` until the writes sent before it have been answered; false, parking
    /// nothing, when none is in flight, so the caller runs it now.
    mutating func park(_ read: @escaping () -> Void) -> Bool {
        guard !inFlight.isEmpty else { return false }
        parked.append((nextSerial - 1, read))
        return true
    }
}
