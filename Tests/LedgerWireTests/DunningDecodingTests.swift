import Ledger
import LedgerWire
import Testing

/// The dunning params decode into their commands, or are refused with their reason and field.
struct DunningDecodingTests {
    @Test func definePolicyReadsStepsFeesAndInterestWithAGapDefault() throws {
        let command = try decodeCommand(
            "dunning.define_policy",
            #"{"policy_id":"STD","steps":[{"offset_days":-3,"channel":"spool","template":"courtesy"},{"offset_days":14,"channel":"spool","template":"final","fee":{"EUR":"5","JPY":"700"},"interest_rate":"8.50"}]}"#
        )
        guard case .defineDunningPolicy(let policy) = command else {
            Issue.record("not a policy")
            return
        }
        #expect(policy.minimumGapDays == 7)
        #expect(policy.steps.map(\.offsetDays) == [-3, 14])
        #expect(policy.steps[1].fees == [Fixture.money(500), Fixture.money(700, Fixture.jpy)])
        #expect(policy.steps[1].interestRate?.description == "8.5")
        // "5" and "5.00", "8.50" and "8.5" are the same policy: a retry is recognised.
        let same = try decodeCommand(
            "dunning.define_policy",
            #"{"policy_id":"STD","minimum_gap_days":7,"steps":[{"offset_days":-3,"channel":"spool","template":"courtesy"},{"offset_days":14,"channel":"spool","template":"final","fee":{"JPY":"700","EUR":"5.00"},"interest_rate":"8.5"}]}"#
        )
        #expect(same.fingerprint == command.fingerprint)
    }

    @Test(arguments: [
        (
            #"{"policy_id":"P","steps":[]}"#, "invalid_value", "steps"
        ),
        (
            #"{"policy_id":"P","steps":[{"offset_days":1,"channel":"spool","template":"t","fee":{"XXX1":"5"}}]}"#,
            "invalid_currency", "steps[0].fee.XXX1"
        ),
        (
            #"{"policy_id":"P","steps":[{"offset_days":1,"channel":"spool","template":"t","fee":{"EUR":"5.001"}}]}"#,
            "invalid_amount", "steps[0].fee.EUR"
        ),
        (
            #"{"policy_id":"P","steps":[{"offset_days":1,"channel":"spool","template":"t","interest_rate":"101"}]}"#,
            "invalid_value", "steps[0].interest_rate"
        ),
        (
            #"{"policy_id":"P","steps":[{"offset_days":9999,"channel":"spool","template":"t"}]}"#,
            "out_of_range", "steps[0].offset_days"
        ),
        (
            #"{"policy_id":"P","minimum_gap_days":400,"steps":[{"offset_days":1,"channel":"spool","template":"t"}]}"#,
            "out_of_range", "minimum_gap_days"
        ),
        (
            #"{"policy_id":"P","steps":[{"offset_days":1,"channel":"spool","template":"t","colour":"red"}]}"#,
            "unknown_field", "steps[0].colour"
        ),
    ])
    func definePolicyRefusesMalformedSteps(params: String, reason: String, field: String) throws {
        let error = try #require(try decodingError("dunning.define_policy", params), "accepted")
        #expect(error.code == .invalidParams)
        #expect(error.reason == reason)
        #expect(error.field == field)
    }

    @Test func assignPolicyNeedsExactlyOneTargetAndAPolicyOrNull() throws {
        let cleared = try decodeCommand(
            "dunning.assign_policy",
            #"{"policy_id":null,"risk_tier":"high"}"#
        )
        #expect(
            cleared
                == .assignDunningPolicy(
                    try DunningAssignment(policyID: nil, target: .riskTier(.high))
                )
        )
        let missing = try #require(
            try decodingError("dunning.assign_policy", #"{"segment":"retail"}"#)
        )
        #expect(missing.reason == "missing_field")
        let two = try #require(
            try decodingError(
                "dunning.assign_policy",
                #"{"policy_id":"P","segment":"a","customer_id":"C"}"#
            )
        )
        #expect(two.reason == "invalid_value")
        let tier = try #require(
            try decodingError("dunning.assign_policy", #"{"policy_id":"P","risk_tier":"extreme"}"#)
        )
        #expect(tier.field == "risk_tier")
    }

    @Test func configureAndUpdateCarryTheDunningSettings() throws {
        let configure = try decodeCommand(
            "ledger.configure",
            #"{"default_policy":"STD","creditor":{"name":"Example GmbH","address":"billing@example.com","payment_instructions":"IBAN DE89"}}"#
        )
        guard case .configureLedger(let settings) = configure else {
            Issue.record("not a configure")
            return
        }
        #expect(settings.defaultPolicy == .set(Fixture.id("STD")))
        #expect(settings.creditor?.address == "billing@example.com")
        let cleared = try decodeCommand("ledger.configure", #"{"default_policy":null}"#)
        #expect(cleared.parameters == .object([PayloadMember("default_policy", .null)]))
        let badCreditor = try #require(
            try decodingError(
                "ledger.configure",
                #"{"creditor":{"name":"X","address":"a\nb","payment_instructions":"p"}}"#
            )
        )
        #expect(badCreditor.field == "creditor.address")
        let update = try decodeCommand(
            "customer.update",
            #"{"customer_id":"C","dunning_policy":"STD","risk_tier":null}"#
        )
        guard case .updateCustomer(let change) = update else {
            Issue.record("not an update")
            return
        }
        #expect(change.dunningPolicy == .set(Fixture.id("STD")))
        #expect(change.riskTier == .clear)
        #expect(!change.changesAttributes)
    }

    @Test func runTakesOnlyAsOf() throws {
        #expect(
            try decodeCommand("dunning.run", #"{"as_of":"2026-02-10"}"#)
                == .runDunning(RunDunning(asOf: Fixture.date("2026-02-10")))
        )
        let future = try #require(
            try decodingError("dunning.run", #"{"as_of":"2026-02-10","failures":{}}"#)
        )
        #expect(future.reason == "unknown_field")
    }
}
