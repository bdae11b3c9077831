/// Converts events to and from their stored payload bytes (`schemas/payload-encoding.md`).
///
/// The typed path writes and reads the canonical encoding directly, without a ``PayloadValue``
/// tree, so replay stays far below a microsecond per event; its bytes are exactly the generic
/// encoding of the same payload, which the tests check for every event kind.
package enum EventCodec {
    /// Encodes an event into its type name, schema version and canonical payload bytes.
    /// - Precondition: the event is valid (``LedgerEvent/validationFailure`` is nil); the
    ///   decider only produces valid events, so an invalid one is a bug.
    package static func encode(_ event: LedgerEvent) -> (
        type: String, version: UInt16, payload: [UInt8]
    ) {
        if let field = event.validationFailure {
            preconditionFailure("encoding an invalid \(event.typeName) event: \(field)")
        }
        var writer = PayloadWriter()
        switch event {
        case .ledgerCreated(let ledgerID):
            writer.writeObjectHeader(count: 1)
            writer.writeKey("ledger_id")
            writer.writeString(ledgerID)
        case .ledgerConfigured(let payload): encode(payload, into: &writer)
        case .customerRegistered(let payload): encode(payload, into: &writer)
        case .customerUpdated(let payload): encode(payload, into: &writer)
        case .invoiceIssued(let payload): encode(payload, into: &writer)
        case .invoiceVoided(let payload): encode(payload, into: &writer)
        case .invoiceWrittenOff(let payload): encode(payload, into: &writer)
        case .creditNoteIssued(let payload): encode(payload, into: &writer)
        case .paymentReceived(let payload): encode(payload, into: &writer)
        case .paymentAllocated(let payload): encode(payload, into: &writer)
        case .paymentReversed(let payload): encode(payload, into: &writer)
        case .periodClosed(let payload):
            writer.writeObjectHeader(count: 1)
            writer.writeKey("through")
            writer.writeDate(payload.through)
        case .invoiceDiscountTaken(let payload): encode(payload, into: &writer)
        case .paymentRefunded(let payload): encode(payload, into: &writer)
        case .invoiceDisputed(let payload): encode(payload, into: &writer)
        case .invoiceDisputeResolved(let payload): encode(payload, into: &writer)
        case .invoicePromised(let payload): encode(payload, into: &writer)
        case .dunningConfigured, .dunningPolicyDefined, .dunningPolicyAssigned, .reminderSent,
            .reminderFailed, .dunningCustomerOverridden:
            event.dunningPayload?.encode(into: &writer)
        }
        return (event.typeName, event.schemaVersion, writer.bytes)
    }

    /// Decodes stored payload bytes into a typed event, upcasting older versions, and validates it.
    ///
    /// Inlined, with ``decodeVersion1(_:_:)``, into its few callers: each call level that
    /// returned the event (about 250 bytes) copied it: two fifths of the decoding thread's `memmove`
    /// in a replay.
    /// - Parameters:
    ///   - type: The stored type name's UTF-8 bytes.
    ///   - version: The stored schema version.
    ///   - payload: The payload bytes; only read during the call.
    /// - Returns: The event, in the current version's shape.
    /// - Throws: ``EventDecodingError`` for unknown types or versions, non-canonical bytes, or
    ///   values that break the schema.
    @inline(__always)
    package static func decode(
        type: UnsafeRawBufferPointer,
        version: UInt16,
        payload: UnsafeRawBufferPointer
    ) throws(EventDecodingError) -> LedgerEvent {
        guard version == 1 else {
            // Everything is at version 1; a later version of a type adds its upcast here.
            let name = String(decoding: type, as: UTF8.self)
            guard LedgerEvent.currentVersions[name] != nil else { throw .unknownType(name) }
            throw .unsupportedVersion(type: name, version: version)
        }
        guard let number = typeNumber(type) else {
            throw .unknownType(String(decoding: type, as: UTF8.self))
        }
        guard number < firstDunningTypeNumber else {
            return try decodeDunning(type: String(decoding: type, as: UTF8.self), payload: payload)
        }
        var reader = PayloadReader(payload)
        return try decodeVersion1(number, &reader)
    }

    /// Decodes payload bytes of the type named by a String, like the overload that takes the
    /// name's bytes.
    /// - Throws: ``EventDecodingError``.
    package static func decode(
        type: String,
        version: UInt16,
        payload: UnsafeRawBufferPointer
    ) throws(EventDecodingError) -> LedgerEvent {
        var type = type
        let result = type.withUTF8 { name in
            Result { () throws(EventDecodingError) -> LedgerEvent in
                try decode(type: UnsafeRawBufferPointer(name), version: version, payload: payload)
            }
        }
        return try result.get()
    }

    /// Decodes payload bytes held in an array.
    /// - Throws: ``EventDecodingError``.
    package static func decode(type: String, version: UInt16, payload: [UInt8])
        throws(EventDecodingError)
        -> LedgerEvent
    {
        let result = payload.withUnsafeBytes { raw in
            Result { () throws(EventDecodingError) -> LedgerEvent in
                try decode(type: type, version: version, payload: raw)
            }
        }
        return try result.get()
    }

    /// The event types by name, for a dispatch that compares bytes instead of Unicode strings;
    /// the dunning events come last, from ``firstDunningTypeNumber`` on.
    private static let typeNames: [(StaticString, Int)] = [
        ("invoice.issued", 0), ("payment.received", 1), ("payment.allocated", 2),
        ("customer.registered", 3),
        ("customer.updated", 4), ("invoice.voided", 5), ("invoice.written_off", 6),
        ("credit_note.issued", 7),
        ("payment.reversed", 8), ("period.closed", 9), ("ledger.configured", 10),
        ("ledger.created", 11), ("invoice.discount_taken", 12), ("payment.refunded", 13),
        ("invoice.disputed", 14), ("invoice.dispute_resolved", 15), ("invoice.promised", 16),
        ("dunning.configured", 17), ("dunning.policy_defined", 18),
        ("dunning.policy_assigned", 19), ("reminder.sent", 20), ("reminder.failed", 21),
        ("dunning.customer_overridden", 22),
    ]

    /// The number of the first dunning event in ``typeNames``.
    private static let firstDunningTypeNumber = 17

    /// The position of the type named by `name` in ``typeNames``, or nil for an unknown type.
    private static func typeNumber(_ name: UnsafeRawBufferPointer) -> Int? {
        for (candidate, number) in typeNames where candidate.utf8CodeUnitCount == name.count {
            let equal = candidate.withUTF8Buffer { bytes in
                PayloadReader.equal(UnsafeRawBufferPointer(bytes), name)
            }
            if equal { return number }
        }
        return nil
    }

    /// Decodes a version 1 payload of the type numbered `number` and checks it whole.
    ///
    /// Each payload is checked before it becomes a ``LedgerEvent``: a check on the finished
    /// event would switch on it and copy its payload out again, and events are large.
    @inline(__always)
    private static func decodeVersion1(
        _ number: Int,
        _ reader: inout PayloadReader
    ) throws(EventDecodingError) -> LedgerEvent {
        switch number {
        case 0:
            return .invoiceIssued(
                try decodeChecked(&reader, decodeInvoiceIssued, failure: LedgerEvent.totalsFailure)
            )
        case 1:
            return .paymentReceived(
                try decodeChecked(
                    &reader,
                    decodePaymentReceived,
                    failure: LedgerEvent.receiptFailure
                )
            )
        case 2:
            return .paymentAllocated(
                try decodeChecked(
                    &reader,
                    decodePaymentAllocated,
                    failure: LedgerEvent.allocationsFailure
                )
            )
        case 3: return .customerRegistered(try decodeChecked(&reader, decodeCustomerRegistered))
        case 4:
            return .customerUpdated(
                try decodeChecked(
                    &reader,
                    decodeCustomerUpdated,
                    failure: LedgerEvent.updateFailure
                )
            )
        case 5: return .invoiceVoided(try decodeChecked(&reader, decodeInvoiceVoided))
        case 6:
            return .invoiceWrittenOff(
                try decodeChecked(
                    &reader,
                    decodeInvoiceWrittenOff,
                    failure: { LedgerEvent.amountFailure($0.amount) }
                )
            )
        case 7:
            return .creditNoteIssued(
                try decodeChecked(
                    &reader,
                    decodeCreditNoteIssued,
                    failure: { LedgerEvent.amountFailure($0.amount) }
                )
            )
        case 8: return .paymentReversed(try decodeChecked(&reader, decodePaymentReversed))
        case 9: return .periodClosed(try decodeChecked(&reader, decodePeriodClosed))
        case 10:
            return .ledgerConfigured(
                try decodeChecked(
                    &reader,
                    decodeLedgerConfigured,
                    failure: LedgerEvent.configurationFailure
                )
            )
        case 11: return try decodeChecked(&reader, decodeLedgerCreated)
        case 12:
            return .invoiceDiscountTaken(
                try decodeChecked(
                    &reader,
                    decodeInvoiceDiscountTaken,
                    failure: { LedgerEvent.amountFailure($0.amount) }
                )
            )
        case 13:
            return .paymentRefunded(
                try decodeChecked(
                    &reader,
                    decodePaymentRefunded,
                    failure: { LedgerEvent.amountFailure($0.amount) }
                )
            )
        case 14: return .invoiceDisputed(try decodeChecked(&reader, decodeInvoiceDisputed))
        case 15:
            return .invoiceDisputeResolved(try decodeChecked(&reader, decodeInvoiceDisputeResolved))
        case 16:
            return .invoicePromised(
                try decodeChecked(
                    &reader,
                    decodeInvoicePromised,
                    failure: { LedgerEvent.amountFailure($0.amount) }
                )
            )
        default: preconditionFailure("type number \(number) has no version 1 decoder")
        }
    }

    /// Decodes one payload with `decode` and checks it whole: no bytes may follow it, and then
    /// no rule across its members may be broken (the field readers checked every id, date and
    /// text on their own).
    @inline(__always)
    private static func decodeChecked<Payload>(
        _ reader: inout PayloadReader,
        _ decode: (inout PayloadReader) throws(EventDecodingError) -> Payload,
        failure: (Payload) -> String? = { _ in nil }
    ) throws(EventDecodingError) -> Payload {
        let payload = try decode(&reader)
        do { try reader.expectEnd() } catch { throw .malformedPayload(error) }
        if let field = failure(payload) { throw .invalidField(field) }
        return payload
    }
}
