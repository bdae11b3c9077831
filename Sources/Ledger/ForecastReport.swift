/// `report.forecast`: expected collections per ISO week, per currency, from each open part's
/// due date shifted by its customer's own average days late (or a promise to pay in force).
///
/// An expected date before `from` (already late beyond the customer's habit) counts in the first
/// week; one after the last week goes to `later`. Disputed invoices are left out and shown in
/// `disputed`, since nobody can say when they will be paid.
package struct ForecastReport: Hashable, Sendable {
    /// One ISO week's expected collections.
    package struct Week: Hashable, Sendable {
        /// The week's Monday.
        package var start: LedgerDate
        /// Its ISO label, such as `2026-W07`.
        package var label: String
        /// Expected per currency, sorted by currency.
        package var expected: [Money]
    }

    /// The first day.
    package var from: LedgerDate
    /// The report time (as of `from`).
    package var time: ReportTime
    /// The weeks, in order.
    package var weeks: [Week] = []
    /// Expected after the last week, per currency.
    package var later: [Money] = []
    /// Open on disputed invoices, per currency.
    package var disputed: [Money] = []
}

extension LedgerState {
    /// The forecast for `weeks` ISO weeks starting with the week of `time.asOf`.
    package func forecast(at time: ReportTime, weeks count: Int) -> ForecastReport {
        let from = time.asOf
        let firstMonday = from.adding(days: -(from.isoWeekday - 1))
        var buckets = Array(repeating: [Currency: Int64](), count: count)
        var later: [Currency: Int64] = [:]
        var disputed: [Currency: Int64] = [:]
        for customerIndex in 0..<customers.count {
            let customer = customers[customerIndex]
            var averageLate: Int?
            for invoiceIndex in customer.openInvoices {
                let invoice = invoices[Int(invoiceIndex)]
                let open = invoice.openAmount(at: time)
                guard open > 0 else { continue }
                if invoice.dispute(at: time) != nil {
                    disputed[invoice.currency, default: 0] += open
                    continue
                }
                if averageLate == nil {
                    averageLate = riskAssessment(customer: customerIndex, at: time).averageDaysLate
                }
                let promise = invoice.promise(at: time).flatMap {
                    $0.promisedDate >= from ? $0 : nil
                }
                for part in invoice.schedule(openAmount: open) where part.open > 0 {
                    let expected = max(
                        promise?.promisedDate ?? part.dueDate.adding(days: averageLate ?? 0),
                        from
                    )
                    let week = expected.days(since: firstMonday) / 7
                    if week < count {
                        buckets[week][invoice.currency, default: 0] += part.open
                    } else {
                        later[invoice.currency, default: 0] += part.open
                    }
                }
            }
        }
        func amounts(_ sums: [Currency: Int64]) -> [Money] {
            sums.sorted { $0.key < $1.key }.map { Money(minorUnits: $0.value, currency: $0.key) }
        }
        var report = ForecastReport(from: from, time: time)
        for (index, sums) in buckets.enumerated() {
            let start = firstMonday.adding(days: 7 * index)
            report.weeks.append(
                ForecastReport.Week(
                    start: start,
                    label: start.isoWeekLabel,
                    expected: amounts(sums)
                )
            )
        }
        report.later = amounts(later)
        report.disputed = amounts(disputed)
        return report
    }
}

extension LedgerDate {
    /// The ISO weekday: 1 for Monday through 7 for Sunday.
    package var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let days = Int(daysSinceEpoch) + 3
        return ((days % 7) + 7) % 7 + 1
    }

    /// The ISO week label, such as `2026-W07`: the week belongs to the year of its Thursday.
    package var isoWeekLabel: String {
        let thursday = adding(days: 4 - isoWeekday)
        let year = thursday.components.year
        let firstOfYear = LedgerDate(year: year, month: 1, day: 1) ?? thursday
        let week = thursday.days(since: firstOfYear) / 7 + 1
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }
}
