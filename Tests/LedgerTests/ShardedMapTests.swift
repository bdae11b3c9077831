import Ledger
import Testing

/// ``ShardedMap`` against a plain `Dictionary`: lookups, counts, equality and the independence
/// of copies under random inserts, updates and removals, and iteration over every entry.
struct ShardedMapTests {
    /// Enough keys for several entries in many of the 4,096 shards.
    static let keys = (0..<12_000).map { "K-\($0)" }

    @Test(arguments: [UInt64(1), 7, 42])
    func copiesKeepTheirOwnEntriesUnderRandomWrites(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var versions = [(map: ShardedMap<String, Int>(), model: [String: Int]())]
        for _ in 0..<20_000 {
            let version = Int.random(in: 0..<versions.count, using: &random)
            let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)]
            let value = Int.random(in: 0..<1_000, using: &random)
            let present = versions[version].model[key] != nil
            switch Int.random(in: 0..<1_000, using: &random) {
            case 0..<3:
                versions.append(versions[version])
            case 3..<400 where !present:
                versions[version].map.insertNew(key, value)
                versions[version].model[key] = value
            case 400..<600:
                versions[version].map[key] = value
                versions[version].model[key] = value
            case 600..<800:
                versions[version].map[key] = nil
                versions[version].model[key] = nil
            case 800..<900:
                let sum = versions[version].map.update(key, default: 0) { total in
                    total += value
                    return total
                }
                versions[version].model[key, default: 0] += value
                #expect(sum == versions[version].model[key])
            default:
                versions[version].map[key] = value
                versions[version].model[key] = value
            }
        }
        #expect(versions.count > 20)
        for version in versions {
            #expect(version.map.count == version.model.count)
            #expect(Self.keys.allSatisfy { version.map[$0] == version.model[$0] })
            var entries: [String: Int] = [:]
            version.map.forEach { key, value in
                #expect(entries.updateValue(value, forKey: key) == nil)
            }
            #expect(entries == version.model)
        }
        for lhs in versions.indices.dropLast() {
            let rhs = lhs + 1
            #expect(
                (versions[lhs].map == versions[rhs].map)
                    == (versions[lhs].model == versions[rhs].model)
            )
        }
    }

    @Test func mapsBuiltApartAreEqualByEntries() {
        var lhs = ShardedMap<String, Int>()
        var rhs = ShardedMap<String, Int>()
        #expect(lhs == rhs)
        #expect(lhs["K-1"] == nil)
        for (value, key) in Self.keys.enumerated() {
            lhs[key] = value
            rhs.insertNew(key, value)
        }
        #expect(rhs.count == Self.keys.count)
        #expect(lhs == rhs)
        rhs["K-1"] = 0
        #expect(lhs != rhs)
        rhs["K-1"] = nil
        #expect(lhs != rhs)
        #expect(rhs.count == Self.keys.count - 1)
    }
}

/// The shard hash depends on the text's bytes alone, whatever the string's storage.
struct ShardHashTests {
    @Test(arguments: [
        "", "C", "INV-7", "PAY-0000001", "exactly-16-bytes",
        "a much longer id, well past the small-string limit",
    ])
    func equalTextHashesEqually(text: String) {
        let rebuilt = String(decoding: Array(text.utf8), as: UTF8.self)
        let fromSubstring = String(("<" + text + ">").dropFirst().dropLast())
        #expect(rebuilt.shardHash == text.shardHash)
        #expect(fromSubstring.shardHash == text.shardHash)
    }

    @Test func everyByteAndTheLengthCount() {
        let base = Array("INVOICE-00012345-X".utf8)
        var hashes: Set<UInt64> = [String(decoding: base, as: UTF8.self).shardHash]
        for position in base.indices {
            var changed = base
            changed[position] ^= 1
            hashes.insert(String(decoding: changed, as: UTF8.self).shardHash)
        }
        for length in 0..<base.count {
            hashes.insert(String(decoding: base[..<length], as: UTF8.self).shardHash)
        }
        #expect(hashes.count == 2 * base.count + 1)
    }
}
