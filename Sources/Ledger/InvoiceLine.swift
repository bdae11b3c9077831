/// One line of an invoice: description, quantity, unit price and tax rate in percent.
///
/// A line's amount is `quantity × unit price` plus `tax rate %` of that, each product rounded
/// half-even to the currency's minor unit per line; the invoice stores the sum as its amount.
package struct InvoiceLine: Hashable, Sendable {
    /// What was sold.
    package let description: String
    /// How many units; positive.
    package let quantity: DecimalQuantity
    /// The price of one unit, before tax; not negative.
    package let unitPrice: Money
    /// The tax rate in percent (19 for 19 %), 0...100.
    package let taxRatePercent: DecimalQuantity

    /// Creates a line.
    /// - Throws: ``ParameterError`` for empty text, a zero quantity, a negative price or a rate over 100.
    package init(
        description: String,
        quantity: DecimalQuantity,
        unitPrice: Money,
        taxRatePercent: DecimalQuantity,
        field: String = "lines"
    ) throws(ParameterError) {
        guard TextRules.isValid(description) else { throw .invalidText("\(field).description") }
        guard quantity.significand > 0 else { throw .nonPositiveAmount("\(field).quantity") }
        guard unitPrice.minorUnits >= 0 else {
            throw .invalidValue("\(field).unit_price", "unit_price must not be negative")
        }
        guard taxRatePercent.significand <= 100 * taxRatePercent.denominator else {
            throw .invalidValue("\(field).tax_rate", "tax_rate must be 0 to 100")
        }
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.taxRatePercent = taxRatePercent
    }

    /// `quantity × unit price`, rounded half-even; nil on overflow.
    package var netAmount: Money? {
        unitPrice.multiplied(by: quantity.significand, dividedBy: quantity.denominator)
    }

    /// The tax on ``netAmount``, rounded half-even; nil on overflow.
    package var taxAmount: Money? {
        netAmount?.multiplied(
            by: taxRatePercent.significand,
            dividedBy: 100 * taxRatePercent.denominator
        )
    }

    /// Net plus tax; nil on overflow.
    package var totalAmount: Money? {
        guard let net = netAmount, let tax = taxAmount,
            Money.isInRange(net.minorUnits + tax.minorUnits)
        else { return nil }
        return net + tax
    }

    /// The canonical payload form; amounts in the line's currency.
    package var payload: PayloadValue {
        .object([
            PayloadMember("description", .string(description)),
            PayloadMember("quantity", .string(quantity.description)),
            PayloadMember("tax_rate", .string(taxRatePercent.description)),
            PayloadMember("unit_price", .string(unitPrice.decimalText)),
        ])
    }
}
