/// `customer.register`: adds a customer with its attributes.
package struct RegisterCustomer: Hashable, Sendable {
    /// The new customer's id; must not exist yet.
    package let customerID: CustomerID
    /// The customer's name.
    package let name: String
    /// Where reminders and statements go.
    package let email: String?
    /// A free grouping for reports, such as `enterprise`.
    package let segment: String?
    /// The customer's usual currency; informational, invoices carry their own.
    package let currency: Currency?
    /// Default payment terms for invoices issued without a due date or terms.
    package let terms: PaymentTerms?
    /// A locale tag for documents, such as `de-DE`.
    package let locale: String?

    /// Creates the command.
    /// - Throws: ``ParameterError`` for empty or overlong text.
    package init(
        customerID: CustomerID,
        name: String,
        email: String? = nil,
        segment: String? = nil,
        currency: Currency? = nil,
        terms: PaymentTerms? = nil,
        locale: String? = nil
    ) throws(ParameterError) {
        try ParameterError.checkText(name, field: "name")
        try ParameterError.checkText(email, field: "email")
        try ParameterError.checkText(segment, field: "segment")
        try ParameterError.checkText(locale, field: "locale")
        self.customerID = customerID
        self.name = name
        self.email = email
        self.segment = segment
        self.currency = currency
        self.terms = terms
        self.locale = locale
    }

    /// The typed parameters in canonical form.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("customer_id", string: customerID.rawValue)
        object.add("name", string: name)
        object.add("email", string: email)
        object.add("segment", string: segment)
        object.add("currency", string: currency?.code)
        object.add("terms", terms?.payload)
        object.add("locale", string: locale)
        return object
    }
}
