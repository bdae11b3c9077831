/// A customer's credit risk class, which selects a dunning policy unless one is assigned.
package enum RiskTier: String, Hashable, Sendable, CaseIterable {
    /// Pays on time, little overdue.
    case low
    /// Some lateness or overdue exposure.
    case medium
    /// Habitually late or heavily overdue.
    case high
}

/// The inputs and result of the risk formula for one customer as of a date, so the tier can be
/// explained: every figure that went in is here.
///
/// The formula (points out of 100; integer arithmetic, divisions rounded down except the
/// exposure ratio, which is rounded half to even):
/// - lateness: `min(average days late, 60) × 40 / 60`, over invoices settled by `as_of`;
/// - late share: `settled late × 30 / settled`;
/// - exposure: `overdue open × 30 / open`, the highest over the customer's currencies.
/// A score below 20 is `low`, below 50 `medium`, otherwise `high`. A customer without history
/// scores 0.
package struct RiskAssessment: Hashable, Sendable {
    /// Invoices settled (open amount zero or less) by `as_of`.
    package var settledInvoices = 0
    /// Of those, settled after their due date.
    package var settledLate = 0
    /// The average days from due date to settlement over settled invoices (early counts as 0).
    package var averageDaysLate = 0
    /// Open amounts past due, per currency.
    package var overdue: [Money] = []
    /// Open amounts, per currency.
    package var open: [Money] = []
    /// Points for lateness (0...40).
    package var latenessPoints = 0
    /// Points for the share paid late (0...30).
    package var lateSharePoints = 0
    /// Points for overdue exposure (0...30).
    package var exposurePoints = 0
    /// A tier set on the customer by `customer.update`, which replaces the computed one.
    package var override: RiskTier?

    /// Creates an empty assessment.
    package init() {}

    /// The score out of 100.
    package var score: Int { latenessPoints + lateSharePoints + exposurePoints }

    /// The tier in force: the override, else the tier the score gives.
    package var tier: RiskTier { override ?? computedTier }

    /// The tier the score gives.
    package var computedTier: RiskTier {
        switch score {
        case ..<20: .low
        case ..<50: .medium
        default: .high
        }
    }
}

extension LedgerState {
    /// The risk formula of ``RiskAssessment`` for the customer at `index`, over its invoices as
    /// of `time`.
    package func riskAssessment(customer index: Int, at time: ReportTime) -> RiskAssessment {
        var result = RiskAssessment()
        result.override = dunning.tierOverrides[customers[index].id]
        var daysLateTotal = 0
        var open: [Currency: (open: Int64, overdue: Int64)] = [:]
        for invoiceIndex in customers[index].invoices {
            let invoice = invoices[Int(invoiceIndex)]
            guard invoice.counts(at: time) else { continue }
            let openAmount = invoice.openAmount(at: time)
            if openAmount <= 0 {
                guard let settled = invoice.settlementDate(at: time) else { continue }
                let late = max(0, settled.days(since: invoice.dueDate))
                result.settledInvoices += 1
                if late > 0 { result.settledLate += 1 }
                daysLateTotal += late
            } else {
                let overdue = invoice.schedule(openAmount: openAmount)
                    .filter { $0.dueDate < time.asOf }.reduce(0) { $0 + max($1.open, 0) }
                let sums = open[invoice.currency] ?? (0, 0)
                open[invoice.currency] = (sums.open + openAmount, sums.overdue + overdue)
            }
        }
        if result.settledInvoices > 0 {
            result.averageDaysLate = daysLateTotal / result.settledInvoices
            result.latenessPoints = min(result.averageDaysLate, 60) * 40 / 60
            result.lateSharePoints = result.settledLate * 30 / result.settledInvoices
        }
        for (currency, sums) in open.sorted(by: { $0.key < $1.key }) {
            result.open.append(Money(minorUnits: sums.open, currency: currency))
            result.overdue.append(Money(minorUnits: sums.overdue, currency: currency))
            let points = Int(Money.roundHalfEven(sums.overdue, times: 30, over: sums.open) ?? 30)
            result.exposurePoints = max(result.exposurePoints, min(points, 30))
        }
        return result
    }
}

extension InvoiceRecord {
    /// The date on which what was applied by `time` first covered the amount, or nil if it
    /// never did (or the invoice does not count).
    package func settlementDate(at time: ReportTime) -> LedgerDate? {
        guard counts(at: time) else { return nil }
        var applied: Int64 = 0
        let visible = applications.filter { $0.counts(at: time) }.sorted {
            $0.time.date < $1.time.date
        }
        for application in visible {
            applied += application.amount
            if applied >= amount.minorUnits { return application.time.date }
        }
        return nil
    }
}
