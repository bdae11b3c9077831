/// `dunning.customer_overridden`, recorded by `customer.update` with `dunning_policy` or
/// `risk_tier`: a policy that beats every assignment, and a tier that replaces the computed one.
package struct DunningOverride: Hashable, Sendable {
    /// The customer.
    package var customerID: CustomerID
    /// The policy override set or removed, if changed.
    package var policy: FieldChange<DunningPolicyID>?
    /// The risk tier override set or removed, if changed.
    package var riskTier: FieldChange<RiskTier>?

    /// Creates the event.
    package init(
        customerID: CustomerID,
        policy: FieldChange<DunningPolicyID>?,
        riskTier: FieldChange<RiskTier>?
    ) {
        self.customerID = customerID
        self.policy = policy
        self.riskTier = riskTier
    }

    /// The canonical payload: `{customer_id, dunning_policy?, risk_tier?}`, `null` for a removal.
    package var payload: PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("customer_id", string: customerID.rawValue)
        object.add("dunning_policy", change: policy) { .string($0.rawValue) }
        object.add("risk_tier", change: riskTier) { .string($0.rawValue) }
        return object.value
    }

    /// Reads the event from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "payload")
        customerID = try object.identifier("customer_id")
        let keys = Set(object.members.map(\.key))
        if keys.contains("dunning_policy") {
            let id: DunningPolicyID? = try object.optionalIdentifier("dunning_policy")
            policy = id.map { .set($0) } ?? .clear
        }
        if keys.contains("risk_tier") {
            if let text = try object.optionalString("risk_tier") {
                guard let tier = RiskTier(rawValue: text) else {
                    throw PayloadFieldError(field: "risk_tier")
                }
                riskTier = .set(tier)
            } else {
                riskTier = .clear
            }
        }
        guard keys.count == 1 + (policy == nil ? 0 : 1) + (riskTier == nil ? 0 : 1), keys.count > 1
        else {
            throw PayloadFieldError(field: "payload")
        }
    }
}
