import Ledger

// Helpers that turn literals into typed values; a bad literal is a bug in the test itself.

let eurCurrency = currency("EUR")
let usdCurrency = currency("USD")
let jpyCurrency = currency("JPY")
let kwdCurrency = currency("KWD")

func currency(_ code: String) -> Currency {
    guard let currency = Currency(code: code) else {
        preconditionFailure("bad currency literal \(code)")
    }
    return currency
}

func date(_ text: String) -> LedgerDate {
    guard let date = LedgerDate(parsing: text) else {
        preconditionFailure("bad date literal \(text)")
    }
    return date
}

func money(_ text: String, _ code: String = "EUR") -> Money {
    guard let amount = try? Money(parsing: text, currency: currency(code)) else {
        preconditionFailure("bad amount literal \(text)")
    }
    return amount
}

func eur(_ text: String) -> Money { money(text, "EUR") }

func decimal(_ text: String) -> DecimalQuantity {
    guard let value = DecimalQuantity(parsing: text) else {
        preconditionFailure("bad decimal literal \(text)")
    }
    return value
}

func must<T>(_ body: () throws -> T) -> T {
    do { return try body() } catch { preconditionFailure("test fixture failed: \(error)") }
}

func register(_ id: String, segment: String? = nil, terms: PaymentTerms? = nil) -> Command {
    .registerCustomer(
        must {
            try RegisterCustomer(
                customerID: CustomerID(validated: id),
                name: "\(id) Ltd",
                segment: segment,
                terms: terms
            )
        }
    )
}

func issue(
    _ id: String,
    _ customer: String,
    _ amount: Money,
    issued: String,
    due: String? = nil,
    terms: PaymentTerms? = nil
) -> Command {
    let rule: IssueInvoice.DueDateRule =
        if let due { .date(date(due)) } else if let terms { .terms(terms) } else { .customerTerms }
    return .issueInvoice(
        must {
            try IssueInvoice(
                invoiceID: InvoiceID(validated: id),
                customerID: CustomerID(validated: customer),
                currency: amount.currency,
                content: .amount(amount),
                issueDate: date(issued),
                due: rule
            )
        }
    )
}

func pay(
    _ id: String,
    _ customer: String,
    _ amount: Money,
    on day: String,
    allocations: [(String, Money)]? = nil
) -> Command {
    .recordPayment(
        must {
            try RecordPayment(
                paymentID: PaymentID(validated: id),
                customerID: CustomerID(validated: customer),
                currency: amount.currency,
                amount: amount,
                date: date(day),
                method: "bank_transfer",
                allocations: allocations?.map {
                    Allocation(invoiceID: InvoiceID(validated: $0.0), amount: $0.1)
                }
            )
        }
    )
}

func allocate(_ payment: String, on day: String? = nil, _ allocations: [(String, Money)]) -> Command
{
    .allocatePayment(
        must {
            try AllocatePayment(
                paymentID: PaymentID(validated: payment),
                date: day.map(date),
                allocations: allocations.map {
                    Allocation(invoiceID: InvoiceID(validated: $0.0), amount: $0.1)
                }
            )
        }
    )
}

func reverse(_ payment: String, on day: String) -> Command {
    .reversePayment(
        must {
            try ReversePayment(
                paymentID: PaymentID(validated: payment),
                date: date(day),
                reason: "bounced"
            )
        }
    )
}

func void(_ invoice: String, on day: String) -> Command {
    .voidInvoice(
        must {
            try VoidInvoice(
                invoiceID: InvoiceID(validated: invoice),
                date: date(day),
                reason: "error"
            )
        }
    )
}

func writeOff(_ invoice: String, _ amount: Money? = nil, on day: String) -> Command {
    .writeOffInvoice(
        must {
            try WriteOffInvoice(
                invoiceID: InvoiceID(validated: invoice),
                amount: amount,
                date: date(day),
                reason: "bad debt"
            )
        }
    )
}

func credit(
    _ id: String,
    _ customer: String,
    _ amount: Money,
    on day: String,
    invoice: String? = nil
) -> Command {
    .issueCreditNote(
        must {
            try IssueCreditNote(
                creditNoteID: CreditNoteID(validated: id),
                customerID: CustomerID(validated: customer),
                currency: amount.currency,
                amount: amount,
                date: date(day),
                invoiceID: invoice.map(InvoiceID.init(validated:)),
                reason: "adjustment"
            )
        }
    )
}

func closePeriod(_ through: String) -> Command {
    .closePeriod(ClosePeriod(through: date(through)))
}

func tolerance(_ amount: Money) -> Command {
    .configureLedger(must { try ConfigureLedger(writeOffTolerances: [amount]) })
}

/// A ledger under test: decides and evolves commands as the daemon would, keeping the log.
struct TestLedger {
    var state = LedgerState()
    var log: [(LedgerEvent, EventMeta)] = []
    var today = date("2026-12-31")

    init() {
        append(.ledgerCreated(ledgerID: "test"))
    }

    mutating func append(_ event: LedgerEvent) {
        let meta = EventMeta(
            sequence: state.head + 1,
            recordedAtMicros: Int64(state.head + 1) * 1_000_000
        )
        state.evolve(event, meta)
        log.append((event, meta))
    }

    /// Decides and applies a command; returns the result object.
    @discardableResult
    mutating func run(_ command: Command) throws(Rejection) -> PayloadValue {
        let events = try decide(command, state, DecisionContext(today: today))
        for event in events { append(event) }
        return commandResult(command, events: events, state: state)
    }

    /// Runs commands that must all be accepted.
    mutating func runAll(_ commands: [Command]) {
        for command in commands {
            do { try run(command) } catch {
                preconditionFailure("fixture command refused: \(error.reason)")
            }
        }
    }

    func time(_ asOf: String, knownAt: UInt64? = nil) -> ReportTime {
        ReportTime(asOf: date(asOf), knownAt: knownAt ?? state.head)
    }

    func aging(_ asOf: String, knownAt: UInt64? = nil, grouping: AgingQuery.Grouping = .customer)
        -> AgingReport
    {
        state.aging(must { try AgingQuery(time: time(asOf, knownAt: knownAt), grouping: grouping) })
    }

    func open(_ invoice: String, _ asOf: String, knownAt: UInt64? = nil) -> String? {
        state.invoiceView(InvoiceID(validated: invoice), at: time(asOf, knownAt: knownAt))?.open
            .decimalText
    }

    func balance(_ customer: String, _ asOf: String, knownAt: UInt64? = nil) -> BalanceFigures? {
        state.balances(at: time(asOf, knownAt: knownAt), customer: CustomerID(validated: customer))
            .rows.first?.figures
    }
}

extension PayloadValue {
    /// The member `key` of an object, for assertions.
    subscript(key: String) -> PayloadValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
