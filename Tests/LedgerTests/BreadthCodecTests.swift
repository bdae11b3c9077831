import Ledger
import Testing

/// The typed codec of the breadth events and of instalments and discount terms on
/// `invoice.issued`: canonical bytes, round trips, and what decoding refuses.
struct BreadthCodecTests {
    static let terms = discountTerms("2.5", 10, net: 30)
    static let split = PaymentTerms(
        basis: .endOfMonth,
        days: 10,
        discount: must { try EarlyPaymentDiscount(percent: decimal("1"), days: 5) },
        split: must { try InstalmentSplit(count: 2, intervalDays: 30) }
    )

    static let samples: [LedgerEvent] = [
        .invoiceIssued(
            InvoiceIssued(
                invoiceID: InvoiceID(validated: "INV-9"),
                customerID: CustomerID(validated: "ACME"),
                amount: eur("100.00"),
                issueDate: date("2026-01-05"),
                dueDate: date("2026-03-05"),
                terms: terms,
                instalments: [
                    Instalment(dueDate: date("2026-02-05"), amount: eur("60.00")),
                    Instalment(dueDate: date("2026-03-05"), amount: eur("40.00")),
                ]
            )
        ),
        .customerRegistered(
            CustomerRegistered(customerID: CustomerID(validated: "C"), name: "C", terms: split)
        ),
        .invoiceDiscountTaken(
            InvoiceDiscountTaken(
                invoiceID: InvoiceID(validated: "INV-9"),
                paymentID: PaymentID(validated: "P1"),
                amount: eur("2.50"),
                date: date("2026-01-10")
            )
        ),
        .paymentRefunded(
            PaymentRefunded(
                paymentID: PaymentID(validated: "P1"),
                amount: money("5", "JPY"),
                date: date("2026-01-11"),
                reason: "overpaid"
            )
        ),
        .invoiceDisputed(
            InvoiceDisputed(
                invoiceID: InvoiceID(validated: "INV-9"),
                date: date("2026-01-12"),
                reason: "price"
            )
        ),
        .invoiceDisputeResolved(
            InvoiceDisputeResolved(
                invoiceID: InvoiceID(validated: "INV-9"),
                date: date("2026-01-13"),
                resolution: "explained"
            )
        ),
        .invoicePromised(
            InvoicePromised(
                invoiceID: InvoiceID(validated: "INV-9"),
                amount: money("1.500", "KWD"),
                date: date("2026-01-14"),
                promisedDate: date("2026-01-31")
            )
        ),
    ]

    @Test(arguments: samples)
    func typedBytesEqualTheGenericEncodingAndRoundTrip(event: LedgerEvent) throws {
        let encoded = EventCodec.encode(event)
        #expect(encoded.type == event.typeName)
        #expect(LedgerEvent.currentVersions[encoded.type] == 1)
        let generic = try PayloadValue.decode(encoded.payload)
        #expect(generic.encoded() == encoded.payload)
        let decoded = try EventCodec.decode(
            type: encoded.type,
            version: encoded.version,
            payload: encoded.payload
        )
        #expect(decoded == event)
    }

    @Test func schedulesThatDoNotAddUpOrTextThatIsNotCanonicalAreRefused() throws {
        let encoded = EventCodec.encode(Self.samples[0])
        guard case .object(let members) = try PayloadValue.decode(encoded.payload) else {
            Issue.record("not an object")
            return
        }
        func replacing(_ key: String, _ value: PayloadValue) -> [UInt8] {
            PayloadValue.object(
                sorting: members.map { $0.key == key ? PayloadMember(key, value) : $0 }
            )
            .encoded()
        }
        let short = replacing(
            "instalments",
            .array([
                .object([
                    PayloadMember("amount", .string("60.00")),
                    PayloadMember("due_date", .string("2026-02-05")),
                ]),
                .object([
                    PayloadMember("amount", .string("39.99")),
                    PayloadMember("due_date", .string("2026-03-05")),
                ]),
            ])
        )
        #expect(throws: EventDecodingError.invalidField("instalments")) {
            try EventCodec.decode(type: "invoice.issued", version: 1, payload: short)
        }
        let padded = replacing(
            "terms",
            .object([
                PayloadMember("days", .int(30)),
                PayloadMember(
                    "discount",
                    .object([
                        PayloadMember("days", .int(10)), PayloadMember("percent", .string("2.50")),
                    ])
                ),
                PayloadMember("kind", .string("net")),
            ])
        )
        #expect(throws: EventDecodingError.invalidField("terms")) {
            try EventCodec.decode(type: "invoice.issued", version: 1, payload: padded)
        }
    }
}
