/// A position in a list's stable order (registration or issue order), for cursor pagination.
///
/// On the wire it is an opaque decimal token; positions never move because entities are never
/// removed, so a cursor stays valid while the ledger grows.
package struct ListCursor: Hashable, Sendable {
    /// The index of the next entity to consider.
    package let position: Int

    /// Creates a cursor at `position`.
    package init(position: Int) {
        self.position = position
    }

    /// Parses a token; nil if it is not a cursor.
    package init?(token: String) {
        guard token.utf8.count <= 12, let position = Int(token), position >= 0,
            String(position) == token
        else {
            return nil
        }
        self.position = position
    }

    /// The opaque token.
    package var token: String { String(position) }
}

/// One page of a list and the cursor to the next, nil on the last page.
package struct ListPage<Item: Hashable & Sendable>: Hashable, Sendable {
    /// The items in stable order.
    package let items: [Item]
    /// Where the next page starts, nil if there is none.
    package let next: ListCursor?

    /// Creates a page.
    package init(items: [Item], next: ListCursor?) {
        self.items = items
        self.next = next
    }

    /// The largest page size accepted.
    package static var maximumLimit: Int { 1000 }
}
