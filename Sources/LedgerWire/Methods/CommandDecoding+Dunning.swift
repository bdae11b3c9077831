internal import Ledger

extension CommandDecoding {
    /// `dunning.define_policy {policy_id, steps: [{offset_days, channel, template, fee?:
    /// {"EUR": "5.00"}, interest_rate?: "8.5"}], minimum_gap_days?}`; the gap defaults to 7 days.
    static func defineDunningPolicy(_ params: inout ParamReader) throws(RPCError) -> Command {
        let policyID: DunningPolicyID = try params.identifier("policy_id")
        let gap = try params.optionalInt("minimum_gap_days", in: 0...365) ?? 7
        var steps: [DunningStep] = []
        for (index, var element) in try params.objects("steps").enumerated() {
            let offset = try element.int("offset_days", in: -3650...3650)
            let channel = try element.string("channel", maxBytes: 64)
            let template = try element.string("template", maxBytes: 64)
            var fees: [Money] = []
            if var object = try element.optionalObject("fee") {
                for member in object.members {
                    guard let currency = Currency(code: member.key) else {
                        throw object.invalid(
                            member.key,
                            reason: "invalid_currency",
                            message:
                                "\(object.fieldPath(member.key)) is not an ISO 4217 currency code"
                        )
                    }
                    fees.append(try object.money(member.key, currency: currency))
                }
                try object.finish()
            }
            let rate = try element.optionalQuantity("interest_rate")
            try element.finish()
            steps.append(
                try params.checking { () throws(ParameterError) in
                    try DunningStep(
                        offsetDays: Int(offset),
                        channel: channel,
                        template: template,
                        fees: fees,
                        interestRate: rate,
                        field: "steps[\(index)]"
                    )
                }
            )
        }
        let policy = try params.checking { () throws(ParameterError) in
            try DunningPolicy(id: policyID, steps: steps, minimumGapDays: Int(gap))
        }
        return .defineDunningPolicy(policy)
    }

    /// `dunning.assign_policy {policy_id | null, customer_id | segment | risk_tier}`: exactly
    /// one target; a `null` policy removes the target's assignment.
    static func assignDunningPolicy(_ params: inout ParamReader) throws(RPCError) -> Command {
        guard let change = try policyChange(&params, "policy_id") else {
            throw params.invalid(
                "policy_id",
                reason: "missing_field",
                message: "policy_id is required"
            )
        }
        let policyID = change.newValue
        var targets: [DunningTarget] = []
        if let customer: CustomerID = try params.optionalIdentifier("customer_id") {
            targets.append(.customer(customer))
        }
        if let segment = try params.optionalString("segment") { targets.append(.segment(segment)) }
        if let tier = try params.optionalString("risk_tier") {
            guard let parsed = RiskTier(rawValue: tier) else {
                throw params.invalid(
                    "risk_tier",
                    reason: "invalid_value",
                    message: "risk_tier must be low, medium or high"
                )
            }
            targets.append(.riskTier(parsed))
        }
        guard targets.count == 1, let target = targets.first else {
            throw params.invalid(
                "customer_id",
                reason: "invalid_value",
                message: "give exactly one of customer_id, segment and risk_tier"
            )
        }
        let assignment = try params.checking { () throws(ParameterError) in
            try DunningAssignment(policyID: policyID, target: target)
        }
        return .assignDunningPolicy(assignment)
    }

    /// `dunning.run {as_of}`; the daemon adds the delivery failures.
    static func runDunning(_ params: inout ParamReader) throws(RPCError) -> Command {
        .runDunning(RunDunning(asOf: try params.date("as_of")))
    }

    /// A policy id that may be set, cleared with `null`, or left out (nil).
    static func policyChange(_ params: inout ParamReader, _ key: String) throws(RPCError)
        -> FieldChange<DunningPolicyID>?
    {
        try change(&params, key) { reader, value throws(RPCError) in
            let text = try reader.checkedString(key, value, maxBytes: nil, allowEmpty: false)
            return try reader.checkedIdentifier(key, text) as DunningPolicyID
        }
    }

    /// The dunning members of `ledger.configure`: `default_policy` (an id, or `null` to clear)
    /// and `creditor {name, address, payment_instructions}`.
    static func dunningSettings(_ params: inout ParamReader) throws(RPCError)
        -> (FieldChange<DunningPolicyID>?, CreditorIdentity?)
    {
        let defaultPolicy = try policyChange(&params, "default_policy")
        var creditor: CreditorIdentity?
        if var object = try params.optionalObject("creditor") {
            let name = try object.string("name")
            let address = try object.string("address")
            let instructions = try object.string("payment_instructions")
            try object.finish()
            creditor = try params.checking { () throws(ParameterError) in
                try CreditorIdentity(
                    name: name,
                    address: address,
                    paymentInstructions: instructions
                )
            }
        }
        return (defaultPolicy, creditor)
    }
}
