import ArgumentParser
import LedgerWire

/// What a CSV file holds, its documented columns, and how a row becomes a request.
enum ImportKind: String, ExpressibleByArgument, CaseIterable {
    case customers
    case invoices
    case payments

    /// The method each row calls.
    var method: String {
        switch self {
        case .customers: "customer.register"
        case .invoices: "invoice.issue"
        case .payments: "payment.record"
        }
    }

    /// The column that identifies a row (part of its command id).
    var keyColumn: String {
        switch self {
        case .customers: "customer_id"
        case .invoices: "invoice_id"
        case .payments: "payment_id"
        }
    }

    /// The columns that must be present and non-empty.
    var requiredColumns: [String] {
        switch self {
        case .customers: ["customer_id", "name"]
        case .invoices: ["invoice_id", "customer_id", "currency", "amount", "issue_date"]
        case .payments: ["payment_id", "customer_id", "currency", "amount", "date"]
        }
    }

    /// Every column the header may name.
    var columns: [String] {
        switch self {
        case .customers: requiredColumns + ["email", "segment", "currency", "terms", "locale"]
        case .invoices: requiredColumns + ["due_date", "terms", "po_number"]
        case .payments: requiredColumns + ["method", "reference", "allocations"]
        }
    }

    /// The request params for one row; empty cells are left out.
    ///
    /// `terms` is `net:30`-style; a payment's `allocations` is `INV-1=500.00;INV-2=20.00`,
    /// empty for automatic allocation, or `none` to leave it all unapplied.
    /// - Throws: A `ValidationError` naming the bad cell.
    func params(_ row: [String: String]) throws -> Params {
        var params = Params()
        for column in columns {
            guard let value = row[column], !value.isEmpty else { continue }
            switch column {
            case "terms": params[column] = try ValueParsing.terms(value)
            case "allocations":
                params[column] =
                    value == "none"
                    ? .array([])
                    : try ValueParsing.allocations(value.split(separator: ";").map(String.init))
            default: params.set(column, value)
            }
        }
        if self == .payments, params["method"] == nil { params.set("method", "bank_transfer") }
        return params
    }
}
