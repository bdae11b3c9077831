internal import TOMLKit

/// One table of the configuration file, read key by key: each typed getter remembers the key
/// it consumed, so ``finish()`` can refuse every key nobody asked for (TOMLKit itself ignores
/// unknown keys), and every error names the full dotted key.
struct TOMLSection {
    /// The dotted path of this table, such as `channels.mail`; empty for the root.
    let path: String
    private let table: TOMLTable
    private var consumed: Set<String> = []

    init(_ table: TOMLTable, path: String) {
        self.table = table
        self.path = path
    }

    /// Every key present in this table, in the file's sorted order.
    var keys: [String] { table.keys.sorted() }

    /// The dotted name of `key` inside this table.
    func keyPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// A string value, or `nil` when the key is absent.
    mutating func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = take(key) else { return nil }
        guard let text = value.string else { throw wrongType(key, value, expected: "a string") }
        return text
    }

    /// A string that must not be empty.
    mutating func nonEmptyString(_ key: String) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        guard !text.isEmpty else { throw ConfigError(key: keyPath(key), "must not be empty") }
        return text
    }

    /// An absolute filesystem path.
    mutating func absolutePath(_ key: String) throws(ConfigError) -> String? {
        guard let text = try nonEmptyString(key) else { return nil }
        guard text.hasPrefix("/") else {
            throw ConfigError(key: keyPath(key), "must be an absolute path, got \"\(text)\"")
        }
        return text
    }

    /// An integer within `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = take(key) else { return nil }
        guard let number = value.int else { throw wrongType(key, value, expected: "an integer") }
        guard range.contains(number) else {
            throw ConfigError(
                key: keyPath(key),
                "must be between \(range.lowerBound) and \(range.upperBound), got \(number)"
            )
        }
        return number
    }

    /// A boolean.
    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = take(key) else { return nil }
        guard let flag = value.bool else { throw wrongType(key, value, expected: "true or false") }
        return flag
    }

    /// A non-empty array of non-empty strings, such as a command and its arguments.
    mutating func stringArray(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = take(key) else { return nil }
        guard let array = value.array else {
            throw wrongType(key, value, expected: "an array of strings")
        }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string, !text.isEmpty else {
                throw ConfigError(key: "\(keyPath(key))[\(index)]", "must be a non-empty string")
            }
            strings.append(text)
        }
        guard !strings.isEmpty else { throw ConfigError(key: keyPath(key), "must not be empty") }
        return strings
    }

    /// A nested table, or `nil` when absent.
    mutating func section(_ key: String) throws(ConfigError) -> TOMLSection? {
        guard let value = take(key) else { return nil }
        guard let nested = value.table else { throw wrongType(key, value, expected: "a table") }
        return TOMLSection(nested, path: keyPath(key))
    }

    /// Refuses the first key that no getter consumed.
    func finish() throws(ConfigError) {
        if let unknown = keys.first(where: { !consumed.contains($0) }) {
            throw ConfigError(key: keyPath(unknown), "unknown key")
        }
    }

    private mutating func take(_ key: String) -> (any TOMLValueConvertible)? {
        consumed.insert(key)
        return table[key]
    }

    private func wrongType(
        _ key: String,
        _ value: any TOMLValueConvertible,
        expected: String
    ) -> ConfigError {
        ConfigError(key: keyPath(key), "expected \(expected), got \(value.type.rawValue)")
    }
}
