/// An RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks;
/// each record keeps the line number it starts on, for error messages.
struct CSVReader {
    /// One record: its fields and the 1-based line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// Why the text is not CSV.
    struct SyntaxError: Error, CustomStringConvertible {
        var line: Int
        var description: String { "line \(line): unterminated quoted field" }
    }

    /// Every non-empty record of `text`.
    ///
    /// - Throws: ``SyntaxError`` for a quoted field that never ends.
    static func records(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        func endRecord() {
            fields.append(field)
            if fields != [""] { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
        }
        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        if inQuotes { throw SyntaxError(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
