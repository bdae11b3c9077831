/// A record that carries its own id, which never changes once the record is stored.
package protocol IdentifiedRecord {
    /// The kind of id.
    associatedtype ID: ShardingKey
    /// The record's id.
    var id: ID { get }
}

/// Records by dense position, in the order they were added, found by id through an index that
/// keeps no keys of its own (``PositionShard``) but compares with the records' ids.
///
/// Both halves share structure (``ChunkedVector``, ``ShardTrie``), so a copy is cheap and a
/// write after a copy duplicates only the paths it touches.
package struct RecordStore<Record: IdentifiedRecord> {
    private var records = ChunkedVector<Record>()
    private var index = ShardTrie(empty: PositionShard())

    /// Creates an empty store.
    package init() {}

    /// The number of records.
    package var count: Int { records.count }

    /// Whether there are no records.
    package var isEmpty: Bool { records.isEmpty }

    /// The record at `position`.
    /// - Precondition: `position` is in `0..<count`.
    package subscript(position: Int) -> Record { records[position] }

    /// The position of the record with `id`, or nil.
    package func position(of id: Record.ID) -> Int? {
        position(of: id, hash: id.shardHash)
    }

    private func position(of id: Record.ID, hash: UInt64) -> Int? {
        index.withShard(for: hash) { shard in
            shard.pointee.position(hash: hash) { position in
                records.withAddress(of: position) { $0.pointee.id == id }
            }
        }
    }

    /// Appends a record whose id must be new and returns its position.
    /// - Precondition: no stored record has the same id; a duplicate id is a broken invariant.
    @discardableResult
    package mutating func append(_ record: consuming Record) -> Int {
        let id = record.id
        guard let position = appendIfNew(record) else { preconditionFailure("duplicate id \(id)") }
        return position
    }

    /// Appends a record and returns its position, or returns nil and stores nothing when a
    /// stored record has the same id (a snapshot being restored refuses such a record).
    package mutating func appendIfNew(_ record: consuming Record) -> Int? {
        let hash = record.id.shardHash
        guard position(of: record.id, hash: hash) == nil else { return nil }
        let position = records.append(record)
        index[shardFor: hash].insert(position, hash: hash)
        return position
    }

    /// Mutates the record at `position` in place and returns what `body` returns.
    /// - Precondition: `position` is in `0..<count`, and `body` leaves the id as it was.
    package mutating func update<Result>(
        at position: Int,
        _ body: (inout Record) -> Result
    ) -> Result {
        #if DEBUG
            records.update(at: position) { record in
                let id = record.id
                defer { assert(record.id == id, "a record's id changed; the index would miss it") }
                return body(&record)
            }
        #else
            records.update(at: position, body)
        #endif
    }

    /// Calls `body` with the address of the record at `position`, valid only during the call
    /// (see ``ChunkedVector/forEach(_:)`` for why an address).
    package func withAddress<Result>(
        of position: Int,
        _ body: (UnsafePointer<Record>) throws -> Result
    ) rethrows -> Result {
        try records.withAddress(of: position, body)
    }

    /// Calls `body` with the address of every record in position order, valid only during the
    /// call.
    package func forEach(_ body: (UnsafePointer<Record>) throws -> Void) rethrows {
        try records.forEach(body)
    }
}

extension RecordStore: Equatable where Record: Equatable {
    /// Record-wise equality; the index follows from the records.
    package static func == (lhs: RecordStore, rhs: RecordStore) -> Bool {
        lhs.records == rhs.records
    }
}

extension RecordStore: Sendable where Record: Sendable, Record.ID: Sendable {}

extension CustomerRecord: IdentifiedRecord {}
extension InvoiceRecord: IdentifiedRecord {}
extension PaymentRecord: IdentifiedRecord {}
extension CreditNoteRecord: IdentifiedRecord {}
