package import Ledger

extension JSONWriter {
    /// Writes `customer.get`'s result: the customer's attributes (as of the head), its
    /// non-zero `balances` per currency at the report time, `as_of` and `known_at`, and, when
    /// given, its `dunning` standing.
    ///
    /// - Parameters:
    ///   - view: The customer at the report time.
    ///   - time: The resolved report time.
    ///   - requested: The `known_at` as requested.
    ///   - dunning: The risk tier at the report time and the policy in force, if any.
    package mutating func customerView(
        _ view: CustomerView,
        time: ReportTime,
        requested: KnownAt,
        dunning: CustomerDunning? = nil
    ) {
        beginObject()
        reportTime(time, requested: requested)
        customerAttributes(view.record)
        key("balances")
        beginArray()
        for figures in view.balances { balanceFigures(figures, customerID: nil) }
        endArray()
        if let dunning { customerDunning(dunning) }
        endObject()
    }

    /// Writes a customer's attributes as members of the open object; absent ones are left out.
    mutating func customerAttributes(_ record: CustomerRecord) {
        member("customer_id", record.id.rawValue)
        member("name", record.name)
        if let email = record.email { member("email", email) }
        if let segment = record.segment { member("segment", segment) }
        if let currency = record.currency { member("currency", currency.code) }
        if let terms = record.terms { self.terms("terms", terms) }
        if let locale = record.locale { member("locale", locale) }
    }

    /// Writes payment terms as `{"kind": …, "days": N}`, with `discount: {percent, days}` and
    /// `instalments: {count, interval_days}` when present.
    mutating func terms(_ name: String, _ terms: PaymentTerms) {
        key(name)
        beginObject()
        member("kind", terms.kind)
        member("days", Int64(terms.days))
        if let discount = terms.discount {
            key("discount")
            beginObject()
            member("percent", discount.percent.description)
            member("days", Int64(discount.days))
            endObject()
        }
        if let split = terms.split {
            key("instalments")
            beginObject()
            member("count", Int64(split.count))
            member("interval_days", Int64(split.intervalDays))
            endObject()
        }
        endObject()
    }

    /// Writes `invoice.get`'s result: amounts and status at the report time, the invoice's
    /// recorded details and its `history`, with `as_of` and `known_at`.
    ///
    /// - Parameters:
    ///   - view: The invoice at the report time.
    ///   - time: The resolved report time.
    ///   - requested: The `known_at` as requested.
    package mutating func invoiceView(_ view: InvoiceView, time: ReportTime, requested: KnownAt) {
        beginObject()
        reportTime(time, requested: requested)
        invoiceFigures(view)
        let record = view.record
        collectionState(
            dispute: view.dispute,
            promise: view.promise,
            instalments: view.instalments,
            currency: view.amount.currency
        )
        if let terms = record.terms { self.terms("terms", terms) }
        if let poNumber = record.poNumber { member("po_number", poNumber) }
        if !record.lines.isEmpty {
            key("lines")
            beginArray()
            for line in record.lines { payload(line.payload) }
            endArray()
        }
        if !record.metadata.isEmpty {
            key("metadata")
            beginObject()
            for (name, value) in record.metadata.sorted(by: { $0.key < $1.key }) {
                member(name, value)
            }
            endObject()
        }
        key("history")
        beginArray()
        for entry in view.history { historyEntry(entry) }
        endArray()
        endObject()
    }

    /// Writes the figures of an invoice at a report time as members of the open object.
    mutating func invoiceFigures(_ view: InvoiceView) {
        member("invoice_id", view.invoiceID.rawValue)
        member("customer_id", view.customerID.rawValue)
        member("currency", view.amount.currency.code)
        member("amount", view.amount)
        member("issue_date", view.issueDate.description)
        member("due_date", view.dueDate.description)
        member("status", view.status.rawValue)
        member("open", view.open)
        member("allocated", view.allocated)
        member("credited", view.credited)
        member("written_off", view.writtenOff)
    }

    private mutating func historyEntry(_ entry: InvoiceView.HistoryEntry) {
        beginObject()
        member("kind", entry.kind.rawValue)
        if let amount = entry.amount { member("amount", amount) }
        member("date", entry.time.date.description)
        member("seq", Int64(entry.time.sequence))
        if let reference = entry.reference { member("reference", reference) }
        endObject()
    }

    /// Writes `customer.list`'s result: `{as_of, known_at, customers, next_cursor}`, with
    /// `next_cursor` null on the last page.
    package mutating func customerList(
        _ page: ListPage<CustomerView>,
        time: ReportTime,
        requested: KnownAt
    ) {
        beginObject()
        reportTime(time, requested: requested)
        key("customers")
        beginArray()
        for view in page.items {
            beginObject()
            customerAttributes(view.record)
            endObject()
        }
        endArray()
        nextCursor(page.next)
        endObject()
    }

    /// Writes `invoice.list`'s result: `{as_of, known_at, invoices, next_cursor}`, each
    /// invoice with its figures at the report time.
    package mutating func invoiceList(
        _ page: ListPage<InvoiceView>,
        time: ReportTime,
        requested: KnownAt
    ) {
        beginObject()
        reportTime(time, requested: requested)
        key("invoices")
        beginArray()
        for view in page.items {
            beginObject()
            invoiceFigures(view)
            endObject()
        }
        endArray()
        nextCursor(page.next)
        endObject()
    }

    private mutating func nextCursor(_ cursor: ListCursor?) {
        key("next_cursor")
        if let cursor { string(cursor.token) } else { null() }
    }
}
