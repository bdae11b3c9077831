import Ledger
import LedgerWire
import Testing

/// Report params parse into requests whose time the caller resolves.
struct ReportRequestTests {
    func reader(_ json: String) throws -> ParamReader {
        try ParamReader(try JSONParser.parse(Array(json.utf8)))
    }

    @Test func agingReadsBucketsBasisAndGrouping() throws {
        var params = try reader(
            #"{"as_of":"2026-03-31","known_at":{"seq":5},"buckets":[15,45],"basis":"invoice_date","group_by":"segment"}"#
        )
        let request = try ReportRequest.Aging.read(&params)
        try params.finish()
        #expect(
            request.time
                == ReportRequest.Time(asOf: Fixture.date("2026-03-31"), knownAt: .sequence(5))
        )
        let time = request.time.resolved(today: Fixture.date("2026-11-01"), knownAtSequence: 5)
        let query = request.query(at: time)
        #expect(query.time == ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 5))
        #expect(query.boundaries == [15, 45])
        #expect(query.basis == .invoiceDate)
        #expect(query.grouping == .segment)
        #expect(query.columns == ["current", "1-15", "16-45", "46+"])
    }

    @Test func defaultsLeaveAsOfAndKnownAtToTheCaller() throws {
        var params = try reader("{}")
        let request = try ReportRequest.Aging.read(&params)
        #expect(request.time == ReportRequest.Time())
        let time = request.time.resolved(today: Fixture.date("2026-11-01"), knownAtSequence: 42)
        let query = request.query(at: time)
        #expect(query.time == ReportTime(asOf: Fixture.date("2026-11-01"), knownAt: 42))
        #expect(query.boundaries == [30, 60, 90])
        #expect(query.basis == .dueDate)
        #expect(query.grouping == .customer)
    }

    @Test func knownAtTakesASequenceOrAnRFC3339Time() throws {
        var params = try reader(#"{"known_at":{"time":"2026-01-05T01:00:00.5+01:00"}}"#)
        let knownAt = try KnownAt.read(&params)
        let micros = Int64(Fixture.date("2026-01-05").daysSinceEpoch) * 86_400_000_000 + 500_000
        #expect(knownAt == .time(micros: micros, text: "2026-01-05T01:00:00.5+01:00"))
    }

    @Test(arguments: [
        ("2026-01-05T00:00:00Z", Int64(0)), ("2026-01-05t00:00:00.000001z", 1),
        ("2026-01-04T23:00:00-01:00", 0), ("2026-01-05 00:00:01.1234567Z", 1_123_456),
    ])
    func rfc3339TimesParse(text: String, microsAfterMidnight: Int64) {
        let midnight = Int64(Fixture.date("2026-01-05").daysSinceEpoch) * 86_400_000_000
        #expect(RFC3339.micros(parsing: text) == midnight + microsAfterMidnight)
    }

    @Test(arguments: [
        "2026-01-05", "2026-01-05T00:00:00", "2026-01-05T24:00:00Z", "2026-02-30T00:00:00Z",
        "2026-01-05T00:00:00.Z", "2026-01-05T00:00:00+0100", "2026-01-05T00:00:00Zjunk",
    ])
    func malformedTimesAreRefused(text: String) {
        #expect(RFC3339.micros(parsing: text) == nil)
    }

    @Test func listsReadFiltersAndCursors() throws {
        var params = try reader(
            #"{"customer_id":"ACME","status":"open","currency":"EUR","due_before":"2026-03-01","due_after":"2026-01-01","after":"7","limit":2}"#
        )
        let request = try ReportRequest.InvoiceList.read(&params)
        try params.finish()
        let query = request.query(at: ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 9))
        #expect(query.customer == Fixture.id("ACME"))
        #expect(query.status == .open)
        #expect(query.currency == Fixture.eur)
        #expect(query.dueBefore == Fixture.date("2026-03-01"))
        #expect(query.dueAfter == Fixture.date("2026-01-01"))
        #expect(query.after == ListCursor(position: 7))
        #expect(query.limit == 2)
        var customers = try reader(#"{"segment":"smb","limit":1000}"#)
        let list = try ReportRequest.CustomerList.read(&customers)
        #expect(list.segment == "smb")
        #expect(list.limit == 1000)
        #expect(list.after == nil)
    }

    @Test(arguments: [
        (#"{"as_of":"2026-13-01"}"#, "invalid_date", "as_of"),
        (#"{"known_at":5}"#, "wrong_type", "known_at"),
        (#"{"known_at":{}}"#, "missing_field", "known_at.seq"),
        (#"{"known_at":{"seq":0}}"#, "out_of_range", "known_at.seq"),
        (
            #"{"known_at":{"seq":1,"time":"2026-01-05T00:00:00Z"}}"#, "invalid_value",
            "known_at.time"
        ),
        (#"{"known_at":{"time":"yesterday"}}"#, "invalid_date", "known_at.time"),
        (#"{"known_at":{"sequence":1}}"#, "unknown_field", "known_at.sequence"),
        (#"{"buckets":[60,30]}"#, "invalid_value", "buckets"),
        (#"{"buckets":[]}"#, "invalid_value", "buckets"),
        (#"{"buckets":["30"]}"#, "wrong_type", "buckets[0]"),
        (#"{"basis":"due"}"#, "invalid_value", "basis"),
        (#"{"group_by":"region"}"#, "invalid_value", "group_by"),
    ])
    func malformedAgingParamsAreRefused(json: String, reason: String, field: String) throws {
        var params = try reader(json)
        do {
            _ = try ReportRequest.Aging.read(&params)
            try params.finish()
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.reason == reason)
            #expect(error.field == field)
        }
    }

    @Test(arguments: [
        (#"{"status":"late"}"#, "invalid_value", "status"),
        (#"{"after":"-1"}"#, "invalid_value", "after"),
        (#"{"after":"abc"}"#, "invalid_value", "after"),
        (#"{"limit":0}"#, "out_of_range", "limit"),
        (#"{"limit":1001}"#, "out_of_range", "limit"),
        (#"{"currency":"euro"}"#, "invalid_currency", "currency"),
        (#"{"due_before":"2026-1-1"}"#, "invalid_date", "due_before"),
    ])
    func malformedListParamsAreRefused(json: String, reason: String, field: String) throws {
        var params = try reader(json)
        do {
            _ = try ReportRequest.InvoiceList.read(&params)
            try params.finish()
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.reason == reason)
            #expect(error.field == field)
        }
    }

    @Test func entityLookupsNeedTheirID() throws {
        var customer = try reader(#"{"customer_id":"ACME","as_of":"2026-01-31"}"#)
        let request = try ReportRequest.Customer.read(&customer)
        #expect(request.customerID == Fixture.id("ACME"))
        #expect(request.time.asOf == Fixture.date("2026-01-31"))
        var invoice = try reader(#"{}"#)
        #expect(
            throws: RPCError.invalidParams(
                reason: "missing_field",
                field: "invoice_id",
                message: "missing field invoice_id"
            )
        ) {
            try ReportRequest.Invoice.read(&invoice)
        }
        var balances = try reader(#"{"customer_id":"ACME"}"#)
        #expect(try ReportRequest.Balances.read(&balances).customerID == Fixture.id("ACME"))
    }
}
