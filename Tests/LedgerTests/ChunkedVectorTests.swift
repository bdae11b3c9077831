import Ledger
import Testing

/// ``ChunkedVector`` against a plain `Array`: contents, order, equality and the independence of
/// copies, across the boundaries of its leaves (8 elements), twigs (256) and branches (8,192).
struct ChunkedVectorTests {
    /// Empty, one element, a full node and one more at each level, and several branches.
    static let sizes = [0, 1, 8, 9, 256, 257, 8_192, 8_193, 20_000]

    @Test(arguments: sizes)
    func appendedElementsReadBackInIndexOrder(count: Int) {
        var vector = ChunkedVector<Int>()
        for value in 0..<count { #expect(vector.append(value * 3) == value) }
        #expect(vector.count == count)
        #expect(vector.isEmpty == (count == 0))
        #expect((0..<count).allSatisfy { vector[$0] == $0 * 3 })
        #expect(
            (0..<count).allSatisfy { index in
                vector.withAddress(of: index) { $0.pointee == index * 3 }
            }
        )
        #expect(Self.contents(vector) == (0..<count).map { $0 * 3 })
    }

    @Test(arguments: [UInt64(1), 7, 42])
    func copiesKeepTheirOwnContentsUnderRandomWrites(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var base = ChunkedVector<Int>()
        var model: [Int] = []
        for _ in 0..<Int.random(in: 8_000...8_400, using: &random) {
            model.append(Int(truncatingIfNeeded: random.next()))
            base.append(model[model.count - 1])
        }
        var versions = [(vector: base, model: model)]
        for _ in 0..<3_000 {
            let version = Int.random(in: 0..<versions.count, using: &random)
            let value = Int(truncatingIfNeeded: random.next())
            let position = Int.random(in: 0..<max(1, versions[version].model.count), using: &random)
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<2:
                versions.append(versions[version])
            case 2..<50:
                #expect(versions[version].vector.append(value) == versions[version].model.count)
                versions[version].model.append(value)
            case 50..<75 where !versions[version].model.isEmpty:
                versions[version].vector[position] = value
                versions[version].model[position] = value
            default:
                guard !versions[version].model.isEmpty else { continue }
                let old = versions[version].vector.update(at: position) { element in
                    defer { element = value }
                    return element
                }
                #expect(old == versions[version].model[position])
                versions[version].model[position] = value
            }
        }
        #expect(versions.count > 10)
        for version in versions {
            #expect(version.vector.count == version.model.count)
            #expect(Self.contents(version.vector) == version.model)
        }
        for lhs in versions.indices.dropLast() {
            let rhs = lhs + 1
            #expect(
                (versions[lhs].vector == versions[rhs].vector)
                    == (versions[lhs].model == versions[rhs].model)
            )
        }
    }

    @Test func aCopyIsEqualUntilEitherIsWritten() {
        var original = ChunkedVector<Int>()
        for value in 0..<1_000 { original.append(value) }
        var copy = original
        #expect(copy == original)
        copy[999] = 999
        #expect(copy == original)
        copy[0] = -1
        #expect(copy != original)
        #expect(original[0] == 0)
    }

    @Test func vectorsBuiltApartAreEqualByContents() {
        var lhs = ChunkedVector<Int>()
        var rhs = ChunkedVector<Int>()
        #expect(lhs == rhs)
        for value in 0..<300 {
            lhs.append(value)
            rhs.append(value)
        }
        #expect(lhs == rhs)
        rhs.append(300)
        #expect(lhs != rhs)
    }

    /// The elements in `forEach` order.
    static func contents(_ vector: ChunkedVector<Int>) -> [Int] {
        var elements: [Int] = []
        vector.forEach { elements.append($0.pointee) }
        return elements
    }
}
