import Foundation
import Ledger
import LedgerWire

/// The dunning scheduler's decision over a ledger of 100,000 open invoices (10,000 customers
/// with 10 each, a three-step default policy, a tenth disputed, half already reminded once):
/// `dunning.preview`'s plan, target within one second.
enum DunningBench {
    /// Builds the ledger, then times the plan `runs` times and prints the median and slowest.
    static func run(invoices: Int = 100_000, runs: Int = 5) {
        let state = ledger(invoices: invoices)
        let asOf = LedgerDate(year: 2026, month: 3, day: 20) ?? LedgerDate(days: 0)
        var seconds: [Double] = []
        var plan = DunningPlan(asOf: asOf)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            plan = state.dunningPlan(asOf: asOf)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let sent = plan.decisions.filter { if case .send = $0.outcome { true } else { false } }
            .count
        print(
            String(
                format:
                    "dunning plan over %d open invoices: median %.3f s, max %.3f s (target 1 s); %d steps due, %d messages, %d fee invoices",
                plan.decisions.count,
                seconds[seconds.count / 2],
                seconds.last ?? 0,
                sent,
                plan.messages.count,
                plan.feeInvoices.count
            )
        )
        // The AR core's aging target on the same 100,000 open invoices: within 50 ms.
        let time = ReportTime(asOf: asOf, knownAt: state.head)
        let aging = ReportBench.measure(
            "report.aging over \(invoices) open invoices",
            runs: runs,
            events: Int(state.head),
            target: 50
        ) { writer in
            guard let query = try? AgingQuery(time: time) else { preconditionFailure("query") }
            writer.agingReport(state.aging(query), requested: .head)
        }
        let verdict = aging.medianMilliseconds <= aging.targetMilliseconds ? "met" : "not met"
        print("  target ≤ 50 ms: \(verdict)")
    }

    /// The generated state, evolved directly from events.
    static func ledger(invoices: Int) -> LedgerState {
        var state = LedgerState()
        var sequence: UInt64 = 0
        func append(_ event: LedgerEvent) {
            sequence += 1
            state.evolve(event, EventMeta(sequence: sequence, recordedAtMicros: Int64(sequence)))
        }
        // Day 20,454 since the epoch is 2026-01-01.
        func day(_ offset: Int) -> LedgerDate { LedgerDate(days: 20_454 + Int32(offset)) }
        guard let eur = Currency(code: "EUR"), let fee = try? Money(parsing: "5.00", currency: eur),
            let steps = try? [
                DunningStep(offsetDays: -3, channel: "spool", template: "courtesy"),
                DunningStep(offsetDays: 7, channel: "spool", template: "reminder", fees: [fee]),
                DunningStep(
                    offsetDays: 21,
                    channel: "spool",
                    template: "final",
                    interestRate: DecimalQuantity(parsing: "8")
                ),
            ],
            let policy = try? DunningPolicy(
                id: DunningPolicyID(validated: "STD"),
                steps: steps,
                minimumGapDays: 7
            )
        else { preconditionFailure("bench fixture") }
        append(.ledgerCreated(ledgerID: "bench"))
        append(.dunningPolicyDefined(policy))
        append(.dunningConfigured(DunningConfigured(defaultPolicy: .set(policy.id), creditor: nil)))
        let perCustomer = 10
        for customer in 0..<(invoices / perCustomer) {
            let customerID = CustomerID(validated: "C\(customer)")
            append(
                .customerRegistered(
                    CustomerRegistered(customerID: customerID, name: "Customer \(customer)")
                )
            )
            for number in 0..<perCustomer {
                let index = customer * perCustomer + number
                let invoiceID = InvoiceID(validated: "INV-\(index)")
                let issued = day(index % 60)
                let amount = Money(minorUnits: Int64(10_000 + index % 90_000), currency: eur)
                append(
                    .invoiceIssued(
                        InvoiceIssued(
                            invoiceID: invoiceID,
                            customerID: customerID,
                            amount: amount,
                            issueDate: issued,
                            dueDate: issued.adding(days: 30)
                        )
                    )
                )
                if index % 10 == 3 {
                    append(
                        .invoiceDisputed(
                            InvoiceDisputed(invoiceID: invoiceID, date: issued, reason: "bench")
                        )
                    )
                }
            }
        }
        // Remind half of the invoices once, as an earlier run would have.
        let first = state.dunningPlan(asOf: day(50))
        for (number, message) in first.messages.enumerated() where number % 2 == 0 {
            append(.reminderSent(message.reminder))
        }
        return state
    }
}
