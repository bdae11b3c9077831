/// A movement before it is sorted and given its running balance.
struct RawMovement {
    var date: LedgerDate
    var sequence: UInt64
    /// Breaks ties between movements of one event, such as a reversal and its discount.
    var order: Int
    var kind: StatementReport.MovementKind
    var reference: String
    var currency: Currency
    var amount: Int64
}

/// Collects the movements effective within a period and known at a sequence.
struct MovementCollector {
    let from: LedgerDate
    let to: LedgerDate
    let knownAt: UInt64
    var movements: [RawMovement] = []

    /// Adds a movement if it falls in the period and is known.
    mutating func add(
        _ time: FactTime,
        _ kind: StatementReport.MovementKind,
        _ reference: String,
        _ currency: Currency,
        _ amount: Int64,
        order: Int = 0
    ) {
        guard time.sequence <= knownAt, time.date >= from, time.date <= to, amount != 0 else {
            return
        }
        movements.append(
            RawMovement(
                date: time.date,
                sequence: time.sequence,
                order: order,
                kind: kind,
                reference: reference,
                currency: currency,
                amount: amount
            )
        )
    }
}

extension LedgerState {
    /// Every change of the customer's `net` (invoiced − paid − credited − written off), so
    /// that the opening balance plus the movements of a period is the closing balance.
    ///
    /// A reversal takes back the payment as it stood the day before (less earlier refunds), and
    /// the discounts it earned; refunds and discounts dated on or after a known reversal never
    /// counted, so they do not move the balance either.
    func collectMovements(of customer: CustomerRecord, into collector: inout MovementCollector) {
        let knownAt = collector.knownAt
        for index in customer.invoices {
            let invoice = invoices[Int(index)]
            let currency = invoice.currency
            let reference = invoice.id.rawValue
            let issued = FactTime(date: invoice.issueDate, sequence: invoice.sequence)
            collector.add(issued, .invoice, reference, currency, invoice.amount.minorUnits)
            if let void = invoice.void {
                collector.add(void, .void, reference, currency, -invoice.amount.minorUnits)
            }
            for application in invoice.applications {
                switch application.kind {
                case .allocation: continue
                case .creditNote: continue  // Listed from the credit notes themselves.
                case .writeOff, .automaticWriteOff:
                    collector.add(
                        application.time,
                        .writeOff,
                        reference,
                        currency,
                        -application.amount
                    )
                case .discount:
                    let revoked = application.revocation.flatMap {
                        $0.sequence <= knownAt ? $0 : nil
                    }
                    if let revoked, revoked.date <= application.time.date { continue }
                    collector.add(
                        application.time,
                        .discount,
                        reference,
                        currency,
                        -application.amount
                    )
                    if let revoked {
                        collector.add(
                            revoked,
                            .discountReversal,
                            reference,
                            currency,
                            application.amount,
                            order: 1
                        )
                    }
                }
            }
        }
        for index in customer.payments {
            collectPaymentMovements(payments[Int(index)], into: &collector)
        }
        for index in customer.creditNotes {
            let creditNote = creditNotes[Int(index)]
            collector.add(
                creditNote.time,
                .creditNote,
                creditNote.id.rawValue,
                creditNote.amount.currency,
                -creditNote.amount.minorUnits
            )
        }
    }

    private func collectPaymentMovements(
        _ payment: PaymentRecord,
        into collector: inout MovementCollector
    ) {
        let currency = payment.currency
        let reference = payment.id.rawValue
        collector.add(payment.time, .payment, reference, currency, -payment.amount.minorUnits)
        let reversal = payment.reversal.flatMap { $0.sequence <= collector.knownAt ? $0 : nil }
        var refundedBefore: Int64 = 0
        for refund in payment.refunds {
            if let reversal, refund.time.date >= reversal.date { continue }
            collector.add(refund.time, .refund, reference, currency, refund.amount)
            if refund.time.sequence <= collector.knownAt { refundedBefore += refund.amount }
        }
        if let reversal {
            collector.add(
                reversal,
                .reversal,
                reference,
                currency,
                payment.amount.minorUnits - refundedBefore
            )
        }
    }
}
