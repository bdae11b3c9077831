import Foundation
import LedgerWire

/// A JSON object flattened to named text cells for tables and CSV: nested objects become
/// dotted names (`known_at.seq`), arrays of scalars a comma-separated list.
struct FlatRow {
    /// The cells in the object's member order.
    var cells: [(name: String, value: FlatValue)] = []

    /// Flattens `object`'s members; arrays of objects and empty arrays are left out (they become
    /// tables of their own).
    init(_ object: JSONValue, prefix: String = "") {
        guard case .object(let members) = object else { return }
        for member in members {
            let name = prefix + member.key
            switch member.value {
            case .object:
                cells += FlatRow(member.value, prefix: name + ".").cells
            case .array(let elements)
            where elements.isEmpty || elements.contains(where: \.isObject):
                // Tables of their own, "(none)" when empty.
                continue
            default:
                cells.append((name, FlatValue(member.value)))
            }
        }
    }

    /// The value of the cell `name`, if present.
    subscript(name: String) -> FlatValue? {
        cells.first { $0.name == name }?.value
    }
}

/// One cell's text and whether it is a number (right-aligned) or an amount (grouped digits).
struct FlatValue {
    /// The text as the wire has it.
    var text: String
    /// A JSON number.
    var isNumber = false
    /// A JSON string holding a decimal amount.
    var isDecimalString = false

    init(_ value: JSONValue) {
        switch value {
        case .null: text = ""
        case .bool(let flag): text = flag ? "true" : "false"
        case .number(let number):
            text = number.text
            isNumber = true
        case .string(let string):
            text = string
            isDecimalString = AmountText.isDecimal(string)
        case .array(let elements): text = elements.map { FlatValue($0).text }.joined(separator: ",")
        case .object: text = String(decoding: JSONWriter.encode(value), as: UTF8.self)
        }
    }

    /// The text on one line, for a table: line breaks written as `\n` (a reminder's body).
    var singleLine: String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }
}

extension JSONValue {
    /// Whether this is a JSON object.
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// The elements when this is an array of objects (or an empty array), else `nil`.
    var objectElements: [JSONValue]? {
        guard case .array(let elements) = self, elements.allSatisfy(\.isObject) else { return nil }
        return elements
    }
}
