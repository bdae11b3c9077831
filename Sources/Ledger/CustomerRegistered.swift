/// `customer.registered`: a customer was added.
package struct CustomerRegistered: Hashable, Sendable {
    /// The customer's id.
    package var customerID: CustomerID
    /// The name.
    package var name: String
    /// Where reminders go.
    package var email: String?
    /// The reporting segment.
    package var segment: String?
    /// The usual currency.
    package var currency: Currency?
    /// Default payment terms.
    package var terms: PaymentTerms?
    /// The locale for documents.
    package var locale: String?

    /// Creates the event.
    package init(
        customerID: CustomerID,
        name: String,
        email: String? = nil,
        segment: String? = nil,
        currency: Currency? = nil,
        terms: PaymentTerms? = nil,
        locale: String? = nil
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

extension CustomerRegistered {
    /// The event a valid registration records.
    package init(_ command: RegisterCustomer) {
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
