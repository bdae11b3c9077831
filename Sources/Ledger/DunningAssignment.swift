/// Whom a policy is assigned to by `dunning.assign_policy`.
package enum DunningTarget: Hashable, Sendable {
    /// One customer.
    case customer(CustomerID)
    /// Every customer in a reporting segment.
    case segment(String)
    /// Every customer whose computed risk tier is this one.
    case riskTier(RiskTier)

    /// The payload member naming the target.
    package var member: PayloadMember {
        switch self {
        case .customer(let id): PayloadMember("customer_id", .string(id.rawValue))
        case .segment(let segment): PayloadMember("segment", .string(segment))
        case .riskTier(let tier): PayloadMember("risk_tier", .string(tier.rawValue))
        }
    }
}

/// `dunning.assign_policy` and its event `dunning.policy_assigned`: a policy for a customer, a
/// segment or a risk tier; no policy removes the assignment.
package struct DunningAssignment: Hashable, Sendable {
    /// The policy; nil clears the target's assignment.
    package var policyID: DunningPolicyID?
    /// Whom it applies to.
    package var target: DunningTarget

    /// Creates an assignment.
    /// - Throws: ``ParameterError`` for a segment that is not acceptable text.
    package init(policyID: DunningPolicyID?, target: DunningTarget) throws(ParameterError) {
        if case .segment(let segment) = target {
            try ParameterError.checkText(segment, field: "segment")
        }
        self.policyID = policyID
        self.target = target
    }

    /// The canonical payload: `{policy_id (or null), customer_id | segment | risk_tier}`.
    package var payload: PayloadValue {
        .object(sorting: [
            PayloadMember("policy_id", policyID.map { .string($0.rawValue) } ?? .null),
            target.member,
        ])
    }

    /// Reads an assignment from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "payload")
        guard object.members.count == 2 else { throw PayloadFieldError(field: "payload") }
        let policyID: DunningPolicyID? = try object.optionalIdentifier("policy_id")
        let target: DunningTarget
        if let customer: CustomerID = try object.optionalIdentifier("customer_id") {
            target = .customer(customer)
        } else if let segment = try object.optionalString("segment") {
            target = .segment(segment)
        } else if let tier = try object.optionalString("risk_tier") {
            guard let parsed = RiskTier(rawValue: tier) else {
                throw PayloadFieldError(field: "risk_tier")
            }
            target = .riskTier(parsed)
        } else {
            throw PayloadFieldError(field: "customer_id")
        }
        do { try self.init(policyID: policyID, target: target) } catch {
            throw PayloadFieldError(field: "segment")
        }
    }
}
