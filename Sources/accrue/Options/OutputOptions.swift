import ArgumentParser

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people, amounts formatted in their currency.
    case table
    /// The daemon's JSON, one document (or one record a line for streams).
    case json
    /// Comma-separated values with a header, for spreadsheets.
    case csv
}

/// `--format table|json|csv` and its short form `--json`.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Flag(help: "Short for --format json.")
    var json = false

    /// The format asked for; `--json` wins.
    var resolved: OutputFormat { json ? .json : format }

    /// A renderer for this format on standard output.
    var renderer: Renderer { Renderer(format: resolved, style: .standardOutput) }
}
