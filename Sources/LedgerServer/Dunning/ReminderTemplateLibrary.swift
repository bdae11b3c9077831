import Foundation
internal import Ledger
internal import Mustache

/// The reminder templates the daemon renders with: the built-in ones and, from
/// `[dunning] templates_directory`, every `NAME.mustache` file, which adds template `NAME` or
/// replaces the built-in one of that name.
///
/// A template file is a Mustache `Subject:` line, a blank line, and the Mustache body, like
/// the message it makes. Templates render as text: nothing is HTML-escaped, so `{{name}}` and
/// `{{{name}}}` are the same. The variables are those of
/// ``Ledger/ReminderMessage/templateContext(creditor:)``; an unknown one renders as nothing.
struct ReminderTemplateLibrary: Sendable {
    /// One parsed template.
    struct Template: Sendable {
        let subject: MustacheTemplate
        let body: MustacheTemplate
    }

    /// The templates by name.
    private let templates: [String: Template]

    /// The built-in templates, parsed once; they are constants, so one that does not parse is
    /// a bug (a test parses them all).
    private static let builtIn: [String: Template] = BuiltInTemplates.sources.mapValues { source in
        do {
            return try parse(source, file: "built-in")
        } catch {
            preconditionFailure("a built-in template does not parse: \(error)")
        }
    }

    /// The built-in templates alone.
    init() {
        templates = Self.builtIn
    }

    /// The built-in templates, then the directory's files over them.
    ///
    /// - Parameter directory: `[dunning] templates_directory`, or nil for the built-ins alone.
    /// - Throws: ``ConfigError`` under `dunning.templates_directory` for a directory that
    ///   cannot be read or a file that is not a template, naming the file and line.
    init(directory: String?) throws(ConfigError) {
        var templates = Self.builtIn
        if let directory {
            for (name, source) in try Self.files(in: directory) {
                templates[name] = try Self.parse(source, file: "\(directory)/\(name).mustache")
            }
        }
        self.templates = templates
    }

    /// The names of every template, sorted.
    var names: [String] { templates.keys.sorted() }

    /// Renders a message with its step's template (``BuiltInTemplates/fallback`` when no
    /// template has that name): the subject on one line, and the body.
    func render(_ message: ReminderMessage, creditor: CreditorIdentity?) -> RenderedReminder {
        let context =
            Self.mustacheValue(message.templateContext(creditor: creditor)) ?? [String: Any]()
        guard
            let template = templates[message.reminder.template]
                ?? templates[BuiltInTemplates.fallback]
        else {
            preconditionFailure("the built-in fallback template is always there")
        }
        let subject = template.subject.render(context)
        return RenderedReminder(
            subject: ReminderMail.oneLine(subject).trimmingCharacters(in: .whitespaces),
            body: template.body.render(context)
        )
    }

    /// The `.mustache` files of `directory`, by name without the extension.
    private static func files(in directory: String) throws(ConfigError) -> [(String, String)] {
        let key = "dunning.templates_directory"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ConfigError(key: key, "cannot read \(directory): \(error.localizedDescription)")
        }
        var files: [(String, String)] = []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            guard DunningStep.isName(name) else {
                throw ConfigError(key: key, "\(file): the name is not a template name")
            }
            do {
                files.append(
                    (name, try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8))
                )
            } catch {
                throw ConfigError(key: key, "cannot read \(file): \(error.localizedDescription)")
            }
        }
        return files
    }

    /// Splits a template file into its subject and body and parses both as text templates.
    private static func parse(_ source: String, file: String) throws(ConfigError) -> Template {
        let key = "dunning.templates_directory"
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("Subject:") else {
            throw ConfigError(key: key, "\(file): the first line must be \"Subject: …\"")
        }
        lines.removeFirst()
        var bodyLine = 2
        if lines.first?.allSatisfy(\.isWhitespace) == true {
            lines.removeFirst()
            bodyLine = 3
        }
        let subject = first.dropFirst("Subject:".count)
        return Template(
            subject: try text(String(subject), file: file, firstLine: 1),
            body: try text(lines.joined(separator: "\n"), file: file, firstLine: bodyLine)
        )
    }

    /// Parses `source` with HTML escaping off.
    private static func text(_ source: String, file: String, firstLine: Int) throws(ConfigError)
        -> MustacheTemplate
    {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source)
        } catch let error as MustacheTemplate.ParserError {
            throw ConfigError(
                key: "dunning.templates_directory",
                "\(file): line \(error.context.lineNumber + firstLine - 1): \(error.error)"
            )
        } catch {
            throw ConfigError(key: "dunning.templates_directory", "\(file): \(error)")
        }
    }

    /// A context value as the Mustache renderer reads it: objects as dictionaries, arrays as
    /// arrays, scalars as themselves; `null` members are left out.
    private static func mustacheValue(_ value: PayloadValue) -> Any? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        case .int(let number): return Int(number)
        case .string(let text): return text
        case .array(let elements): return elements.compactMap(mustacheValue)
        case .object(let members):
            var dictionary: [String: Any] = [:]
            for member in members { dictionary[member.key] = mustacheValue(member.value) }
            return dictionary
        }
    }
}

/// A reminder rendered for sending: its subject (one line) and plain-text body.
struct RenderedReminder: Sendable, Equatable {
    /// The subject, without line breaks.
    let subject: String
    /// The body, LF line ends.
    let body: String
}
