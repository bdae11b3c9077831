/// `customer.update`: changes some attributes of a customer; absent fields stay as they are.
package struct UpdateCustomer: Hashable, Sendable {
    /// The customer to change.
    package let customerID: CustomerID
    /// A new name, if any.
    package let name: String?
    /// A new or cleared email.
    package let email: FieldChange<String>?
    /// A new or cleared segment.
    package let segment: FieldChange<String>?
    /// A new or cleared default currency.
    package let currency: FieldChange<Currency>?
    /// New or cleared default terms.
    package let terms: FieldChange<PaymentTerms>?
    /// A new or cleared locale.
    package let locale: FieldChange<String>?
    /// A dunning policy overriding every assignment, or its removal.
    package let dunningPolicy: FieldChange<DunningPolicyID>?
    /// A risk tier overriding the computed one, or its removal.
    package let riskTier: FieldChange<RiskTier>?

    /// Creates the command.
    /// - Throws: ``ParameterError`` for bad text, or when nothing would change.
    package init(
        customerID: CustomerID,
        name: String? = nil,
        email: FieldChange<String>? = nil,
        segment: FieldChange<String>? = nil,
        currency: FieldChange<Currency>? = nil,
        terms: FieldChange<PaymentTerms>? = nil,
        locale: FieldChange<String>? = nil,
        dunningPolicy: FieldChange<DunningPolicyID>? = nil,
        riskTier: FieldChange<RiskTier>? = nil
    ) throws(ParameterError) {
        try ParameterError.checkText(name, field: "name")
        try ParameterError.checkText(email?.newValue, field: "email")
        try ParameterError.checkText(segment?.newValue, field: "segment")
        try ParameterError.checkText(locale?.newValue, field: "locale")
        let changesSomething =
            name != nil || email != nil || segment != nil || currency != nil || terms != nil
            || locale != nil || dunningPolicy != nil || riskTier != nil
        guard changesSomething else {
            throw .invalidValue("customer_id", "customer.update needs at least one field to change")
        }
        self.customerID = customerID
        self.name = name
        self.email = email
        self.segment = segment
        self.currency = currency
        self.terms = terms
        self.locale = locale
        self.dunningPolicy = dunningPolicy
        self.riskTier = riskTier
    }

    /// Whether it changes the customer's own attributes (recorded as `customer.updated`), not
    /// only its dunning overrides.
    package var changesAttributes: Bool {
        name != nil || email != nil || segment != nil || currency != nil || terms != nil
            || locale != nil
    }

    /// The typed parameters in canonical form; a cleared field is `null`.
    package var parameters: PayloadObjectBuilder {
        var object = PayloadObjectBuilder()
        object.add("customer_id", string: customerID.rawValue)
        object.add("name", string: name)
        object.add("email", change: email) { .string($0) }
        object.add("segment", change: segment) { .string($0) }
        object.add("currency", change: currency) { .string($0.code) }
        object.add("terms", change: terms) { $0.payload }
        object.add("locale", change: locale) { .string($0) }
        object.add("dunning_policy", change: dunningPolicy) { .string($0.rawValue) }
        object.add("risk_tier", change: riskTier) { .string($0.rawValue) }
        return object
    }
}
