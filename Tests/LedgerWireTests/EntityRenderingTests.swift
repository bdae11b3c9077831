import Ledger
import LedgerWire
import Testing

/// `customer.get`, `invoice.get` and the lists render from a ledger built with decoded commands.
struct EntityRenderingTests {
    /// ACME, INV-1 (1190.00 EUR with a line), PAY-1 (500.00 applied), BETA without anything.
    func ledger() throws -> LedgerState {
        let writes: [(String, String)] = [
            (
                "customer.register",
                #"{"customer_id":"ACME","name":"Acme","segment":"smb","terms":{"kind":"net","days":30}}"#
            ),
            ("customer.register", #"{"customer_id":"BETA","name":"Beta"}"#),
            (
                "invoice.issue",
                #"{"invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","lines":[{"description":"Work","quantity":"10","unit_price":"100.00","tax_rate":"19"}],"issue_date":"2026-01-05","po_number":"PO-1","metadata":{"b":"2","a":"1"}}"#
            ),
            (
                "payment.record",
                #"{"payment_id":"PAY-1","customer_id":"ACME","currency":"EUR","amount":"500.00","date":"2026-02-10","method":"bank_transfer"}"#
            ),
        ]
        var state = LedgerState()
        var sequence: UInt64 = 1
        for (method, params) in writes {
            let command = try decodeCommand(method, params)
            let events = try decide(
                command,
                state,
                DecisionContext(today: Fixture.date("2026-11-01"))
            )
            for event in events {
                sequence += 1
                state.evolve(
                    event,
                    EventMeta(sequence: sequence, recordedAtMicros: Int64(sequence))
                )
            }
        }
        return state
    }

    func render(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func customerGetShowsAttributesAndBalances() throws {
        let state = try ledger()
        let time = ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 6)
        let view = try #require(state.customerView(Fixture.id("ACME"), at: time))
        let text = render { $0.customerView(view, time: time, requested: .head) }
        #expect(
            text
                == #"{"as_of":"2026-03-31","known_at":{"seq":6},"customer_id":"ACME","name":"Acme","segment":"smb","terms":{"kind":"net","days":30},"balances":[{"currency":"EUR","invoiced":"1190.00","paid":"500.00","credited":"0.00","written_off":"0.00","open":"690.00","unapplied":"0.00","net":"690.00"}]}"#
        )
    }

    @Test func invoiceGetShowsFiguresDetailsAndHistory() throws {
        let state = try ledger()
        let time = ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 6)
        let view = try #require(state.invoiceView(Fixture.id("INV-1"), at: time))
        let text = render { $0.invoiceView(view, time: time, requested: .sequence(6)) }
        #expect(
            text
                == #"{"as_of":"2026-03-31","known_at":{"seq":6},"invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"1190.00","issue_date":"2026-01-05","due_date":"2026-02-04","status":"open","open":"690.00","allocated":"500.00","credited":"0.00","written_off":"0.00","disputed":false,"terms":{"kind":"net","days":30},"po_number":"PO-1","lines":[{"description":"Work","quantity":"10","tax_rate":"19","unit_price":"100.00"}],"metadata":{"a":"1","b":"2"},"history":[{"kind":"issued","amount":"1190.00","date":"2026-01-05","seq":4},{"kind":"allocation","amount":"500.00","date":"2026-02-10","seq":6,"reference":"PAY-1"}]}"#
        )
    }

    @Test func listsPageWithANextCursor() throws {
        let state = try ledger()
        let time = ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 6)
        let customers = state.customerList(at: time, limit: 1)
        let first = render { $0.customerList(customers, time: time, requested: .head) }
        #expect(
            first
                == #"{"as_of":"2026-03-31","known_at":{"seq":6},"customers":[{"customer_id":"ACME","name":"Acme","segment":"smb","terms":{"kind":"net","days":30}}],"next_cursor":"1"}"#
        )
        let invoices = state.invoiceList(InvoiceListQuery(time: time))
        let list = render { $0.invoiceList(invoices, time: time, requested: .head) }
        #expect(
            list
                == #"{"as_of":"2026-03-31","known_at":{"seq":6},"invoices":[{"invoice_id":"INV-1","customer_id":"ACME","currency":"EUR","amount":"1190.00","issue_date":"2026-01-05","due_date":"2026-02-04","status":"open","open":"690.00","allocated":"500.00","credited":"0.00","written_off":"0.00"}],"next_cursor":null}"#
        )
    }
}
