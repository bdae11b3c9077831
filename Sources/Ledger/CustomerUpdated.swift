/// `customer.updated`: some attributes of a customer changed.
package struct CustomerUpdated: Hashable, Sendable {
    /// The customer's id.
    package var customerID: CustomerID
    /// A new name, if changed.
    package var name: String?
    /// A changed email.
    package var email: FieldChange<String>?
    /// A changed segment.
    package var segment: FieldChange<String>?
    /// A changed default currency.
    package var currency: FieldChange<Currency>?
    /// Changed default terms.
    package var terms: FieldChange<PaymentTerms>?
    /// A changed locale.
    package var locale: FieldChange<String>?

    /// Creates the event.
    package init(
        customerID: CustomerID,
        name: String? = nil,
        email: FieldChange<String>? = nil,
        segment: FieldChange<String>? = nil,
        currency: FieldChange<Currency>? = nil,
        terms: FieldChange<PaymentTerms>? = nil,
        locale: FieldChange<String>? = nil
    ) {
        self.customerID = customerID
        self.name = name
        self.email = email
        self.segment = segment
        self.currency = currency
        self.terms = terms
        self.locale = locale
    }
}

extension CustomerUpdated {
    /// The event a valid update records.
    package init(_ command: UpdateCustomer) {
        self.init(
            customerID: command.customerID,
            name: command.name,
            email: command.email,
            segment: command.segment,
            currency: command.currency,
            terms: command.terms,
            locale: command.locale
        )
    }
}
