import Ledger
import Testing

/// The typed codec against the generic one, and its validation.
struct EventCodecTests {
    static let terms = PaymentTerms.endOfMonth(plusDays: 10)

    static let samples: [LedgerEvent] = [
        .ledgerCreated(ledgerID: "ledger-1"),
        .ledgerConfigured(
            LedgerConfigured(
                timeZone: "Europe/Berlin",
                writeOffTolerances: [eur("0.05"), money("1", "JPY")]
            )
        ),
        .ledgerConfigured(
            LedgerConfigured(timeZone: nil, writeOffTolerances: [money("0.010", "KWD")])
        ),
        .customerRegistered(
            CustomerRegistered(
                customerID: CustomerID(validated: "ACME"),
                name: "Acme GmbH",
                email: "ap@acme.example",
                segment: "smb",
                currency: eurCurrency,
                terms: terms,
                locale: "de-DE"
            )
        ),
        .customerRegistered(
            CustomerRegistered(customerID: CustomerID(validated: "Ü-1"), name: "Überweisung AG")
        ),
        .customerUpdated(
            CustomerUpdated(
                customerID: CustomerID(validated: "ACME"),
                name: "Acme AG",
                email: .clear,
                segment: .set("enterprise"),
                currency: .set(usdCurrency),
                terms: .clear,
                locale: .set("en")
            )
        ),
        .invoiceIssued(
            InvoiceIssued(
                invoiceID: InvoiceID(validated: "INV-1"),
                customerID: CustomerID(validated: "ACME"),
                amount: eur("1190.00"),
                issueDate: date("2026-01-05"),
                dueDate: date("2026-02-04")
            )
        ),
        .invoiceIssued(
            InvoiceIssued(
                invoiceID: InvoiceID(validated: "INV-2"),
                customerID: CustomerID(validated: "ACME"),
                amount: eur("35.70"),
                issueDate: date("2026-01-05"),
                dueDate: date("2026-02-10"),
                terms: terms,
                lines: [
                    must {
                        try InvoiceLine(
                            description: "Hours",
                            quantity: decimal("2.5"),
                            unitPrice: eur("12.00"),
                            taxRatePercent: decimal("19")
                        )
                    }
                ],
                poNumber: "PO-9",
                metadata: ["zeta": "z", "alpha": "a", "Ärger": "ä"]
            )
        ),
        .invoiceVoided(
            InvoiceVoided(
                invoiceID: InvoiceID(validated: "INV-1"),
                date: date("2026-01-06"),
                reason: "typo"
            )
        ),
        // Strings of 128 bytes and more take a two-byte length, off the readers' fast path.
        .invoiceVoided(
            InvoiceVoided(
                invoiceID: InvoiceID(validated: String(repeating: "I", count: 128)),
                date: date("2026-01-06"),
                reason: String(repeating: "ü", count: 150)
            )
        ),
        .invoiceWrittenOff(
            InvoiceWrittenOff(
                invoiceID: InvoiceID(validated: "INV-1"),
                amount: eur("0.03"),
                date: date("2026-02-01"),
                reason: "tolerance",
                automatic: true
            )
        ),
        .creditNoteIssued(
            CreditNoteIssued(
                creditNoteID: CreditNoteID(validated: "CN-1"),
                customerID: CustomerID(validated: "ACME"),
                amount: money("5", "JPY"),
                date: date("2026-01-07"),
                invoiceID: InvoiceID(validated: "INV-1"),
                reason: "discount"
            )
        ),
        .creditNoteIssued(
            CreditNoteIssued(
                creditNoteID: CreditNoteID(validated: "CN-2"),
                customerID: CustomerID(validated: "ACME"),
                amount: eur("7.00"),
                date: date("2026-01-07"),
                reason: "goodwill"
            )
        ),
        .paymentReceived(
            PaymentReceived(
                paymentID: PaymentID(validated: "PAY-1"),
                customerID: CustomerID(validated: "ACME"),
                amount: eur("500.00"),
                date: date("2026-02-10"),
                method: "bank_transfer",
                reference: "RF18"
            )
        ),
        .paymentAllocated(
            PaymentAllocated(
                paymentID: PaymentID(validated: "PAY-1"),
                date: date("2026-02-10"),
                allocations: [
                    Allocation(invoiceID: InvoiceID(validated: "INV-1"), amount: eur("500.00")),
                    Allocation(invoiceID: InvoiceID(validated: "INV-0"), amount: eur("0.01")),
                ],
                automatic: true
            )
        ),
        .paymentReversed(
            PaymentReversed(
                paymentID: PaymentID(validated: "PAY-1"),
                date: date("2026-03-01"),
                reason: "chargeback"
            )
        ),
        .periodClosed(PeriodClosed(through: date("2025-12-31"))),
    ]

    @Test(arguments: samples)
    func typedBytesEqualTheGenericEncodingAndRoundTrip(event: LedgerEvent) throws {
        let encoded = EventCodec.encode(event)
        #expect(encoded.type == event.typeName)
        #expect(encoded.version == 1)
        let generic = try PayloadValue.decode(encoded.payload)
        #expect(generic.encoded() == encoded.payload)
        let decoded = try EventCodec.decode(
            type: encoded.type,
            version: encoded.version,
            payload: encoded.payload
        )
        #expect(decoded == event)
    }

    @Test func typedBytesEqualGenericBytesForEveryGeneratedEvent() throws {
        var generator = LedgerScenarioGenerator(seed: 5, customerTarget: 30)
        for (event, _) in generator.run(events: 2000).events {
            let encoded = EventCodec.encode(event)
            #expect(try PayloadValue.decode(encoded.payload).encoded() == encoded.payload)
        }
    }

    @Test func designExamplePayloadHasTheDocumentedBytes() {
        let payload = EventCodec.encode(.periodClosed(PeriodClosed(through: date("2025-12-31"))))
            .payload
        let expected: [UInt8] =
            [0x06, 0x01, 0x07] + Array("through".utf8) + [0x04, 0x0A] + Array("2025-12-31".utf8)
        #expect(payload == expected)
    }

    @Test func unknownTypeAndNewerVersionAreRefused() {
        #expect(throws: EventDecodingError.unknownType("invoice.eaten")) {
            try EventCodec.decode(type: "invoice.eaten", version: 1, payload: [0x06, 0x00])
        }
        // Names of a known name's length, dunning ones included, are compared byte by byte.
        for name in ["invoice.issuex", "reminder.sens", "dunning.configureD"] {
            #expect(throws: EventDecodingError.unknownType(name)) {
                try EventCodec.decode(type: name, version: 1, payload: [0x06, 0x00])
            }
        }
        #expect(throws: EventDecodingError.unsupportedVersion(type: "period.closed", version: 2)) {
            try EventCodec.decode(type: "period.closed", version: 2, payload: [0x06, 0x00])
        }
    }

    static func generic(_ members: [(String, PayloadValue)]) -> [UInt8] {
        PayloadValue.object(sorting: members.map { PayloadMember($0.0, $0.1) }).encoded()
    }

    @Test func invalidValuesAreRefusedAfterDecoding() {
        let base: [(String, PayloadValue)] = [
            ("amount", .string("500.00")), ("currency", .string("EUR")),
            ("customer_id", .string("ACME")),
            ("date", .string("2026-02-10")), ("method", .string("bank_transfer")),
            ("payment_id", .string("P1")),
        ]
        #expect(
            (try? EventCodec.decode(
                type: "payment.received",
                version: 1,
                payload: Self.generic(base)
            )) != nil
        )
        let cases: [(String, PayloadValue, String)] = [
            ("amount", .string("0.00"), "amount"), ("amount", .string("500.5"), "amount"),
            ("amount", .string("-1.00"), "amount"), ("date", .string("2026-02-30"), "date"),
            ("currency", .string("XXX"), "currency"), ("payment_id", .string(""), "payment_id"),
            ("customer_id", .string("A\u{7}"), "customer_id"),
        ]
        for (key, value, field) in cases {
            let members = base.map { $0.0 == key ? (key, value) : $0 }
            #expect(throws: EventDecodingError.invalidField(field)) {
                try EventCodec.decode(
                    type: "payment.received",
                    version: 1,
                    payload: Self.generic(members)
                )
            }
        }
    }

    @Test func unknownMissingAndUnsortedMembersAreRefused() {
        let extra = Self.generic([("extra", .null), ("through", .string("2025-12-31"))])
        #expect(throws: EventDecodingError.self) {
            try EventCodec.decode(type: "period.closed", version: 1, payload: extra)
        }
        #expect(throws: EventDecodingError.self) {
            try EventCodec.decode(type: "period.closed", version: 1, payload: Self.generic([]))
        }
        let unsorted: [UInt8] =
            [0x06, 0x02, 0x04] + Array("date".utf8) + [0x04, 0x0A] + Array("2026-01-01".utf8)
            + [0x0A] + Array("invoice_id".utf8) + [0x04, 0x01, 0x41]
        let swapped: [UInt8] =
            [0x06, 0x02, 0x0A] + Array("invoice_id".utf8) + [0x04, 0x01, 0x41]
            + [0x04] + Array("date".utf8) + [0x04, 0x0A] + Array("2026-01-01".utf8)
        #expect((try? PayloadValue.decode(unsorted)) != nil)
        #expect(throws: PayloadDecodingError.self) { try PayloadValue.decode(swapped) }
    }
}
