/// Hands numbered chunks of work from worker threads to one consumer, in order, through a
/// bounded ring of slots.
///
/// Workers claim the lowest unclaimed chunk, produce it without holding the lock, and park it
/// in its slot; they never run more than `slotCount` chunks ahead of the consumer, so memory
/// stays bounded however slow the consumer is. The consumer takes chunk 0, 1, 2, … in turn and
/// produces a chunk itself when no worker has claimed it yet, so it never waits for a worker
/// that does not exist. Stopping (the consumer finished, failed, or was told to stop) wakes and
/// releases every worker.
final class ChunkPipeline<Value: Sendable>: @unchecked Sendable {
    // Invariant: every stored property below is read and written only inside `lock.locked`.
    private let lock = ConditionLock()
    private let chunkCount: Int
    private var slots: [ScannedChunk<Value>?]
    private var nextClaim = 0
    private var consumed = 0
    private var stopped = false

    /// A pipeline over chunks `0..<chunkCount` with `slotCount` chunks in flight at most.
    init(chunkCount: Int, slotCount: Int) {
        self.chunkCount = chunkCount
        slots = Array(repeating: nil, count: max(1, slotCount))
    }

    /// A worker's loop: claims and produces chunks until there are none left or the pipeline
    /// stops.
    func work(_ produce: (Int) -> ScannedChunk<Value>) {
        while let index = claimForWorker() {
            let chunk = produce(index)
            lock.locked {
                slots[index % slots.count] = chunk
                lock.broadcast()
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
        body: (ScannedRecord<Value>) throws -> Bool
    ) rethrows -> VerificationFault? {
        defer { stop() }
        for index in 0..<chunkCount {
            let chunk = takeForConsumer(index) ?? produce(index)
            for record in chunk.records {
                guard try body(record) else { return nil }
            }
            if let fault = chunk.fault { return fault }
        }
        return nil
    }

    /// Claims the next chunk for a worker once its slot is free; nil when done or stopped.
    private func claimForWorker() -> Int? {
        lock.locked {
            while !stopped, nextClaim < chunkCount, nextClaim >= consumed + slots.count {
                lock.wait()
            }
            guard !stopped, nextClaim < chunkCount else { return nil }
            nextClaim += 1
            return nextClaim - 1
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
