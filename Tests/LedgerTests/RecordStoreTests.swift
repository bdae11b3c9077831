import Ledger
import Testing

/// ``RecordStore`` against a plain array and dictionary: positions by id, unknown and duplicate
/// ids, updates in place, iteration order, equality and the independence of copies under random
/// writes.
struct RecordStoreTests {
    /// A record with an id of its own, as the ledger's records have.
    struct Tagged: IdentifiedRecord, Equatable {
        let id: String
        var value: Int
    }

    /// Enough ids for several records in many of the 4,096 index shards.
    static let ids = (0..<12_000).map { "R-\($0)" }

    @Test(arguments: [UInt64(3), 11, 99])
    func copiesKeepTheirOwnRecordsUnderRandomWrites(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var versions = [(store: RecordStore<Tagged>(), model: [Tagged]())]
        for _ in 0..<16_000 {
            let version = Int.random(in: 0..<versions.count, using: &random)
            let value = Int.random(in: 0..<1_000, using: &random)
            switch Int.random(in: 0..<1_000, using: &random) {
            case 0..<3:
                versions.append(versions[version])
            case 3..<700:
                let id = Self.ids[Int.random(in: 0..<Self.ids.count, using: &random)]
                let stored = versions[version].store.position(of: id)
                let position = versions[version].store.appendIfNew(Tagged(id: id, value: value))
                guard stored == nil else {
                    // A duplicate id is refused and stores nothing (the counts are checked below).
                    #expect(position == nil)
                    continue
                }
                #expect(position == versions[version].model.count)
                versions[version].model.append(Tagged(id: id, value: value))
            default:
                guard !versions[version].model.isEmpty else { continue }
                let position = Int.random(
                    in: 0..<versions[version].model.count,
                    using: &random
                )
                let old = versions[version].store.update(at: position) { record in
                    defer { record.value = value }
                    return record.value
                }
                #expect(old == versions[version].model[position].value)
                versions[version].model[position].value = value
            }
        }
        #expect(versions.count > 20)
        for version in versions {
            let positions = Dictionary(
                uniqueKeysWithValues: version.model.enumerated().map { ($1.id, $0) }
            )
            #expect(version.store.count == version.model.count)
            #expect(Self.ids.allSatisfy { version.store.position(of: $0) == positions[$0] })
            #expect(version.store.position(of: "unknown") == nil)
            var seen: [Tagged] = []
            version.store.forEach { seen.append($0.pointee) }
            #expect(seen == version.model)
            #expect(version.model.indices.allSatisfy { version.store[$0] == version.model[$0] })
        }
        for lhs in versions.indices.dropLast() {
            let rhs = lhs + 1
            #expect(
                (versions[lhs].store == versions[rhs].store)
                    == (versions[lhs].model == versions[rhs].model)
            )
        }
    }
    /// The writer's pattern: a copy is kept (published) after every few appends, so most
    /// inserts find their shard's table shared and go to its short list of recent positions,
    /// which fills and merges into a table of the shard's own, which grows. Every copy keeps
    /// exactly the records it had, and the last finds all of its own. About 24 records a shard.
    @Test func publishedCopiesKeepTheirIndexWhileTheStoreGrows() {
        var store = RecordStore<Tagged>()
        var published: [(store: RecordStore<Tagged>, count: Int)] = []
        var random = SplitMix64(seed: 5)
        let ids = (0..<100_000).map { "P-\($0)" }
        for (position, id) in ids.enumerated() {
            #expect(store.appendIfNew(Tagged(id: id, value: position)) == position)
            // Each id is refused a second time, from the table or from the recent list.
            #expect(store.appendIfNew(Tagged(id: id, value: -1)) == nil)
            if Int.random(in: 0..<50, using: &random) == 0 {
                published.append((store, store.count))
            }
        }
        #expect(published.count > 1_000)
        #expect(ids.indices.allSatisfy { store.position(of: ids[$0]) == $0 })
        for (copy, count) in published.filter({ _ in Int.random(in: 0..<40, using: &random) == 0 })
        {
            #expect(copy.count == count)
            #expect(
                ids.indices.allSatisfy { copy.position(of: ids[$0]) == ($0 < count ? $0 : nil) }
            )
        }
    }
}
