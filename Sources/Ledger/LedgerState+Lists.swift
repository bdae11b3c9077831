/// The filters of `invoice.list`.
package struct InvoiceListQuery: Hashable, Sendable {
    /// The report time.
    package var time: ReportTime
    /// Only this customer's invoices.
    package var customer: CustomerID?
    /// Only invoices with this status at the report time.
    package var status: InvoiceView.Status?
    /// Only this currency.
    package var currency: Currency?
    /// Only invoices due strictly before this date.
    package var dueBefore: LedgerDate?
    /// Only invoices due strictly after this date.
    package var dueAfter: LedgerDate?
    /// Where to continue, from the previous page's `next`.
    package var after: ListCursor?
    /// Page size, 1...1000.
    package var limit: Int

    /// Creates a query; the limit is clamped to 1...1000.
    package init(
        time: ReportTime,
        customer: CustomerID? = nil,
        status: InvoiceView.Status? = nil,
        currency: Currency? = nil,
        dueBefore: LedgerDate? = nil,
        dueAfter: LedgerDate? = nil,
        after: ListCursor? = nil,
        limit: Int = 100
    ) {
        self.time = time
        self.customer = customer
        self.status = status
        self.currency = currency
        self.dueBefore = dueBefore
        self.dueAfter = dueAfter
        self.after = after
        self.limit = min(max(limit, 1), ListPage<InvoiceView>.maximumLimit)
    }
}

extension LedgerState {
    /// `invoice.list`: invoices known and issued at the query's time, in issue order.
    package func invoiceList(_ query: InvoiceListQuery) -> ListPage<InvoiceView> {
        let start = query.after?.position ?? 0
        var candidates: [Int] = []
        if let customer = query.customer {
            guard let index = customerIndex(customer) else { return ListPage(items: [], next: nil) }
            candidates = customers[index].invoices.lazy.map(Int.init).filter { $0 >= start }
        }
        var items: [InvoiceView] = []
        var position = start
        var next: ListCursor?
        var iterator = candidates.makeIterator()
        while true {
            let index: Int
            if query.customer != nil {
                guard let candidate = iterator.next() else { break }
                index = candidate
            } else {
                guard position < invoices.count else { break }
                index = position
                position += 1
            }
            guard items.count < query.limit else {
                next = ListCursor(position: index)
                break
            }
            let invoice = invoices[index]
            if let currency = query.currency, invoice.currency != currency { continue }
            if let before = query.dueBefore, invoice.dueDate >= before { continue }
            if let after = query.dueAfter, invoice.dueDate <= after { continue }
            guard let view = invoiceView(at: index, time: query.time, withHistory: false) else {
                continue
            }
            if let status = query.status, view.status != status { continue }
            items.append(view)
        }
        return ListPage(items: items, next: next)
    }

    /// `customer.list`: customers known at `time`, optionally of one segment, in registration order.
    package func customerList(
        at time: ReportTime,
        segment: String? = nil,
        after: ListCursor? = nil,
        limit: Int = 100
    ) -> ListPage<CustomerView> {
        let limit = min(max(limit, 1), ListPage<CustomerView>.maximumLimit)
        var items: [CustomerView] = []
        var index = after?.position ?? 0
        while index < customers.count {
            let customer = customers[index]
            if customer.registeredSequence <= time.knownAt,
                segment == nil || customer.segment == segment
            {
                guard items.count < limit else {
                    return ListPage(items: items, next: ListCursor(position: index))
                }
                items.append(CustomerView(record: customer, balances: []))
            }
            index += 1
        }
        return ListPage(items: items, next: nil)
    }
}
