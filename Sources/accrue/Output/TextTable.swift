/// An aligned text table: a bold header, numbers and amounts right-aligned, amounts with
/// thousands separators, negative amounts red, marked rows (totals) bold.
struct TextTable {
    /// The column names, in order.
    var columns: [String]
    /// The rows; a missing cell prints empty.
    var rows: [(row: FlatRow, emphasised: Bool)] = []

    /// A table whose columns are every name the rows have, in order of first appearance.
    init(rows: [FlatRow], emphasised: [FlatRow] = []) {
        var columns: [String] = []
        for row in rows + emphasised {
            for cell in row.cells where !columns.contains(cell.name) { columns.append(cell.name) }
        }
        self.columns = columns
        self.rows = rows.map { ($0, false) } + emphasised.map { ($0, true) }
    }

    /// The table as lines of text.
    func render(style: TerminalStyle) -> String {
        let texts = rows.map { entry in
            var cells = columns.map { column in display(entry.row[column], column) }
            // A totals row has no group; label it where the group would be.
            if entry.emphasised, cells.first?.isEmpty == true { cells[0] = "total" }
            return cells
        }
        var widths = columns.map(\.count)
        for cells in texts {
            for (index, cell) in cells.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let rightAligned = columns.map { column in
            rows.contains { entry in
                guard let value = entry.row[column] else { return false }
                return value.isNumber
                    || (value.isDecimalString && AmountText.isAmountColumn(column))
            }
        }
        func line(_ cells: [String]) -> [String] {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned[index] ? padding + cell : cell + padding
            }
        }
        var output = [style.bold(line(columns).joined(separator: "  "))]
        for (entry, cells) in zip(rows, texts) {
            let padded = line(cells).enumerated().map { index, cell in
                cells[index].hasPrefix("-") && rightAligned[index] ? style.red(cell) : cell
            }
            let text = padded.joined(separator: "  ")
            output.append(entry.emphasised ? style.bold(text) : text)
        }
        return output.map { $0.trailingSpacesRemoved }.joined(separator: "\n")
    }

    private func display(_ value: FlatValue?, _ column: String) -> String {
        guard let value else { return "" }
        if value.isDecimalString, AmountText.isAmountColumn(column) {
            return AmountText.grouped(value.text)
        }
        return value.singleLine
    }
}

extension String {
    /// The string without trailing spaces (escape sequences end in `m`, so are kept).
    var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
