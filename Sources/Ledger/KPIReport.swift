/// `report.kpis`: collection KPIs per currency over `from`...`to` (both inclusive).
///
/// With AR the open receivables (the sum of open invoice amounts, unapplied cash not netted),
/// `days` = to − from + 1, and credit sales the invoices issued in the period (not voided by
/// `to`):
/// - DSO = AR at `to` ÷ credit sales × days;
/// - best possible DSO = current AR at `to` (not yet due: days past due ≤ 0) ÷ credit sales × days;
/// - ADD = DSO − best possible DSO;
/// - CEI = (AR at start + credit sales − AR at `to`) ÷ (AR at start + credit sales − current AR
///   at `to`) × 100, AR at start being the AR at the end of the day before `from`.
///
/// The ratios are kept in hundredths, each rounded half-even once (ADD is the difference of the
/// rounded DSOs, so the figures shown add up); nil where the divisor is not positive.
package struct KPIReport: Hashable, Sendable {
    /// One currency's figures.
    package struct Row: Hashable, Sendable {
        /// The currency.
        package let currency: Currency
        /// AR at the end of the day before `from`.
        package let arStart: Money
        /// AR at the end of `to`.
        package let arEnd: Money
        /// The part of ``arEnd`` not yet due.
        package let currentAREnd: Money
        /// Invoices issued in the period.
        package let creditSales: Money
        /// Days sales outstanding, in hundredths of a day.
        package let dsoHundredths: Int64?
        /// Best possible DSO, in hundredths of a day.
        package let bestPossibleDSOHundredths: Int64?
        /// Average days delinquent, in hundredths of a day.
        package let addHundredths: Int64?
        /// Collection effectiveness index, in hundredths of a percent.
        package let ceiHundredths: Int64?
    }

    /// The first day of the period.
    package let from: LedgerDate
    /// The last day of the period.
    package let to: LedgerDate
    /// The log position it looks from.
    package let knownAt: UInt64
    /// Days in the period.
    package let days: Int
    /// One row per currency with any AR or sales, sorted.
    package let rows: [Row]
}

extension LedgerState {
    /// `report.kpis` over `from`...`to` as known at `knownAt`, optionally in one currency.
    /// - Precondition: `from <= to`.
    package func kpis(from: LedgerDate, to: LedgerDate, knownAt: UInt64, currency: Currency? = nil)
        -> KPIReport
    {
        precondition(from <= to, "KPI period ends before it starts")
        let start = ReportTime(asOf: from.adding(days: -1), knownAt: knownAt)
        let end = ReportTime(asOf: to, knownAt: knownAt)
        var sums: [Currency: KPISums] = [:]
        invoices.forEach { invoice in
            guard invoice.pointee.sequence <= knownAt, invoice.pointee.issueDate <= to,
                currency.map({ $0 == invoice.pointee.currency }) ?? true
            else { return }
            var figures = KPISums()
            figures.arStart = invoice.pointee.openAmount(at: start)
            figures.arEnd = invoice.pointee.openAmount(at: end)
            if invoice.pointee.instalments.isEmpty {
                if invoice.pointee.dueDate >= to { figures.currentEnd = figures.arEnd }
            } else {
                for part in invoice.pointee.schedule(openAmount: figures.arEnd)
                where part.dueDate >= to {
                    figures.currentEnd += part.open
                }
            }
            if invoice.pointee.issueDate >= from, invoice.pointee.counts(at: end) {
                figures.sales = invoice.pointee.amount.minorUnits
            }
            guard !figures.isZero else { return }
            sums[invoice.pointee.currency, default: KPISums()].add(figures)
        }
        let days = to.days(since: from) + 1
        let rows = sums.keys.sorted().compactMap { code in
            sums[code].map { kpiRow(code, $0, days: days) }
        }
        return KPIReport(from: from, to: to, knownAt: knownAt, days: days, rows: rows)
    }

    private func kpiRow(_ currency: Currency, _ sums: KPISums, days: Int) -> KPIReport.Row {
        let scale = Int64(days) * 100
        let dso =
            sums.sales > 0 ? Money.roundHalfEven(sums.arEnd, times: scale, over: sums.sales) : nil
        let best =
            sums.sales > 0
            ? Money.roundHalfEven(sums.currentEnd, times: scale, over: sums.sales) : nil
        let add = dso.flatMap { dso in best.map { dso - $0 } }
        let collectible = sums.arStart + sums.sales - sums.currentEnd
        let collected = sums.arStart + sums.sales - sums.arEnd
        let cei =
            collectible > 0 ? Money.roundHalfEven(collected, times: 10_000, over: collectible) : nil
        return KPIReport.Row(
            currency: currency,
            arStart: Money(minorUnits: sums.arStart, currency: currency),
            arEnd: Money(minorUnits: sums.arEnd, currency: currency),
            currentAREnd: Money(minorUnits: sums.currentEnd, currency: currency),
            creditSales: Money(minorUnits: sums.sales, currency: currency),
            dsoHundredths: dso,
            bestPossibleDSOHundredths: best,
            addHundredths: add,
            ceiHundredths: cei
        )
    }
}

/// Running KPI sums of one currency, in minor units.
private struct KPISums {
    var arStart: Int64 = 0
    var arEnd: Int64 = 0
    var currentEnd: Int64 = 0
    var sales: Int64 = 0

    var isZero: Bool { arStart == 0 && arEnd == 0 && currentEnd == 0 && sales == 0 }

    mutating func add(_ other: KPISums) {
        arStart += other.arStart
        arEnd += other.arEnd
        currentEnd += other.currentEnd
        sales += other.sales
    }
}
