/// Generates realistic streams of valid commands from a seed, for property tests and benchmarks.
///
/// The mix: customers in a few currencies and segments; invoices by amount or by lines with
/// various terms; full, partial, automatic and unapplied payments; later allocations; credit
/// notes on invoices and on account; some write-offs, voids, reversals, backdated payments,
/// customer updates, a write-off tolerance and monthly period closes; instalment plans,
/// early-payment discounts (some taken), refunds, disputes and promises to pay. Business days advance
/// as commands are generated. Commands are chosen from the given state, so nearly all are
/// accepted; the few that the decider refuses are simply skipped by ``run(events:)``.
package struct LedgerScenarioGenerator: Sendable {
    var random: SplitMix64
    /// Today's business date in the scenario.
    package private(set) var today: LedgerDate
    var counters = (customers: 0, invoices: 0, payments: 0, creditNotes: 0)
    var configured = false
    /// The number of customers the scenario grows to.
    package var customerTarget: Int
    /// Whether the stream also defines and assigns dunning policies and runs dunning; off by
    /// default, so the streams of a seed stay what they were before dunning existed.
    package var includesDunning = false
    var dunningConfigured = false

    /// Creates a generator.
    /// - Parameters:
    ///   - seed: The seed; equal seeds give equal streams.
    ///   - start: The first business day.
    ///   - customerTarget: How many customers to register over time.
    package init(
        seed: UInt64,
        start: LedgerDate = LedgerDate(days: 19_723),
        customerTarget: Int = 500
    ) {
        random = SplitMix64(seed: seed)
        today = start
        self.customerTarget = customerTarget
    }

    /// The next command to decide against `state`, with its decision context.
    package mutating func nextCommand(in state: LedgerState) -> (Command, DecisionContext) {
        if Int.random(in: 0..<24, using: &random) == 0 { today = today.adding(days: 1) }
        let context = DecisionContext(today: today)
        if !configured, let tolerance {
            configured = true
            return (.configureLedger(tolerance), context)
        }
        if let close = periodClose(state) { return (.closePeriod(close), context) }
        if state.customers.count < 5
            || (state.customers.count < customerTarget
                && Int.random(in: 0..<30, using: &random) == 0)
        {
            return (registerCustomer(), context)
        }
        if includesDunning, let command = dunningCommand(state) { return (command, context) }
        let roll = Int.random(in: 0..<100, using: &random)
        let command: Command? =
            switch roll {
            case 0..<38: issueInvoice(state)
            case 38..<72: recordPayment(state)
            case 72..<78: allocatePayment(state)
            case 78..<85: issueCreditNote(state)
            case 85..<88: writeOff(state)
            case 88..<90: reversePayment(state)
            case 90..<92: voidInvoice(state)
            case 92..<94: updateCustomer(state)
            case 94..<96: refundPayment(state)
            case 96: disputeOrResolve(state)
            case 97: promisePayment(state)
            default: issueInvoice(state)
            }
        return (command ?? issueInvoice(state) ?? registerCustomer(), context)
    }

    /// Generates commands and decides and evolves them until the log holds `events` events
    /// (the genesis `ledger.created` first), one microsecond apart.
    /// - Returns: The events with their metadata, the final state, and how many commands the
    ///   decider refused.
    package mutating func run(events count: Int) -> (
        events: [(LedgerEvent, EventMeta)], state: LedgerState, refused: Int
    ) {
        var state = LedgerState()
        var log: [(LedgerEvent, EventMeta)] = []
        log.reserveCapacity(count + 8)
        var refused = 0
        func append(_ event: LedgerEvent) {
            let meta = EventMeta(
                sequence: state.head + 1,
                recordedAtMicros: 1_700_000_000_000_000 + Int64(state.head)
            )
            state.evolve(event, meta)
            log.append((event, meta))
        }
        append(.ledgerCreated(ledgerID: "scenario"))
        while log.count < count {
            let (command, context) = nextCommand(in: state)
            do {
                for event in try decide(command, state, context) { append(event) }
            } catch {
                refused += 1
            }
        }
        return (log, state, refused)
    }
}
