import Foundation
import LedgerWire

/// Prints results in the chosen format. Works on any result shape, so methods whose result
/// is still growing (open items, statements, KPIs) print sensibly before anyone writes a
/// special layout for them.
///
/// - table: scalar members as aligned `name  value` lines, then each array of objects as an
///   aligned table (a report's `totals` bold under its `rows`);
/// - csv: the main array (`rows` plus `totals` with a `kind` column, else the first array of
///   objects) with a header, or `name,value` lines for a single object;
/// - json: the result as the daemon sent it, compact, one line.
struct Renderer {
    /// The format.
    let format: OutputFormat
    /// Colour, for tables.
    let style: TerminalStyle

    /// Writes `result` to standard output.
    func print(_ result: JSONValue) {
        Swift.print(render(result))
    }

    /// `result` as text in the format, without a final line feed.
    func render(_ result: JSONValue) -> String {
        switch format {
        case .json: String(decoding: JSONWriter.encode(result), as: UTF8.self)
        case .csv: csv(result)
        case .table: table(result)
        }
    }

    private func table(_ result: JSONValue) -> String {
        if let elements = result.objectElements {
            return TextTable(rows: elements.map { FlatRow($0) }).render(style: style)
        }
        var sections: [String] = []
        let scalars = FlatRow(result)
        if !scalars.cells.isEmpty {
            let width = scalars.cells.map(\.name.count).max() ?? 0
            sections.append(
                scalars.cells.map { cell in
                    let padding = String(repeating: " ", count: width - cell.name.count)
                    let text =
                        cell.value.isDecimalString && AmountText.isAmountColumn(cell.name)
                        ? AmountText.grouped(cell.value.text) : cell.value.singleLine
                    return (cell.name + padding + "  " + text).trailingSpacesRemoved
                }
                .joined(separator: "\n")
            )
        }
        guard case .object(let members) = result else { return sections.joined() }
        let totals = result["totals"]?.objectElements ?? []
        for member in members {
            guard let elements = member.value.objectElements else { continue }
            if member.key == "totals", result["rows"] != nil { continue }
            let emphasised = member.key == "rows" ? totals.map { FlatRow($0) } : []
            let body =
                elements.isEmpty && emphasised.isEmpty
                ? "(none)"
                : TextTable(rows: elements.map { FlatRow($0) }, emphasised: emphasised)
                    .render(style: style)
            sections.append(style.bold(member.key + ":") + "\n" + body)
            sections += nestedSections(member.key, elements)
        }
        return sections.joined(separator: "\n\n")
    }

    /// Tables for arrays of objects inside the elements of a table (a statement's movements
    /// per currency, an open item's instalments), each titled by its path, such as
    /// `currencies[EUR].movements:`; the element is named by its first `…_id` cell, else its
    /// first text cell.
    private func nestedSections(_ key: String, _ elements: [JSONValue]) -> [String] {
        var sections: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let members) = element else { continue }
            let cells = FlatRow(element).cells
            let label =
                (cells.first { $0.name.hasSuffix("_id") } ?? cells.first { !$0.value.isNumber })?
                .value.singleLine ?? "\(index)"
            for member in members {
                guard let nested = member.value.objectElements, !nested.isEmpty else { continue }
                let path = "\(key)[\(label)].\(member.key)"
                let body = TextTable(rows: nested.map { FlatRow($0) }).render(style: style)
                sections.append(style.bold(path + ":") + "\n" + body)
                sections += nestedSections(path, nested)
            }
        }
        return sections
    }

    /// Rows for CSV: an element with an array of objects inside becomes one row per nested
    /// object, led by the element's own cells (a statement's movements with their currency).
    static func flattened(_ elements: [JSONValue]) -> [FlatRow] {
        elements.flatMap { element -> [FlatRow] in
            let own = FlatRow(element)
            guard case .object(let members) = element,
                let nested = members.lazy.compactMap({ $0.value.objectElements })
                    .first(where: { !$0.isEmpty })
            else { return [own] }
            return flattened(nested).map { inner in
                var row = own
                for cell in inner.cells where row[cell.name] == nil { row.cells.append(cell) }
                return row
            }
        }
    }

    private func csv(_ result: JSONValue) -> String {
        let rows: [FlatRow]
        var kinds: [String]?
        if let elements = result.objectElements {
            rows = Self.flattened(elements)
        } else if let main = result["rows"]?.objectElements {
            let totals = result["totals"]?.objectElements ?? []
            rows = (main + totals).map { FlatRow($0) }
            kinds =
                Array(repeating: "row", count: main.count)
                + Array(repeating: "total", count: totals.count)
        } else if case .object(let members) = result,
            let main = members.first(where: { $0.value.objectElements?.isEmpty == false })
        {
            rows = Self.flattened(main.value.objectElements ?? [])
        } else {
            let scalars = FlatRow(result)
            return (["name,value"] + scalars.cells.map { CSV.line([$0.name, $0.value.text]) })
                .joined(separator: "\n")
        }
        let table = TextTable(rows: rows)
        var lines = [CSV.line((kinds == nil ? [] : ["kind"]) + table.columns)]
        for (index, row) in rows.enumerated() {
            let cells = table.columns.map { row[$0]?.text ?? "" }
            lines.append(CSV.line((kinds.map { [$0[index]] } ?? []) + cells))
        }
        return lines.joined(separator: "\n")
    }
}

/// RFC 4180 CSV lines.
enum CSV {
    /// One line of fields, each quoted when it holds a comma, quote or line break.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A field, quoted and with doubled quotes when needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
