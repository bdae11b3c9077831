/// What a customer looks like at a report time (`customer.get`, `customer.list`).
package struct CustomerView: Hashable, Sendable {
    /// The attributes, as of the head (attribute changes are not effective-dated).
    package let record: CustomerRecord
    /// Non-zero balances per currency at the report time; empty in list pages.
    package let balances: [BalanceFigures]

    /// The customer's id.
    package var customerID: CustomerID { record.id }
}

extension LedgerState {
    /// The customer with its balances at `time`, or nil if unknown at `knownAt`.
    package func customerView(_ id: CustomerID, at time: ReportTime) -> CustomerView? {
        guard let index = customerIndex(id), customers[index].registeredSequence <= time.knownAt
        else {
            return nil
        }
        return CustomerView(
            record: customers[index],
            balances: balances(ofCustomer: index, at: time)
        )
    }
}
