// The dunning part of generated scenarios: a default policy with a fee and interest, a stricter
// one for high-risk customers, overrides now and then, and a run every few days.

extension LedgerScenarioGenerator {
    /// A dunning command, or nil to go on with the usual mix.
    mutating func dunningCommand(_ state: LedgerState) -> Command? {
        if !dunningConfigured {
            if state.dunning.policies.isEmpty {
                return Self.standardPolicy.map(Command.defineDunningPolicy)
            }
            if state.dunning.policies.count == 1 {
                return Self.strictPolicy.map(Command.defineDunningPolicy)
            }
            dunningConfigured = true
            let strict = DunningPolicyID(validated: "STRICT")
            if let assignment = try? DunningAssignment(policyID: strict, target: .riskTier(.high)) {
                return .assignDunningPolicy(assignment)
            }
        }
        let roll = Int.random(in: 0..<100, using: &random)
        if roll < 3 { return .runDunning(RunDunning(asOf: today)) }
        if roll == 3, state.customers.count > 0 {
            let customer = state.customers[
                Int.random(in: 0..<state.customers.count, using: &random)
            ]
            let tiers: [FieldChange<RiskTier>] = [.set(.low), .set(.high), .clear]
            let tier = tiers[Int.random(in: 0..<tiers.count, using: &random)]
            return (try? UpdateCustomer(customerID: customer.id, riskTier: tier)).map(
                Command.updateCustomer
            )
        }
        if roll == 4, state.dunning.defaultPolicy == nil {
            return (try? ConfigureLedger(defaultPolicy: .set(DunningPolicyID(validated: "STD"))))
                .map(Command.configureLedger)
        }
        return nil
    }

    /// Courtesy, reminder with a fee in every generated currency, final with 9 % interest.
    static let standardPolicy: DunningPolicy? = {
        let fees = Set(currencies).compactMap { try? Money(parsing: "5", currency: $0) }
        guard
            let steps = try? [
                DunningStep(offsetDays: -3, channel: "spool", template: "courtesy"),
                DunningStep(offsetDays: 10, channel: "spool", template: "reminder", fees: fees),
                DunningStep(
                    offsetDays: 30,
                    channel: "spool",
                    template: "final",
                    interestRate: DecimalQuantity(parsing: "9")
                ),
            ]
        else { return nil }
        return try? DunningPolicy(
            id: DunningPolicyID(validated: "STD"),
            steps: steps,
            minimumGapDays: 7
        )
    }()

    /// Two steps, close together.
    static let strictPolicy: DunningPolicy? = {
        guard
            let steps = try? [
                DunningStep(offsetDays: 1, channel: "spool", template: "reminder"),
                DunningStep(offsetDays: 5, channel: "spool", template: "final"),
            ]
        else { return nil }
        return try? DunningPolicy(
            id: DunningPolicyID(validated: "STRICT"),
            steps: steps,
            minimumGapDays: 3
        )
    }()
}
