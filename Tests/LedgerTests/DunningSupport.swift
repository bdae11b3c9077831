import Ledger

// Literal helpers for the dunning commands.

/// A step: `offset` days from the due date through the spool channel.
func step(
    _ offset: Int,
    _ template: String = "reminder",
    fee: Money? = nil,
    interest: String? = nil
)
    -> DunningStep
{
    must {
        try DunningStep(
            offsetDays: offset,
            channel: "spool",
            template: template,
            fees: fee.map { [$0] } ?? [],
            interestRate: interest.map(decimal)
        )
    }
}

func definePolicy(_ id: String, gap: Int = 7, _ steps: [DunningStep]) -> Command {
    .defineDunningPolicy(
        must {
            try DunningPolicy(id: DunningPolicyID(validated: id), steps: steps, minimumGapDays: gap)
        }
    )
}

func assignPolicy(_ id: String?, to target: DunningTarget) -> Command {
    .assignDunningPolicy(
        must {
            try DunningAssignment(
                policyID: id.map(DunningPolicyID.init(validated:)),
                target: target
            )
        }
    )
}

func override(
    _ customer: String,
    policy: FieldChange<DunningPolicyID>? = nil,
    tier: FieldChange<RiskTier>? = nil
) -> Command {
    .updateCustomer(
        must {
            try UpdateCustomer(
                customerID: CustomerID(validated: customer),
                dunningPolicy: policy,
                riskTier: tier
            )
        }
    )
}

func defaultPolicy(_ id: String) -> Command {
    .configureLedger(
        must {
            try ConfigureLedger(
                defaultPolicy: .set(DunningPolicyID(validated: id)),
                creditor: CreditorIdentity(
                    name: "Example GmbH",
                    address: "billing@example.com",
                    paymentInstructions: "IBAN DE89 3704 0044 0532 0130 00"
                )
            )
        }
    )
}

/// A run in which every planned message counts as delivered.
func runDunning(_ day: String) -> Command {
    .runDunning(RunDunning(asOf: date(day)))
}

extension TestLedger {
    /// Runs dunning as the daemon does: plans on the current state, then submits what
    /// `outcome` says became of each message (nil: not attempted).
    mutating func runDunning(
        _ day: String,
        outcome: (ReminderMessage) -> DeliveryOutcome?
    ) throws {
        var deliveries: [CustomerID: DeliveryOutcome] = [:]
        for message in plan(day).messages {
            deliveries[message.reminder.customerID] = outcome(message)
        }
        try run(.runDunning(RunDunning(asOf: date(day), deliveries: deliveries)))
    }

    /// The dunning plan as of `day`.
    func plan(_ day: String) -> DunningPlan { state.dunningPlan(asOf: date(day)) }

    /// The `(invoice, step)` pairs of every `reminder.sent` in the log, in order.
    var sentSteps: [String] {
        log.flatMap { event, _ -> [String] in
            guard case .reminderSent(let reminder) = event else { return [] }
            return reminder.items.map { "\($0.invoiceID)#\($0.step)" }
        }
    }

    /// The decision for `invoice` in the plan as of `day`.
    func decision(_ invoice: String, _ day: String) -> DunningDecision.Outcome? {
        plan(day).decisions.first { $0.invoiceID.rawValue == invoice }?.outcome
    }

    /// A ledger with a three-step policy (courtesy 3 days before, reminder at 7 with a 5 EUR
    /// fee, final at 21 with 8 % interest) as the default, and customer ACME.
    static func dunning() -> TestLedger {
        var ledger = TestLedger()
        ledger.runAll([
            definePolicy(
                "STD",
                [
                    step(-3, "courtesy"), step(7, "reminder", fee: eur("5.00")),
                    step(21, "final", interest: "8"),
                ]
            ),
            defaultPolicy("STD"),
            register("ACME"),
        ])
        return ledger
    }
}
