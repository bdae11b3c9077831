import ArgumentParser
import LedgerWire

/// `accrue system health|describe|stats`: the daemon about itself.
struct SystemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "system",
        abstract: "Ask the daemon about itself: health, protocol and methods, running figures.",
        subcommands: [Health.self, Describe.self, Stats.self]
    )

    /// `system.health`.
    struct Health: ReadCommand {
        static let method = "system.health"
        static let configuration = CommandConfiguration(
            abstract: "Whether the daemon serves, its head and write queue depth.",
            discussion: "Example: accrue system health --json"
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params { Params() }
    }

    /// `system.describe`.
    struct Describe: ReadCommand {
        static let method = "system.describe"
        static let configuration = CommandConfiguration(
            abstract: "Protocol version, every method with its role, and the limits.",
            discussion: "Example: accrue system describe"
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params { Params() }
    }

    /// `system.stats`.
    struct Stats: ReadCommand {
        static let method = "system.stats"
        static let configuration = CommandConfiguration(
            abstract: "Uptime, commits, batch sizes, write latency, connections, queue depth.",
            discussion: "Example: accrue system stats"
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func params() throws -> Params { Params() }
    }
}
