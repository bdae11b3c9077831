/// Who reminders come from: the creditor's name, sender address and payment instructions.
///
/// Each is free text without control characters, so it can go into a mail header unescaped.
package struct CreditorIdentity: Hashable, Sendable {
    /// The creditor's name, such as `Example GmbH`.
    package var name: String
    /// The sender address, such as `billing@example.com`.
    package var address: String
    /// How to pay, such as `IBAN DE89 3704 0044 0532 0130 00, reference: invoice number`.
    package var paymentInstructions: String

    /// Creates an identity.
    /// - Throws: ``ParameterError`` naming the member that is not acceptable text.
    package init(name: String, address: String, paymentInstructions: String) throws(ParameterError)
    {
        try ParameterError.checkText(name, field: "creditor.name")
        try ParameterError.checkText(address, field: "creditor.address")
        try ParameterError.checkText(paymentInstructions, field: "creditor.payment_instructions")
        self.name = name
        self.address = address
        self.paymentInstructions = paymentInstructions
    }

    /// The canonical payload: `{address, name, payment_instructions}`.
    package var payload: PayloadValue {
        .object([
            PayloadMember("address", .string(address)), PayloadMember("name", .string(name)),
            PayloadMember("payment_instructions", .string(paymentInstructions)),
        ])
    }

    /// Reads an identity from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "creditor")
        do {
            try self.init(
                name: try object.string("name"),
                address: try object.string("address"),
                paymentInstructions: try object.string("payment_instructions")
            )
        } catch { throw PayloadFieldError(field: "creditor") }
    }
}

/// `dunning.configured`, recorded by `ledger.configure`: the default policy and the creditor
/// identity, each when given.
package struct DunningConfigured: Hashable, Sendable {
    /// The new default policy, or a change to none.
    package var defaultPolicy: FieldChange<DunningPolicyID>?
    /// The new creditor identity.
    package var creditor: CreditorIdentity?

    /// Creates the event.
    package init(defaultPolicy: FieldChange<DunningPolicyID>?, creditor: CreditorIdentity?) {
        self.defaultPolicy = defaultPolicy
        self.creditor = creditor
    }

    /// Whether it sets anything.
    package var isEmpty: Bool { defaultPolicy == nil && creditor == nil }

    /// The canonical payload: `{creditor?, default_policy? (null clears)}`.
    package var payload: PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("creditor", creditor?.payload)
        object.add("default_policy", change: defaultPolicy) { .string($0.rawValue) }
        return object.value
    }

    /// Reads the event from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "payload")
        creditor = try object.optional("creditor").map { value throws(PayloadFieldError) in
            try CreditorIdentity(payload: value)
        }
        if object.members.contains(where: { $0.key == "default_policy" }) {
            let id: DunningPolicyID? = try object.optionalIdentifier("default_policy")
            defaultPolicy = id.map { .set($0) } ?? .clear
        } else {
            defaultPolicy = nil
        }
        guard object.members.count == (creditor == nil ? 0 : 1) + (defaultPolicy == nil ? 0 : 1),
            !isEmpty
        else { throw PayloadFieldError(field: "payload") }
    }
}
