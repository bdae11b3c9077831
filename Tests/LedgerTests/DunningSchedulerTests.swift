import Ledger
import Testing

struct DunningSchedulerTests {
    @Test func runningOnADateTwiceEqualsRunningOnce() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        try ledger.run(runDunning("2026-01-28"))
        let once = ledger.state
        let logLength = ledger.log.count
        for _ in 0..<3 { try ledger.run(runDunning("2026-01-28")) }
        #expect(ledger.log.count == logLength)
        #expect(ledger.state == once)
        #expect(ledger.sentSteps == ["INV-1#1"])
    }

    @Test func runningAgainAfterAFeeWasChargedAddsNothing() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        try ledger.run(runDunning("2026-02-07"))
        let once = ledger.state
        // The fee invoice charged by the first run is due that day, but no run on that date
        // reminds of it; the next day it is past due and waits for its first reminder.
        try ledger.run(runDunning("2026-02-07"))
        #expect(ledger.state == once)
        #expect(ledger.sentSteps == ["INV-1#2"])
        let firstReminder = DunningSkip.notDue(step: 2, on: date("2026-02-14"))
        #expect(ledger.decision("INV-1-F2", "2026-02-08") == .skip(firstReminder))
    }

    @Test func aBackdatedRunNeverSendsAStepAgain() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        try ledger.run(runDunning("2026-02-11"))
        let afterRun = ledger.state
        // Step 2 went on the 11th; as of the 8th (when it was already due) it counts as sent.
        try ledger.run(runDunning("2026-02-08"))
        #expect(ledger.sentSteps == ["INV-1#2"])
        #expect(ledger.state == afterRun)
        let stepThree = DunningSkip.notDue(step: 3, on: date("2026-02-21"))
        #expect(ledger.decision("INV-1", "2026-02-08") == .skip(stepThree))
    }

    @Test func aLateFirstRunSendsTheFirstReminderAndTheNextWaitsTheGap() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        // Every step is due by 1 March; the courtesy notice no longer applies after the due
        // date, so step 2 goes, and step 3 waits the 7-day gap.
        let decision = ledger.plan("2026-03-01").decisions.first
        #expect(decision?.sentStep?.dueOn == date("2026-02-07"))
        #expect(decision?.sentStep?.template == "reminder")
        try ledger.run(runDunning("2026-03-01"))
        #expect(ledger.sentSteps == ["INV-1#2"])
        let gap = DunningSkip.minimumGap(until: date("2026-03-08"))
        #expect(ledger.decision("INV-1", "2026-03-05") == .skip(gap))
        try ledger.run(runDunning("2026-03-08"))
        try ledger.run(runDunning("2026-03-15"))
        try ledger.run(runDunning("2026-03-22"))
        let invoiceSteps = ledger.sentSteps.filter { $0.hasPrefix("INV-1#") }
        #expect(invoiceSteps == ["INV-1#2", "INV-1#3"])
        #expect(ledger.decision("INV-1", "2026-04-01") == .skip(.ladderComplete))
        // The fee invoices climb their own ladders from their own due dates (the run's).
        #expect(
            ledger.sentSteps.filter { $0.hasPrefix("INV-1-F2#") } == ["INV-1-F2#2", "INV-1-F2#3"]
        )
        #expect(ledger.sentSteps.filter { $0.hasPrefix("INV-1-F3#") } == ["INV-1-F3#2"])
    }

    @Test func disputedAndPaidInvoicesGetNothing() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("INV-2", "ACME", eur("50.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("INV-3", "ACME", eur("70.00"), issued: "2026-01-01", due: "2026-01-31"),
            dispute("INV-1", on: "2026-02-01"),
            pay(
                "PAY-1",
                "ACME",
                eur("50.00"),
                on: "2026-02-02",
                allocations: [("INV-2", eur("50.00"))]
            ),
        ])
        #expect(
            ledger.decision("INV-1", "2026-02-10") == .skip(.disputed(since: date("2026-02-01")))
        )
        try ledger.run(runDunning("2026-02-10"))
        #expect(ledger.sentSteps == ["INV-3#2"])
        // INV-2 is paid, so it has no decision at all; INV-3-F2 is the fee step 2 charged.
        let decided = ledger.plan("2026-02-10").decisions.map(\.invoiceID.rawValue)
        #expect(decided == ["INV-1", "INV-3", "INV-3-F2"])
        ledger.runAll([resolve("INV-1", on: "2026-02-12")])
        try ledger.run(runDunning("2026-02-12"))
        #expect(ledger.sentSteps == ["INV-3#2", "INV-1#2"])
    }

    @Test func stepOrderHoldsAfterAPartialPayment() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        try ledger.run(runDunning("2026-01-28"))
        ledger.runAll([
            pay(
                "PAY-1",
                "ACME",
                eur("60.00"),
                on: "2026-02-05",
                allocations: [("INV-1", eur("60.00"))]
            )
        ])
        try ledger.run(runDunning("2026-02-25"))
        let sent = ledger.log.compactMap { event, _ -> ReminderItem? in
            guard case .reminderSent(let reminder) = event else { return nil }
            return reminder.items.last
        }
        #expect(sent.map(\.step) == [1, 2])
        #expect(sent.last?.open == eur("40.00"))
    }

    @Test func payingAnInstalmentStartsTheNextOnesLadder() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issueInInstalments(
                "INV-1",
                "ACME",
                eur("100.00"),
                issued: "2026-01-01",
                parts: [("2026-02-01", eur("50.00")), ("2026-03-01", eur("50.00"))]
            )
        ])
        try ledger.run(runDunning("2026-02-09"))
        ledger.runAll([
            pay(
                "PAY-1",
                "ACME",
                eur("50.00"),
                on: "2026-02-10",
                allocations: [("INV-1", eur("50.00"))]
            )
        ])
        // The second instalment's ladder starts with its own courtesy notice.
        try ledger.run(runDunning("2026-02-27"))
        let items = ledger.log.compactMap { event, _ -> ReminderItem? in
            guard case .reminderSent(let reminder) = event else { return nil }
            return reminder.items.first { $0.invoiceID.rawValue == "INV-1" }
        }
        #expect(items.map(\.dueDate) == [date("2026-02-01"), date("2026-03-01")])
        #expect(items.map(\.step) == [2, 1])
        #expect(items.first?.feeInvoiceID?.rawValue == "INV-1-F2-2026-02-01")
        #expect(items.last?.open == eur("50.00"))
    }

    @Test func aPromisePausesUntilItsDate() throws {
        var ledger = TestLedger.dunning()
        ledger.today = date("2026-02-10")
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            promise("INV-1", eur("100.00"), by: "2026-02-20"),
        ])
        #expect(
            ledger.decision("INV-1", "2026-02-15") == .skip(.promised(until: date("2026-02-20")))
        )
        #expect(
            ledger.decision("INV-1", "2026-02-20") == .skip(.promised(until: date("2026-02-20")))
        )
        guard case .send(let item) = ledger.decision("INV-1", "2026-02-21") else {
            Issue.record("the broken promise should resume dunning")
            return
        }
        // The due date has passed, so the courtesy notice no longer applies: the first reminder.
        #expect(item.step == 2)
    }

    @Test func aFeeBecomesItsOwnInvoiceThatStaysDueAfterThePrincipalIsPaid() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        try ledger.run(runDunning("2026-01-28"))
        let result = try ledger.run(runDunning("2026-02-07"))
        #expect(result["fee_invoices"] == .array([.string("INV-1-F2")]))
        ledger.runAll([
            pay(
                "PAY-1",
                "ACME",
                eur("100.00"),
                on: "2026-02-08",
                allocations: [("INV-1", eur("100.00"))]
            )
        ])
        #expect(ledger.open("INV-1", "2026-02-09") == "0.00")
        #expect(ledger.open("INV-1-F2", "2026-02-09") == "5.00")
        // The fee invoice is reminded of, but never charged for.
        guard case .send(let item) = ledger.decision("INV-1-F2", "2026-02-16") else {
            Issue.record("the fee invoice should be reminded of")
            return
        }
        #expect(item.fee == nil)
    }

    @Test func interestIsChargedHalfEvenForTheDaysOverdue() throws {
        var ledger = TestLedger()
        ledger.runAll([
            definePolicy("INT", gap: 1, [step(10, interest: "8")]),
            defaultPolicy("INT"),
            register("ACME"),
            issue("INV-1", "ACME", eur("1000.00"), issued: "2026-01-01", due: "2026-01-31"),
        ])
        // 1000.00 × 8 % × 10 / 365 = 2.1917… → 2.19.
        try ledger.run(runDunning("2026-02-10"))
        #expect(ledger.open("INV-1-F1", "2026-02-10") == "2.19")
    }

    @Test func laterInterestCountsFromTheLastChargeOnWhatIsStillOpen() throws {
        var ledger = TestLedger()
        ledger.runAll([
            definePolicy("INT", gap: 1, [step(10, interest: "8"), step(40, interest: "8")]),
            defaultPolicy("INT"),
            register("ACME"),
            issue("INV-1", "ACME", eur("1000.00"), issued: "2026-01-01", due: "2026-01-31"),
        ])
        try ledger.run(runDunning("2026-02-10"))
        ledger.runAll([
            pay(
                "PAY-1",
                "ACME",
                eur("500.00"),
                on: "2026-02-20",
                allocations: [("INV-1", eur("500.00"))]
            )
        ])
        // 500.00 × 8 % × 30 / 365 = 3.2876… → 3.29, for 10 February to 12 March only.
        try ledger.run(runDunning("2026-03-12"))
        #expect(ledger.open("INV-1-F2", "2026-03-12") == "3.29")
    }

    @Test func interestRoundsHalfToEven() throws {
        var ledger = TestLedger()
        ledger.runAll([
            definePolicy("INT", gap: 1, [step(1, interest: "1")]),
            defaultPolicy("INT"),
            register("ACME"),
            issue("INV-1", "ACME", eur("912.50"), issued: "2026-01-01", due: "2026-01-31"),
        ])
        // 912.50 × 1 % × 1 / 365 = 0.025 exactly: half to even is 0.02 (half up would be 0.03).
        try ledger.run(runDunning("2026-02-01"))
        #expect(ledger.open("INV-1-F1", "2026-02-01") == "0.02")
    }

    @Test func oneConsolidatedMessagePerCustomerPerRun() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            register("BETA"),
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("INV-2", "ACME", eur("200.00"), issued: "2026-01-05", due: "2026-02-01"),
            issue("INV-3", "BETA", eur("300.00"), issued: "2026-01-05", due: "2026-01-31"),
        ])
        // Courtesy notices for all three, three days or less before their due dates.
        let plan = ledger.plan("2026-01-30")
        #expect(plan.messages.map(\.reminder.customerID.rawValue) == ["ACME", "BETA"])
        #expect(
            plan.messages.first?.reminder.items.map(\.invoiceID.rawValue) == ["INV-1", "INV-2"]
        )
        let again = ledger.plan("2026-01-30")
        #expect(plan.messages.map(\.reminder.messageID) == again.messages.map(\.reminder.messageID))
        #expect(Set(plan.messages.map(\.reminder.messageID)).count == 2)
    }

    @Test func policyPrecedenceIsCustomerSegmentRiskTierDefault() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            definePolicy("SEG", [step(1)]), definePolicy("CUS", [step(2)]),
            definePolicy("LOW", [step(3)]),
            register("SEGMENTED", segment: "retail"), register("TIERED"),
            assignPolicy("SEG", to: .segment("retail")),
            assignPolicy("LOW", to: .riskTier(.low)),
            assignPolicy("CUS", to: .customer(CustomerID(validated: "ACME"))),
        ])
        let time = ledger.time("2026-02-01")
        func source(_ id: String) -> PolicySource? {
            ledger.state.customer(CustomerID(validated: id)).flatMap {
                ledger.state.dunningPolicy(for: $0, at: time)?.source
            }
        }
        #expect(source("ACME") == .customer)
        #expect(source("SEGMENTED") == .segment)
        #expect(source("TIERED") == .riskTier)
        ledger.runAll([assignPolicy(nil, to: .riskTier(.low))])
        #expect(source("TIERED") == .default)
        // customer.update overrides beat every assignment; a tier override picks the tier's policy.
        ledger.runAll([
            override("ACME", policy: .set(DunningPolicyID(validated: "LOW"))),
            assignPolicy("SEG", to: .riskTier(.high)),
            override("TIERED", tier: .set(.high)),
        ])
        #expect(source("ACME") == .override)
        #expect(source("TIERED") == .riskTier)
        let tiered = ledger.state.customer(CustomerID(validated: "TIERED")).flatMap {
            ledger.state.dunningPolicy(for: $0, at: time)?.policy.id.rawValue
        }
        #expect(tiered == "SEG")
        ledger.runAll([override("TIERED", tier: .clear), override("ACME", policy: .clear)])
        #expect(source("TIERED") == .default)
        #expect(source("ACME") == .customer)
        #expect(throws: Rejection.unknownPolicy(DunningPolicyID(validated: "NOPE"))) {
            try ledger.run(override("ACME", policy: .set(DunningPolicyID(validated: "NOPE"))))
        }
    }

    @Test func aFailedDeliveryIsRecordedWithoutFeesAndRetriedNextRun() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        try ledger.runDunning("2026-01-28") {
            .failed(messageID: $0.reminder.messageID, error: "disk\nfull", attempts: 5)
        }
        #expect(ledger.sentSteps.isEmpty)
        #expect(
            ledger.state.dunning.lastFailures[CustomerID(validated: "ACME")]?.error == "disk full"
        )
        try ledger.run(runDunning("2026-01-29"))
        #expect(ledger.sentSteps == ["INV-1#1"])
    }

    @Test func pendingUnattemptedAndStaleDeliveriesRecordNothing() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            register("BETA"),
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
            issue("INV-2", "BETA", eur("100.00"), issued: "2026-01-01", due: "2026-01-31"),
        ])
        let head = ledger.log.count
        try ledger.runDunning("2026-01-28") { message in
            message.reminder.customerID.rawValue == "ACME"
                ? .pending(messageID: message.reminder.messageID, error: "busy", attempts: 1)
                : nil
        }
        // Delivered under a Message-ID the plan no longer has: the state changed meanwhile.
        try ledger.runDunning("2026-01-28") { _ in .delivered(messageID: "<r.stale@L.accrue>") }
        #expect(ledger.log.count == head)
        try ledger.runDunning("2026-01-28") { .delivered(messageID: $0.reminder.messageID) }
        #expect(ledger.sentSteps == ["INV-1#1", "INV-2#1"])
    }

    @Test func runsInTheFutureOrForAnUnknownPolicyAreRefused() {
        var ledger = TestLedger.dunning()
        ledger.today = date("2026-02-01")
        #expect(throws: Rejection.asOfInFuture(asOf: date("2026-02-02"), today: date("2026-02-01")))
        {
            try ledger.run(runDunning("2026-02-02"))
        }
        #expect(throws: Rejection.unknownPolicy(DunningPolicyID(validated: "NOPE"))) {
            try ledger.run(assignPolicy("NOPE", to: .segment("retail")))
        }
    }

    @Test func replayAndSnapshotReproduceTheDunningBook() throws {
        var ledger = TestLedger.dunning()
        ledger.runAll([
            issue("INV-1", "ACME", eur("100.00"), issued: "2026-01-01", due: "2026-01-31")
        ])
        try ledger.run(runDunning("2026-01-28"))
        try ledger.runDunning("2026-02-07") { .delivered(messageID: $0.reminder.messageID) }
        var replayed = LedgerState()
        for (event, meta) in ledger.log {
            let encoded = EventCodec.encode(event)
            let decoded = try EventCodec.decode(
                type: encoded.type,
                version: encoded.version,
                payload: encoded.payload
            )
            #expect(decoded == event)
            replayed.evolve(decoded, meta)
        }
        #expect(replayed == ledger.state)
        #expect(try LedgerState(snapshot: ledger.state.snapshotBytes()) == ledger.state)
    }
}
