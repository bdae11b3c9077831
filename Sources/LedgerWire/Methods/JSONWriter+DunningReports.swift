package import Ledger

extension JSONWriter {
    /// Writes `report.worklist`'s result: `{as_of, known_at, total, rows}`; a row is the
    /// invoice's dunning decision (see ``dunningPreview(_:rendered:)``) with `tier`, `score`,
    /// `last_step` and `promise`; `total` counts the rows before any `limit`.
    package mutating func worklistReport(_ report: WorklistReport, total: Int, requested: KnownAt) {
        beginObject()
        reportTime(report.time, requested: requested)
        member("total", Int64(total))
        key("rows")
        beginArray()
        for row in report.rows {
            beginObject()
            dunningDecisionMembers(row.decision)
            member("tier", row.risk.tier.rawValue)
            member("score", Int64(row.risk.score))
            key("last_step")
            if let step = row.lastStep { int(step) } else { null() }
            key("promise")
            if let promise = row.promise {
                beginObject()
                member("date", promise.promisedDate.description)
                member(
                    "amount",
                    Money(minorUnits: promise.amount, currency: row.decision.open.currency)
                )
                endObject()
            } else {
                null()
            }
            endObject()
        }
        endArray()
        endObject()
    }

    /// Writes `report.forecast`'s result: `{from, known_at, weeks: [{week, start, expected}],
    /// later, disputed}`; amounts are lists of `{currency, amount}`.
    package mutating func forecastReport(_ report: ForecastReport, requested: KnownAt) {
        beginObject()
        member("from", report.from.description)
        key("known_at")
        beginObject()
        member("seq", Int64(report.time.knownAt))
        if case .time(_, let text) = requested { member("time", text) }
        endObject()
        key("weeks")
        beginArray()
        for week in report.weeks {
            beginObject()
            member("week", week.label)
            member("start", week.start.description)
            amounts("expected", week.expected)
            endObject()
        }
        endArray()
        amounts("later", report.later)
        amounts("disputed", report.disputed)
        endObject()
    }

    /// Writes `report.risk`'s result: `{as_of, known_at, customers}`, each customer with its
    /// tier, score, the points and every input of the formula.
    package mutating func riskReport(
        _ rows: [(CustomerID, RiskAssessment)],
        time: ReportTime,
        requested: KnownAt
    ) {
        beginObject()
        reportTime(time, requested: requested)
        key("customers")
        beginArray()
        for (customer, risk) in rows {
            beginObject()
            member("customer_id", customer.rawValue)
            member("tier", risk.tier.rawValue)
            member("computed_tier", risk.computedTier.rawValue)
            optionalMember("tier_override", risk.override?.rawValue)
            member("score", Int64(risk.score))
            member("lateness_points", Int64(risk.latenessPoints))
            member("late_share_points", Int64(risk.lateSharePoints))
            member("exposure_points", Int64(risk.exposurePoints))
            member("settled_invoices", Int64(risk.settledInvoices))
            member("settled_late", Int64(risk.settledLate))
            member("average_days_late", Int64(risk.averageDaysLate))
            amounts("open", risk.open)
            amounts("overdue", risk.overdue)
            endObject()
        }
        endArray()
        endObject()
    }

    private mutating func amounts(_ name: String, _ values: [Money]) {
        key(name)
        beginArray()
        for value in values {
            beginObject()
            member("currency", value.currency.code)
            member("amount", value)
            endObject()
        }
        endArray()
    }
}

/// A customer's dunning standing for `customer.get`: its risk and the policy in force.
package struct CustomerDunning: Sendable {
    /// The risk formula's result.
    package var risk: RiskAssessment
    /// The policy in force and where it came from, if any.
    package var policy: (id: DunningPolicyID, source: PolicySource)?

    /// Creates the standing.
    package init(risk: RiskAssessment, policy: (id: DunningPolicyID, source: PolicySource)?) {
        self.risk = risk
        self.policy = policy
    }
}

extension JSONWriter {
    /// Writes `dunning: {tier, score, tier_override, policy_id, policy_source}` into the open
    /// object.
    mutating func customerDunning(_ dunning: CustomerDunning) {
        key("dunning")
        beginObject()
        member("tier", dunning.risk.tier.rawValue)
        member("score", Int64(dunning.risk.score))
        optionalMember("tier_override", dunning.risk.override?.rawValue)
        optionalMember("policy_id", dunning.policy?.id.rawValue)
        optionalMember("policy_source", dunning.policy?.source.rawValue)
        endObject()
    }
}
