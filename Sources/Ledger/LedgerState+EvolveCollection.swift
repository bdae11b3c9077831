extension LedgerState {
    /// Applies the events beyond the core: discounts, refunds, disputes and promises.
    /// - Precondition: the event is one of those and consistent with the state.
    mutating func evolveCollection(_ event: LedgerEvent, sequence: UInt64) {
        switch event {
        case .invoiceDiscountTaken(let event):
            let application = InvoiceApplication(
                kind: .discount,
                amount: event.amount.minorUnits,
                time: FactTime(date: event.date, sequence: sequence),
                source: Int32(requirePayment(event.paymentID))
            )
            apply(application, to: requireInvoice(event.invoiceID))
        case .paymentRefunded(let event):
            let time = FactTime(date: event.date, sequence: sequence)
            payments.update(at: requirePayment(event.paymentID)) { record in
                record.refunds.append(
                    RefundRecord(amount: event.amount.minorUnits, time: time, reason: event.reason)
                )
                record.refundedAtHead += event.amount.minorUnits
            }
        case .invoiceDisputed(let event):
            let time = FactTime(date: event.date, sequence: sequence)
            invoices.update(at: requireInvoice(event.invoiceID)) { record in
                record.disputes.append(DisputeRecord(opened: time, reason: event.reason))
            }
        case .invoiceDisputeResolved(let event):
            let time = FactTime(date: event.date, sequence: sequence)
            invoices.update(at: requireInvoice(event.invoiceID)) { record in
                guard let last = record.disputes.indices.last, record.disputes[last].resolved == nil
                else { preconditionFailure("resolution of invoice \(record.id) without a dispute") }
                record.disputes[last].resolved = time
                record.disputes[last].resolution = event.resolution
            }
        case .invoicePromised(let event):
            let promise = PromiseRecord(
                amount: event.amount.minorUnits,
                promisedDate: event.promisedDate,
                time: FactTime(date: event.date, sequence: sequence)
            )
            invoices.update(at: requireInvoice(event.invoiceID)) { $0.promises.append(promise) }
        default:
            preconditionFailure("\(event.typeName) is not a collection event")
        }
    }
}
