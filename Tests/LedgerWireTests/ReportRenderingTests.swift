import Ledger
import LedgerWire
import Testing

/// Reports render in DESIGN's shapes, amounts as decimal strings in each currency's exponent.
struct ReportRenderingTests {
    func render(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func agingRow(
        _ group: AgingReport.Group,
        _ currency: Currency,
        _ buckets: [Int64],
        unapplied: Int64
    )
        -> AgingReport.Row
    {
        AgingReport.Row(
            group: group,
            currency: currency,
            buckets: buckets.map { Fixture.money($0, currency) },
            open: Fixture.money(buckets.reduce(0, +), currency),
            unapplied: Fixture.money(unapplied, currency)
        )
    }

    @Test func agingRendersDesignsExampleExactly() throws {
        let time = ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 5)
        let query = try AgingQuery(time: time)
        let report = AgingReport(
            query: query,
            columns: query.columns,
            rows: [
                agingRow(
                    .customer(Fixture.id("ACME")),
                    Fixture.eur,
                    [0, 0, 69_000, 0, 0],
                    unapplied: 0
                )
            ],
            totals: [agingRow(.currency, Fixture.eur, [0, 0, 69_000, 0, 0], unapplied: 0)]
        )
        let text = render { $0.agingReport(report, requested: .sequence(5)) }
        #expect(
            text
                == #"{"as_of":"2026-03-31","known_at":{"seq":5},"columns":["current","1-30","31-60","61-90","91+"],"rows":[{"customer_id":"ACME","currency":"EUR","current":"0.00","1-30":"0.00","31-60":"690.00","61-90":"0.00","91+":"0.00","open":"690.00","unapplied":"0.00"}],"totals":[{"currency":"EUR","current":"0.00","1-30":"0.00","31-60":"690.00","61-90":"0.00","91+":"0.00","open":"690.00","unapplied":"0.00"}]}"#
        )
    }

    @Test func agingBySegmentNamesTheSegmentOrNullAndEchoesARequestedTime() throws {
        let time = ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 7)
        let query = try AgingQuery(time: time, boundaries: [30], grouping: .segment)
        let report = AgingReport(
            query: query,
            columns: query.columns,
            rows: [
                agingRow(.segment(nil), Fixture.jpy, [5, -2, 0], unapplied: 1),
                agingRow(.segment("smb"), Fixture.jpy, [1, 0, 0], unapplied: 0),
            ],
            totals: []
        )
        let requested = KnownAt.time(micros: 0, text: "2026-04-01T00:00:00Z")
        let text = render { $0.agingReport(report, requested: requested) }
        #expect(
            text
                == #"{"as_of":"2026-03-31","known_at":{"seq":7,"time":"2026-04-01T00:00:00Z"},"columns":["current","1-30","31+"],"rows":[{"segment":null,"currency":"JPY","current":"5","1-30":"-2","31+":"0","open":"3","unapplied":"1"},{"segment":"smb","currency":"JPY","current":"1","1-30":"0","31+":"0","open":"1","unapplied":"0"}],"totals":[]}"#
        )
    }

    @Test func balancesRenderEveryFigureAndNet() {
        var figures = BalanceFigures(currency: Fixture.eur)
        figures.invoiced = Fixture.money(119_000)
        figures.paid = Fixture.money(50_000)
        figures.credited = Fixture.money(1000)
        figures.writtenOff = Fixture.money(5)
        figures.open = Fixture.money(67_995)
        figures.unapplied = Fixture.money(0)
        let report = BalancesReport(
            time: ReportTime(asOf: Fixture.date("2026-03-31"), knownAt: 9),
            rows: [BalanceRow(customerID: Fixture.id("ACME"), figures: figures)],
            totals: [figures]
        )
        let text = render { $0.balancesReport(report, requested: .head) }
        let row =
            #""currency":"EUR","invoiced":"1190.00","paid":"500.00","credited":"10.00","written_off":"0.05","open":"679.95","unapplied":"0.00","net":"679.95"}"#
        #expect(
            text
                == #"{"as_of":"2026-03-31","known_at":{"seq":9},"rows":[{"customer_id":"ACME",\#(row)],"totals":[{\#(row)]}"#
        )
    }

    @Test func anAmountMemberUsesTheCurrencysExponent() {
        let text = render { writer in
            writer.beginObject()
            writer.member("eur", Fixture.money(-5))
            writer.member("jpy", Fixture.money(1234, Fixture.jpy))
            writer.member("kwd", Fixture.money(1, Fixture.currency("KWD")))
            writer.endObject()
        }
        #expect(text == #"{"eur":"-0.05","jpy":"1234","kwd":"0.001"}"#)
    }
}
