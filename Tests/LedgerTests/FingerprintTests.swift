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
}
