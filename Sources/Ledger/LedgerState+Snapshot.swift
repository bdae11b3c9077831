extension LedgerState {
    /// The magic bytes that start every snapshot.
    private static let snapshotMagic: [UInt8] = Array("ACRSNAP1".utf8)
    /// The snapshot format version this build writes; 2 added instalments, disputes,
    /// promises, refunds and discount terms; 3 added the dunning book. An older snapshot is a
    /// cache miss (replay).
    package static let snapshotFormatVersion: UInt64 = 3

    /// The state as compact, versioned bytes; ``init(snapshot:)`` restores an equal state.
    ///
    /// Only the entity vectors are stored: the id maps and each customer's index lists are
    /// rebuilt on load, which is cheaper than storing them.
    package func snapshotBytes() -> [UInt8] {
        var writer = SnapshotWriter()
        writer.bytes.reserveCapacity(64 + invoices.count * 96 + payments.count * 64)
        writer.bytes += LedgerState.snapshotMagic
        writer.varint(LedgerState.snapshotFormatVersion)
        writer.varint(head)
        writer.int(headRecordedAtMicros)
        writer.optional(settings.ledgerID) { $0.string($1) }
        writer.string(settings.timeZone)
        let tolerances = settings.writeOffTolerances.sorted { $0.key < $1.key }
        writer.count(tolerances.count)
        for (currency, minorUnits) in tolerances {
            writer.currency(currency)
            writer.int(minorUnits)
        }
        writer.optional(settings.closedThrough) { $0.date($1) }
        writer.count(customers.count)
        customers.forEach { writer.customer($0) }
        writer.count(invoices.count)
        invoices.forEach { writer.invoice($0) }
        writer.count(payments.count)
        payments.forEach { writer.payment($0) }
        writer.count(creditNotes.count)
        creditNotes.forEach { writer.creditNote($0) }
        let book = dunning.snapshotPayload.encoded()
        writer.count(book.count)
        writer.bytes += book
        return writer.bytes
    }

    /// Restores a state from ``snapshotBytes()``.
    /// - Throws: ``SnapshotError`` for foreign, newer or damaged bytes.
    package init(snapshot: UnsafeRawBufferPointer) throws(SnapshotError) {
        var reader = SnapshotReader(bytes: snapshot)
        guard snapshot.count >= 8, snapshot.prefix(8).elementsEqual(LedgerState.snapshotMagic)
        else {
            throw .notASnapshot
        }
        reader.offset = 8
        let version = try reader.varint()
        guard version == LedgerState.snapshotFormatVersion else {
            throw .unsupportedVersion(version)
        }
        self.init()
        head = try reader.varint()
        headRecordedAtMicros = try reader.int()
        settings.ledgerID = try reader.optional { reader throws(SnapshotError) in
            try reader.string()
        }
        settings.timeZone = try reader.string()
        for _ in 0..<(try reader.count()) {
            let currency = try reader.currency()
            settings.writeOffTolerances[currency] = try reader.int()
        }
        settings.closedThrough = try reader.optional { reader throws(SnapshotError) in
            try reader.date()
        }
        try restoreEntities(&reader)
        let bookBytes = try reader.count()
        let start = reader.offset
        reader.offset += bookBytes
        do {
            let value = try PayloadValue.decode(
                UnsafeRawBufferPointer(rebasing: snapshot[start..<reader.offset])
            )
            dunning = try DunningBook(snapshotPayload: value)
        } catch { throw SnapshotError.corrupt(offset: start) }
        guard reader.offset == snapshot.count else { throw reader.corrupt }
    }

    private mutating func restoreEntities(_ reader: inout SnapshotReader) throws(SnapshotError) {
        for _ in 0..<(try reader.count()) {
            let customer = try reader.customer()
            guard customers.appendIfNew(customer) != nil else { throw reader.corrupt }
        }
        let restored = EntityCounts(self)
        for _ in 0..<(try reader.count()) {
            let invoice = try reader.invoice(customers: customers.count)
            guard invoices.appendIfNew(invoice) != nil else { throw reader.corrupt }
        }
        for _ in 0..<(try reader.count()) {
            let payment = try reader.payment(customers: customers.count, invoices: invoices.count)
            guard payments.appendIfNew(payment) != nil else { throw reader.corrupt }
        }
        for _ in 0..<(try reader.count()) {
            let creditNote = try reader.creditNote(
                customers: customers.count,
                invoices: invoices.count
            )
            guard creditNotes.appendIfNew(creditNote) != nil else { throw reader.corrupt }
        }
        fillCustomerLists(after: restored)
    }

    /// Restores a state from snapshot bytes held in an array.
    /// - Throws: ``SnapshotError``.
    package init(snapshot: [UInt8]) throws(SnapshotError) {
        let result = snapshot.withUnsafeBytes { raw in
            Result { () throws(SnapshotError) -> LedgerState in try LedgerState(snapshot: raw) }
        }
        self = try result.get()
    }
}
