/// Hands numbered chunks of work from worker threads to one consumer, in order, through a
/// bounded ring of slots.
///
/// Workers claim the lowest unclaimed chunk, produce it without holding the lock, and park it
/// in its slot; they never run more than `slotCount` chunks ahead of the consumer, so memory
/// stays bounded however slow the consumer is. The consumer takes chunk 0, 1, 2, … in turn and
/// produces a chunk itself when no worker has claimed it yet, so it never waits for a worker
/// that does not exist. Stopping (the consumer finished, failed, or was told to stop) wakes and
/// releases every worker.
///
/// The consumer hands each chunk it has finished back, and a worker frees it: freeing a chunk of
/// decoded events (their strings and arrays) took about a twentieth of the consumer's time in a
/// replay, where the consumer is the thread everything waits for.
final class ChunkPipeline<Value: Sendable>: @unchecked Sendable {
    // Invariant: every stored property below is read and written only inside `lock.locked`.
    private let lock = ConditionLock()
    private let chunkCount: Int
    private var slots: [ScannedChunk<Value>?]
    private var nextClaim = 0
    /// Chunks the consumer has finished, for a worker to free.
    private var retired: [ScannedChunk<Value>] = []
    private var consumed = 0
    private var stopped = false

    /// A pipeline over chunks `0..<chunkCount` with `slotCount` chunks in flight at most.
    init(chunkCount: Int, slotCount: Int) {
        self.chunkCount = chunkCount
        slots = Array(repeating: nil, count: max(1, slotCount))
    }

    /// A worker's loop: frees retired chunks and claims and produces chunks until there are
    /// none left or the pipeline stops.
    func work(_ produce: (Int) -> ScannedChunk<Value>) {
        while true {
            switch nextTaskForWorker() {
            case .produce(let index):
                let chunk = produce(index)
                lock.locked {
                    slots[index % slots.count] = chunk
                    lock.broadcast()
                }
            case .free(let chunks):
                // The chunks die here, outside the lock.
                _ = consume chunks
            case .finish:
                return
            }
        }
    }

    /// The consumer's loop: hands every record of chunk 0, 1, 2, … to `body` in order until
    /// `body` returns `false`, a chunk ends with a fault, or the chunks run out; then stops the
    /// workers.
    ///
    /// - Returns: the fault that ended a chunk, if any.
    func consume(
        produce: (Int) -> ScannedChunk<Value>,
        body: (inout ScannedRecord<Value>) throws -> Bool
    ) rethrows -> VerificationFault? {
        defer { stop() }
        for index in 0..<chunkCount {
            var chunk = takeForConsumer(index) ?? produce(index)
            defer { retire(chunk) }
            let bodyStopped = try chunk.records.withUnsafeMutableBufferPointer { records in
                try Self.visit(records, body)
            }
            if bodyStopped { return nil }
            if let fault = chunk.fault { return fault }
        }
        return nil
    }

    /// Hands every record of `records` to `body` in order; returns whether `body` stopped.
    ///
    /// Each record is lent in place (`inout`: the chunk is the consumer's alone). A record passed
    /// by value was moved out of the chunk and back, and `body` copied the event again to pass it
    /// on, since a borrow from memory the compiler cannot prove unaliased is copied: three copies
    /// of a 257-byte record, about 7% of the replaying thread. Through `inout` the compiler knows
    /// the access is exclusive and passes the event on by address.
    private static func visit(
        _ records: UnsafeMutableBufferPointer<ScannedRecord<Value>>,
        _ body: (inout ScannedRecord<Value>) throws -> Bool
    ) rethrows -> Bool {
        for position in records.indices where try !body(&records[position]) {
            return true
        }
        return false
    }

    /// What a worker does next.
    private enum WorkerTask {
        /// Produce chunk `index`.
        case produce(Int)
        /// Free chunks the consumer has finished.
        case free([ScannedChunk<Value>])
        /// Stop: no chunk is left to claim, or the pipeline stopped.
        case finish
    }

    /// Waits until retired chunks await freeing, the next chunk's slot is free, or the work is
    /// over.
    private func nextTaskForWorker() -> WorkerTask {
        lock.locked {
            while true {
                if !retired.isEmpty {
                    defer { retired = [] }
                    return .free(retired)
                }
                guard !stopped, nextClaim < chunkCount else { return .finish }
                if nextClaim < consumed + slots.count {
                    nextClaim += 1
                    return .produce(nextClaim - 1)
                }
                lock.wait()
            }
        }
    }

    /// Hands a finished chunk to the workers to free. When as many chunks as there are slots
    /// already wait (no worker is collecting: none started, or all have finished), the chunk is
    /// left for the consumer to free, so retired chunks never pile up.
    private func retire(_ chunk: ScannedChunk<Value>) {
        lock.locked {
            guard retired.count < slots.count else { return }
            retired.append(chunk)
            lock.broadcast()
        }
    }

    /// Waits for chunk `index` and takes it from its slot; or claims it and returns nil when no
    /// worker has, so the consumer produces it itself.
    private func takeForConsumer(_ index: Int) -> ScannedChunk<Value>? {
        lock.locked {
            defer {
                consumed = index + 1
                lock.broadcast()
            }
            if nextClaim == index {
                nextClaim += 1
                return nil
            }
            let slot = index % slots.count
            while slots[slot] == nil { lock.wait() }
            let chunk = slots[slot]
            slots[slot] = nil
            return chunk
        }
    }

    private func stop() {
        lock.locked {
            stopped = true
            lock.broadcast()
        }
    }
}
