import Ledger
import Testing

/// ``PositionList`` against a sorted array: appends, ordered inserts and removes across chunk
/// splits and emptied chunks, copies that stay independent, and equality and hashing by the
/// positions whatever their chunking.
struct PositionListTests {
    @Test(arguments: [UInt64(5), 17, 2_026])
    func randomWritesOverCopiesMatchASortedArray(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var versions = [(list: PositionList(), model: [Int32]())]
        for _ in 0..<20_000 {
            let version = Int.random(in: 0..<versions.count, using: &random)
            switch Int.random(in: 0..<100, using: &random) {
            case 0:
                versions.append(versions[version])
            case 1..<40:
                let next =
                    (versions[version].model.last ?? -1) + Int32.random(in: 1...3, using: &random)
                versions[version].list.append(next)
                versions[version].model.append(next)
            case 40..<75:
                // Mostly near the front, as reopened old invoices are.
                let position = Int32.random(in: 0..<2_000, using: &random)
                versions[version].list.insert(position)
                if !versions[version].model.contains(position) {
                    versions[version].model.append(position)
                    versions[version].model.sort()
                }
            default:
                // Mostly the oldest, as payments close them.
                let model = versions[version].model
                guard !model.isEmpty else { continue }
                let position =
                    Bool.random(using: &random)
                    ? model[Int.random(in: 0..<min(4, model.count), using: &random)]
                    : Int32.random(in: 0..<2_000, using: &random)
                versions[version].list.remove(position)
                versions[version].model.removeAll { $0 == position }
            }
        }
        for version in versions {
            #expect(Array(version.list) == version.model)
            #expect(version.list.count == version.model.count)
            #expect(version.list.isEmpty == version.model.isEmpty)
        }
    }

    @Test func chunkSplitsAndRemovalsKeepOrder() {
        var list = PositionList()
        for position in stride(from: Int32(0), to: 3_000, by: 2) { list.append(position) }
        for position in stride(from: Int32(1), to: 3_000, by: 2) { list.insert(position) }
        #expect(Array(list) == Array(0..<3_000))
        for position in Int32(0)..<2_990 { list.remove(position) }
        #expect(Array(list) == Array(2_990..<3_000))
        list.remove(5)
        list.insert(2_995)
        #expect(list.count == 10)
    }

    @Test func appendingAListKeepsOrderWhetherThisOneIsEmptyOrNot() {
        var tail = PositionList()
        for position in Int32(600)..<1_300 { tail.append(position) }
        var empty = PositionList()
        empty.append(contentsOf: tail)
        #expect(Array(empty) == Array(600..<1_300))
        #expect(empty.count == 700)
        var head = PositionList()
        for position in Int32(0)..<600 { head.append(position) }
        head.append(contentsOf: tail)
        #expect(Array(head) == Array(0..<1_300))
        #expect(head.count == 1_300)
        empty.append(1_300)
        #expect(Array(tail) == Array(600..<1_300))
    }

    @Test func equalPositionsAreEqualHowEverChunked() {
        var appended = PositionList()
        var inserted = PositionList()
        for position in Int32(0)..<1_200 { appended.append(position) }
        for position in (Int32(0)..<1_200).reversed() { inserted.insert(position) }
        #expect(appended == inserted)
        #expect(appended.hashValue == inserted.hashValue)
        inserted.remove(600)
        #expect(appended != inserted)
    }
}
