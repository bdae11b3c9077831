// The command makers of LedgerScenarioGenerator; each returns nil when the state offers nothing
// suitable, and the caller falls back to issuing an invoice.

extension LedgerScenarioGenerator {
    static let currencies: [Currency] = [
        "EUR", "EUR", "EUR", "EUR", "USD", "USD", "GBP", "JPY", "KWD",
    ]
    .compactMap { Currency(code: $0) }
    static let segments = ["enterprise", "smb", "public", "retail"]

    var tolerance: ConfigureLedger? {
        let tolerances = ["EUR", "USD"].compactMap(Currency.init(code:)).map {
            Money(minorUnits: 5, currency: $0)
        }
        return try? ConfigureLedger(timeZone: "Europe/Berlin", writeOffTolerances: tolerances)
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element? {
        elements.isEmpty ? nil : elements[Int.random(in: 0..<elements.count, using: &random)]
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    mutating func periodClose(_ state: LedgerState) -> ClosePeriod? {
        // Close each month 45 days after it ends, leaving room for backdated entries.
        let candidate = today.adding(days: -45)
        let (year, month, _) = candidate.components
        guard let firstOfMonth = LedgerDate(year: year, month: month, day: 1) else { return nil }
        let through = firstOfMonth.adding(days: -1)
        guard through > (state.settings.closedThrough ?? LedgerDate(days: Int32.min)),
            through >= LedgerDate(days: 19_723).adding(days: 30)
        else { return nil }
        return ClosePeriod(through: through)
    }

    mutating func registerCustomer() -> Command {
        counters.customers += 1
        let number = counters.customers
        let currency = pick(Self.currencies)
        let terms: PaymentTerms? = chance(70) ? .net(days: [14, 30, 45, 60][number % 4]) : nil
        let command = try? RegisterCustomer(
            customerID: CustomerID(validated: "C\(100_000 + number)"),
            name: "Customer \(number) GmbH",
            email: chance(80) ? "ap\(number)@example.com" : nil,
            segment: chance(90) ? pick(Self.segments) : nil,
            currency: currency,
            terms: terms,
            locale: chance(50) ? "de-DE" : nil
        )
        guard let command else { preconditionFailure("generated an invalid registration") }
        return .registerCustomer(command)
    }

    mutating func randomCustomer(_ state: LedgerState) -> CustomerRecord? {
        guard state.customers.count > 0 else { return nil }
        return state.customers[Int.random(in: 0..<state.customers.count, using: &random)]
    }

    mutating func earliestOpenDate(_ state: LedgerState, from date: LedgerDate) -> LedgerDate {
        guard let closed = state.settings.closedThrough else { return date }
        return max(date, closed.adding(days: 1))
    }

    mutating func amount(_ currency: Currency, major: ClosedRange<Int64>) -> Money {
        let minor =
            Int64.random(in: major, using: &random) * currency.minorUnitsPerMajor
            + Int64.random(in: 0..<currency.minorUnitsPerMajor, using: &random)
        return Money(minorUnits: max(minor, 1), currency: currency)
    }

    mutating func issueInvoice(_ state: LedgerState) -> Command? {
        guard let customer = randomCustomer(state) else { return nil }
        counters.invoices += 1
        let currency = customer.currency ?? Self.currencies[0]
        let backdated =
            chance(10) ? today.adding(days: -Int.random(in: 1...10, using: &random)) : today
        let issueDate = earliestOpenDate(state, from: backdated)
        let content: IssueInvoice.Content
        if chance(30) {
            var lines: [InvoiceLine] = []
            for index in 0..<Int.random(in: 1...3, using: &random) {
                let price = amount(currency, major: 1...400)
                guard
                    let quantity = DecimalQuantity(
                        significand: Int64.random(in: 1...40, using: &random),
                        scale: 1
                    ),
                    let rate = DecimalQuantity(significand: [0, 7, 19, 20][index % 4], scale: 0),
                    let line = try? InvoiceLine(
                        description: "Item \(index)",
                        quantity: quantity,
                        unitPrice: price,
                        taxRatePercent: rate
                    )
                else { continue }
                lines.append(line)
            }
            content = lines.isEmpty ? .amount(amount(currency, major: 10...5000)) : .lines(lines)
        } else {
            content = .amount(amount(currency, major: 10...5000))
        }
        var instalments: [Instalment] = []
        let due: IssueInvoice.DueDateRule
        switch Int.random(in: 0..<12, using: &random) {
        case 0..<4: due = .terms(.net(days: 30))
        case 4..<6: due = .date(issueDate.adding(days: 14))
        case 6..<8: due = .terms(.endOfMonth(plusDays: 10))
        case 8: due = .customerTerms
        case 9: due = .terms(Self.discountTerms)
        case 10: due = .terms(Self.splitTerms)
        default:
            due = .terms(.net(days: 30))
            instalments = twoInstalments(of: content, currency: currency, issueDate: issueDate)
        }
        let command = try? IssueInvoice(
            invoiceID: InvoiceID(validated: "INV-\(1_000_000 + counters.invoices)"),
            customerID: customer.id,
            currency: currency,
            content: content,
            issueDate: issueDate,
            due: due,
            poNumber: chance(20) ? "PO-\(counters.invoices)" : nil,
            metadata: chance(10) ? ["project": "P\(counters.invoices % 17)"] : [:],
            instalments: instalments
        )
        return command.map(Command.issueInvoice)
    }

    /// "2/10 net 30".
    static let discountTerms: PaymentTerms = {
        guard let percent = DecimalQuantity(significand: 2, scale: 0),
            let discount = try? EarlyPaymentDiscount(percent: percent, days: 10)
        else { preconditionFailure("invalid discount terms") }
        return PaymentTerms(basis: .net, days: 30, discount: discount)
    }()

    /// Net 30 in three monthly instalments.
    static let splitTerms: PaymentTerms = {
        guard let split = try? InstalmentSplit(count: 3, intervalDays: 30) else {
            preconditionFailure("invalid split")
        }
        return PaymentTerms(basis: .net, days: 30, split: split)
    }()

    /// A schedule of two parts, 20 and 50 days after issue; empty for lines, whose total is
    /// only known once the command is built.
    mutating func twoInstalments(
        of content: IssueInvoice.Content,
        currency: Currency,
        issueDate: LedgerDate
    ) -> [Instalment] {
        guard case .amount(let total) = content, total.minorUnits >= 2 else { return [] }
        let first = total.minorUnits * Int64.random(in: 2...8, using: &random) / 10
        guard first > 0, first < total.minorUnits else { return [] }
        return [
            Instalment(
                dueDate: issueDate.adding(days: 20),
                amount: Money(minorUnits: first, currency: currency)
            ),
            Instalment(
                dueDate: issueDate.adding(days: 50),
                amount: Money(minorUnits: total.minorUnits - first, currency: currency)
            ),
        ]
    }
}
