/// Rules for free text in commands and events (names, reasons, references).
package enum TextRules {
    /// The longest free-text field in UTF-8 bytes.
    package static let maximumByteCount = 1024

    /// Whether `text` is acceptable free text: non-empty, at most `maximumBytes`, and without
    /// control characters, so it can go into logs, CSV and mail headers unescaped.
    package static func isValid(_ text: String, maximumBytes: Int = maximumByteCount) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            !utf8.isEmpty && utf8.count <= maximumBytes
                && UTF8Validation.isValid(UnsafeRawBufferPointer(utf8), allowingControls: false)
        }
    }
}
