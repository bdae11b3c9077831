// The dunning events go through the generic payload codec: they are few (one per policy change
// or per customer and run), so a typed fast path would only add code. Their bytes are the same
// canonical encoding as every other payload.

extension LedgerEvent {
    /// The payload of a dunning event; nil for the other events.
    package var dunningPayload: PayloadValue? {
        switch self {
        case .dunningConfigured(let event): event.payload
        case .dunningPolicyDefined(let policy): policy.payload
        case .dunningPolicyAssigned(let assignment): assignment.payload
        case .reminderSent(let reminder), .reminderFailed(let reminder): reminder.payload
        case .dunningCustomerOverridden(let event): event.payload
        default: nil
        }
    }

    /// The first member of a dunning event that breaks its schema, or nil.
    var dunningFailure: String? {
        switch self {
        case .dunningConfigured(let event): return event.isEmpty ? "default_policy" : nil
        case .reminderSent(let reminder):
            return reminder.items.isEmpty || reminder.error != nil ? "items" : nil
        case .reminderFailed(let reminder):
            guard !reminder.items.isEmpty else { return "items" }
            guard let error = reminder.error, TextRules.isValid(error) else { return "error" }
            return nil
        default: return nil
        }
    }
}

extension EventCodec {
    /// Decodes a dunning event through the generic codec, and checks that its bytes were
    /// canonical by re-encoding it.
    static func decodeDunning(type: String, payload: UnsafeRawBufferPointer)
        throws(EventDecodingError) -> LedgerEvent
    {
        let value: PayloadValue
        do { value = try PayloadValue.decode(payload) } catch { throw .malformedPayload(error) }
        let event: LedgerEvent
        do {
            switch type {
            case "dunning.configured":
                event = .dunningConfigured(try DunningConfigured(payload: value))
            case "dunning.policy_defined":
                event = .dunningPolicyDefined(try DunningPolicy(payload: value))
            case "dunning.policy_assigned":
                event = .dunningPolicyAssigned(try DunningAssignment(payload: value))
            case "reminder.sent": event = .reminderSent(try Reminder(payload: value))
            case "reminder.failed": event = .reminderFailed(try Reminder(payload: value))
            case "dunning.customer_overridden":
                event = .dunningCustomerOverridden(try DunningOverride(payload: value))
            default: throw EventDecodingError.unknownType(type)
            }
        } catch let error as PayloadFieldError {
            throw .invalidField(error.field)
        } catch {
            throw .unknownType(type)
        }
        if let field = event.dunningFailure { throw .invalidField(field) }
        guard event.dunningPayload == value else { throw .invalidField("payload") }
        return event
    }
}
