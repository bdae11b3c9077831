/// A dunning ladder: steps in order of their offsets, and the least gap between two reminders
/// for one invoice.
package struct DunningPolicy: Hashable, Sendable {
    /// The policy's id.
    package var id: DunningPolicyID
    /// The steps, offsets strictly increasing; step numbers on the wire count from 1.
    package var steps: [DunningStep]
    /// The fewest days between two reminders for one invoice, so a late first run cannot send
    /// several levels on consecutive days.
    package var minimumGapDays: Int

    /// The most steps a policy may have.
    package static let maximumSteps = 20

    /// Creates a policy.
    /// - Throws: ``ParameterError`` for no steps, too many, offsets that do not increase, or a
    ///   gap outside 0...365 days.
    package init(id: DunningPolicyID, steps: [DunningStep], minimumGapDays: Int)
        throws(ParameterError)
    {
        guard (1...DunningPolicy.maximumSteps).contains(steps.count) else {
            throw .invalidValue("steps", "steps must list 1 to \(DunningPolicy.maximumSteps) steps")
        }
        for index in steps.indices.dropFirst()
        where steps[index - 1].offsetDays >= steps[index].offsetDays {
            throw .invalidValue(
                "steps[\(index)].offset_days",
                "offset_days must increase step by step"
            )
        }
        guard (0...365).contains(minimumGapDays) else {
            throw .invalidValue("minimum_gap_days", "minimum_gap_days must be 0 to 365")
        }
        self.id = id
        self.steps = steps
        self.minimumGapDays = minimumGapDays
    }

    /// The canonical payload, both the command's parameters and the event's payload:
    /// `{minimum_gap_days, policy_id, steps: [...]}`.
    package var payload: PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("minimum_gap_days", .int(Int64(minimumGapDays)))
        object.add("policy_id", string: id.rawValue)
        object.add("steps", .array(steps.map(\.payload)))
        return object.value
    }

    /// Reads a policy from its ``payload``.
    /// - Throws: ``PayloadFieldError`` naming the bad member.
    package init(payload: PayloadValue) throws(PayloadFieldError) {
        let object = try PayloadObjectView(payload, field: "payload")
        var steps: [DunningStep] = []
        for element in try object.array("steps") { steps.append(try DunningStep(payload: element)) }
        let gap = try object.int("minimum_gap_days")
        guard (0...365).contains(gap) else { throw PayloadFieldError(field: "minimum_gap_days") }
        do {
            try self.init(
                id: try object.identifier("policy_id"),
                steps: steps,
                minimumGapDays: Int(gap)
            )
        } catch { throw PayloadFieldError(field: "steps") }
    }
}
