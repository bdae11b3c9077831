/// An append-only vector with structural sharing: a persistent radix tree of fixed shape, so a
/// write after a copy duplicates only the path to the element it touches.
///
/// The daemon publishes a new state after every commit batch while readers keep older ones, so
/// the first write to a vector after each publish finds all its storage shared. Elements live
/// in leaves of 8; 32 leaves make a twig (256 elements), 32 twigs a branch (8,192), and the
/// root lists the branches. Every node is its own copy-on-write array. A write after a copy
/// therefore copies the root (one reference per 8,192 elements, 31 at 250,000), one branch and
/// one twig (32 references each) and one leaf (8 elements), where a flat array of chunks
/// would copy a reference per chunk. Leaves are small because copying an element retains every
/// reference it holds (an invoice record holds about ten); that is what a write after a publish
/// mostly pays. Reads index four nested arrays; iteration walks the leaves in order and borrows
/// each element in place, at the price of a cache miss per leaf: a walk over every element
/// (a report) is about a fifth slower than over one-level chunks of 64, where a publish every
/// 20 writes costs a quarter as much.
package struct ChunkedVector<Element> {
    private typealias Leaf = [Element]
    private typealias Twig = [Leaf]
    private typealias Branch = [Twig]

    private static var leafShift: Int { 3 }
    private static var fanoutShift: Int { 5 }
    private static var leafCapacity: Int { 1 << leafShift }
    private static var fanout: Int { 1 << fanoutShift }

    private var root: [Branch] = []
    /// The number of elements.
    package private(set) var count = 0

    /// Creates an empty vector.
    package init() {}

    /// Whether the vector has no elements.
    package var isEmpty: Bool { count == 0 }

    /// The position of the element at `index`: its branch, twig, leaf and slot.
    @inline(__always)
    private static func path(_ index: Int) -> (branch: Int, twig: Int, leaf: Int, slot: Int) {
        let leafIndex = index >> leafShift
        return (
            leafIndex >> (2 * fanoutShift),
            (leafIndex >> fanoutShift) & (fanout - 1),
            leafIndex & (fanout - 1),
            index & (leafCapacity - 1)
        )
    }

    /// The element at `index`.
    /// - Precondition: `index` is in `0..<count`.
    package subscript(index: Int) -> Element {
        get {
            let path = Self.path(index)
            return root[path.branch][path.twig][path.leaf][path.slot]
        }
        set {
            let path = Self.path(index)
            root[path.branch][path.twig][path.leaf][path.slot] = newValue
        }
    }

    /// Calls `body` with the address of the element at `index`, valid only during the call
    /// (see ``forEach(_:)`` for why an address).
    /// - Precondition: `index` is in `0..<count`.
    package func withAddress<Result>(
        of index: Int,
        _ body: (UnsafePointer<Element>) throws -> Result
    ) rethrows -> Result {
        let path = Self.path(index)
        return try root[path.branch][path.twig][path.leaf].withUnsafeBufferPointer { leaf in
            precondition(path.slot < leaf.count, "index \(index) out of range")
            return try body(leaf.baseAddress.unsafelyUnwrapped + path.slot)
        }
    }

    /// Mutates the element at `index` in place, copying only the nodes on its path that are
    /// shared.
    /// - Precondition: `index` is in `0..<count`.
    package mutating func update<Result>(at index: Int, _ body: (inout Element) -> Result) -> Result
    {
        let path = Self.path(index)
        return body(&root[path.branch][path.twig][path.leaf][path.slot])
    }

    /// Appends an element and returns its index.
    @discardableResult
    package mutating func append(_ element: consuming Element) -> Int {
        let index = count
        let path = Self.path(index)
        if path.slot == 0 {
            if path.leaf == 0 {
                if path.twig == 0 { root.append(Self.node()) }
                root[path.branch].append(Self.node())
            }
            root[path.branch][path.twig].append(Self.node(capacity: Self.leafCapacity))
        }
        root[path.branch][path.twig][path.leaf].append(element)
        count += 1
        return index
    }

    /// An empty node with room for all its children, so filling it never reallocates.
    private static func node<Child>(capacity: Int = fanout) -> [Child] {
        var node: [Child] = []
        node.reserveCapacity(capacity)
        return node
    }

    /// Calls `body` with the address of every element in index order; the address is valid
    /// only during the call.
    ///
    /// An address rather than a borrowed element: the compiler copies an element that is passed
    /// on from the vector's storage, retaining and releasing every reference it holds, which
    /// costs a cache miss per reference (a report over every invoice spent most of its time
    /// there). Reading members through `pointee` copies only the members read.
    package func forEach(_ body: (UnsafePointer<Element>) throws -> Void) rethrows {
        try forEachLeaf { leaf in
            guard let first = leaf.baseAddress else { return }
            for slot in leaf.indices { try body(first + slot) }
        }
    }

    /// Calls `body` on every leaf's elements in index order.
    private func forEachLeaf(_ body: (UnsafeBufferPointer<Element>) throws -> Void) rethrows {
        for branch in root {
            for twig in branch {
                for leaf in twig { try leaf.withUnsafeBufferPointer(body) }
            }
        }
    }
}

extension ChunkedVector: Equatable where Element: Equatable {
    /// Element-wise equality; nodes that share storage compare in O(1) (`Array`'s identity
    /// check), so two versions compare in time proportional to the nodes they do not share.
    package static func == (lhs: ChunkedVector, rhs: ChunkedVector) -> Bool {
        lhs.count == rhs.count && lhs.root == rhs.root
    }
}

extension ChunkedVector: Sendable where Element: Sendable {}
