/// `report.worklist`: who to chase next and why — every invoice past due on `as_of`, riskiest
/// customers first, then the longest overdue, then the largest.
package struct WorklistReport: Hashable, Sendable {
    /// One invoice to chase.
    package struct Row: Hashable, Sendable {
        /// The customer.
        package var customerID: CustomerID
        /// The customer's risk tier and score.
        package var risk: RiskAssessment
        /// The dunning decision a run on `as_of` would make, with the policy, the due date its
        /// ladder counts from, days late, the open amount and the last reminder.
        package var decision: DunningDecision
        /// The step of the last reminder, if any.
        package var lastStep: Int?
        /// The latest promise to pay, if any.
        package var promise: PromiseRecord?
    }

    /// The report time.
    package var time: ReportTime
    /// The rows, in chasing order.
    package var rows: [Row] = []
}

extension LedgerState {
    /// The collections worklist at `time`: open invoices whose oldest open part is past due,
    /// each with the scheduler's decision (which explains the next step or why there is none).
    package func worklist(at time: ReportTime) -> WorklistReport {
        var report = WorklistReport(time: time)
        for customerIndex in 0..<customers.count {
            let customer = customers[customerIndex]
            var risk: RiskAssessment?
            let policy = dunningPolicy(for: customer, at: time)
            for invoiceIndex in customer.invoices {
                let invoice = invoices[Int(invoiceIndex)]
                let open = invoice.openAmount(at: time)
                guard open > 0 else { continue }
                let decision = dunningDecision(invoice, open: open, policy: policy, at: time)
                guard decision.daysOverdue > 0 else { continue }
                if risk == nil { risk = riskAssessment(customer: customerIndex, at: time) }
                let marks = reminderMarks(invoice.id, knownAt: time.knownAt)
                report.rows.append(
                    WorklistReport.Row(
                        customerID: customer.id,
                        risk: risk ?? RiskAssessment(),
                        decision: decision,
                        lastStep: marks.last?.step,
                        promise: invoice.promise(at: time)
                    )
                )
            }
        }
        report.rows.sort { lhs, rhs in
            if lhs.risk.score != rhs.risk.score { return lhs.risk.score > rhs.risk.score }
            if lhs.decision.daysOverdue != rhs.decision.daysOverdue {
                return lhs.decision.daysOverdue > rhs.decision.daysOverdue
            }
            if lhs.decision.open.minorUnits != rhs.decision.open.minorUnits {
                return lhs.decision.open.minorUnits > rhs.decision.open.minorUnits
            }
            return lhs.decision.invoiceID < rhs.decision.invoiceID
        }
        return report
    }
}
