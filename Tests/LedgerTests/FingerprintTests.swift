import Ledger
import Testing

/// Command fingerprints for idempotency: equal for equivalent inputs, different otherwise.
struct FingerprintTests {
    @Test func equivalentAmountsGiveEqualFingerprints() throws {
        let padded = pay(
            "P",
            "C",
            try Money(parsing: "125.5", currency: eurCurrency),
            on: "2026-01-01"
        )
        let canonical = pay(
            "P",
            "C",
            try Money(parsing: "125.50", currency: eurCurrency),
            on: "2026-01-01"
        )
        #expect(padded.fingerprint == canonical.fingerprint)
        #expect(padded.fingerprint.encoded() == canonical.fingerprint.encoded())
    }

    @Test func anyRealDifferenceChangesTheFingerprint() {
        let base = pay("P", "C", eur("125.50"), on: "2026-01-01")
        let variants = [
            pay("P", "C", eur("125.51"), on: "2026-01-01"),
            pay("P", "C", eur("125.50"), on: "2026-01-02"),
            pay("P", "D", eur("125.50"), on: "2026-01-01"),
            pay("P", "C", eur("125.50"), on: "2026-01-01", allocations: []),
            pay("P", "C", money("125.50", "USD"), on: "2026-01-01"),
        ]
        for variant in variants { #expect(variant.fingerprint != base.fingerprint) }
    }

    @Test func fingerprintNamesTheMethodAndSortsItsKeys() throws {
        let fingerprint = issue(
            "INV-1",
            "ACME",
            eur("1190.00"),
            issued: "2026-01-05",
            due: "2026-02-04"
        ).fingerprint
        #expect(fingerprint["method"] == .string("invoice.issue"))
        #expect(fingerprint["params"]?["amount"] == .string("1190.00"))
        // The canonical decoder accepts only sorted keys, so a round trip proves the order.
        #expect(try PayloadValue.decode(fingerprint.encoded()) == fingerprint)
    }

    @Test func everyCommandHasItsMethodName() throws {
        let commands: [Command] = [
            register("C"), issue("I", "C", eur("1"), issued: "2026-01-01", due: "2026-01-01"),
            void("I", on: "2026-01-01"), writeOff("I", on: "2026-01-01"),
            credit("N", "C", eur("1"), on: "2026-01-01"),
            pay("P", "C", eur("1"), on: "2026-01-01"), allocate("P", [("I", eur("1"))]),
            reverse("P", on: "2026-01-01"),
            closePeriod("2026-01-01"), tolerance(eur("0.05")),
            .updateCustomer(
                try UpdateCustomer(customerID: CustomerID(validated: "C"), email: .clear)
            ),
            refund("P", eur("1"), on: "2026-01-01"), dispute("I", on: "2026-01-01"),
            resolve("I", on: "2026-01-01"), promise("I", eur("1"), by: "2026-01-01"),
            definePolicy("STD", [step(7)]), assignPolicy("STD", to: .segment("retail")),
            runDunning("2026-01-01"),
        ]
        #expect(Set(commands.map(\.method)) == Set(Command.methods))
        for command in commands {
            #expect(try PayloadValue.decode(command.fingerprint.encoded()) == command.fingerprint)
            #expect(command.fingerprintBytes == command.fingerprint.encoded(), "\(command.method)")
        }
        let transaction = PayloadValue.array(
            [.string("ledger.transact")] + commands.map(\.fingerprint)
        )
        #expect(Command.transactionFingerprint(commands) == transaction.encoded())
    }

    @Test func objectBytesFollowKeyOrderBeyondTheFirstEightBytes() {
        var object = PayloadObjectBuilder()
        for key in [
            "reference_b", "reference", "b", "reference_a", "ü", "", "referencf", "a\u{7F}",
        ] {
            object.add(key, string: key)
        }
        object.add("amount", money: eur("10.50"))
        object.add("date", date: date("2026-03-01"))
        var writer = PayloadWriter()
        object.encode(into: &writer)
        #expect(writer.bytes == object.value.encoded())
    }

    /// The bytes written straight from a command are those of its fingerprint value: stored
    /// fingerprints stay valid, so a retry keeps being recognised across versions.
    @Test(arguments: [UInt64(2), 17])
    func writtenBytesEqualTheFingerprintValueForGeneratedCommands(seed: UInt64) throws {
        var generator = LedgerScenarioGenerator(seed: seed, customerTarget: 40)
        generator.includesDunning = true
        var state = LedgerState()
        var methods: Set<String> = []
        for _ in 0..<3_000 {
            let (command, context) = generator.nextCommand(in: state)
            methods.insert(command.method)
            #expect(command.fingerprintBytes == command.fingerprint.encoded(), "\(command)")
            guard let events = try? decide(command, state, context) else { continue }
            for event in events {
                state.evolve(event, EventMeta(sequence: state.head + 1, recordedAtMicros: 0))
            }
        }
        #expect(methods.count >= 12)
    }
    /// `invoice.issue` writes its parameters in key order by hand; they must be the members a
    /// plain builder would sort, for every shape of the command. Checked to fail with two
    /// members swapped.
    @Test(arguments: [UInt64(3), 29])
    func issueInvoiceParametersAreTheBuildersMembersInKeyOrder(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<400 {
            let command = try Self.randomIssue(&random)
            var writer = PayloadWriter()
            command.encodeParameters(into: &writer)
            // The canonical decoder refuses keys out of order.
            let decoded = try PayloadValue.decode(writer.bytes)
            #expect(decoded == Self.builtParameters(command), "\(command)")
            #expect(
                Command.issueInvoice(command).fingerprintBytes
                    == Command.issueInvoice(command).fingerprint.encoded()
            )
        }
    }

    /// The parameters as members handed to a builder in any order: the specification the
    /// hand-ordered encoding is held to.
    private static func builtParameters(_ command: IssueInvoice) -> PayloadValue {
        var object = PayloadObjectBuilder()
        object.add("po_number", string: command.poNumber)
        object.add("issue_date", date: command.issueDate)
        switch command.content {
        case .amount(let amount): object.add("amount", money: amount)
        case .lines(let lines): object.add("lines", .array(lines.map(\.payload)))
        }
        switch command.due {
        case .date(let date): object.add("due_date", date: date)
        case .terms(let terms): object.add("terms", terms.payload)
        case .customerTerms: break
        }
        if !command.instalments.isEmpty {
            object.add("instalments", .array(command.instalments.map(\.payload)))
        }
        if !command.metadata.isEmpty {
            var entries = PayloadObjectBuilder()
            for (key, value) in command.metadata { entries.add(key, string: value) }
            object.add("metadata", entries.value)
        }
        object.add("invoice_id", string: command.invoiceID.rawValue)
        object.add("customer_id", string: command.customerID.rawValue)
        object.add("currency", string: command.currency.code)
        return object.value
    }

    /// An `invoice.issue` of a random shape: amount or lines; due date, terms (with a discount
    /// or a split or neither), instalments or the customer's terms; with or without a PO number
    /// and metadata whose keys share prefixes and use several scripts.
    private static func randomIssue(_ random: inout SplitMix64) throws -> IssueInvoice {
        let issued = date("2026-03-01")
        let content: IssueInvoice.Content
        if Bool.random(using: &random) {
            content = .amount(eur("\(Int.random(in: 1...9_999, using: &random)).25"))
        } else {
            content = .lines(
                try (0..<Int.random(in: 1...3, using: &random)).map { index in
                    try InvoiceLine(
                        description: "line \(index)",
                        quantity: DecimalQuantity(parsing: "2.5")!,
                        unitPrice: eur("\(index + 3).10"),
                        taxRatePercent: DecimalQuantity(parsing: "19")!
                    )
                }
            )
        }
        let total = try IssueInvoice(
            invoiceID: InvoiceID(validated: "I"),
            customerID: CustomerID(validated: "C"),
            currency: eurCurrency,
            content: content,
            issueDate: issued,
            due: .customerTerms
        ).amount
        var instalments: [Instalment] = []
        let due: IssueInvoice.DueDateRule
        switch Int.random(in: 0..<4, using: &random) {
        case 0: due = .date(date("2026-04-15"))
        case 1:
            let discount =
                Bool.random(using: &random)
                ? try EarlyPaymentDiscount(percent: DecimalQuantity(parsing: "2")!, days: 10) : nil
            let split =
                Bool.random(using: &random)
                ? try InstalmentSplit(count: 3, intervalDays: 30) : nil
            due = .terms(PaymentTerms(basis: .net, days: 30, discount: discount, split: split))
        case 2:
            due = .customerTerms
            let first = Money(minorUnits: total.minorUnits / 2, currency: total.currency)
            let second = Money(
                minorUnits: total.minorUnits - first.minorUnits,
                currency: total.currency
            )
            instalments = [
                Instalment(dueDate: date("2026-04-01"), amount: first),
                Instalment(dueDate: date("2026-05-01"), amount: second),
            ]
        default: due = .customerTerms
        }
        let keys = ["region", "reference", "reference_b", "Ref", "ü", "büro", "a"]
        var metadata: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            metadata[keys.randomElement(using: &random)!] = "v"
        }
        return try IssueInvoice(
            invoiceID: InvoiceID(validated: "INV-\(random.next() % 1_000)"),
            customerID: CustomerID(validated: "CUST-\(random.next() % 100)"),
            currency: eurCurrency,
            content: content,
            issueDate: issued,
            due: due,
            poNumber: Bool.random(using: &random) ? "PO-7" : nil,
            metadata: metadata,
            instalments: instalments
        )
    }
}
