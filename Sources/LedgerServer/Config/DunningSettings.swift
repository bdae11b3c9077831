/// `[dunning]`: when the reminder scheduler runs and how delivery retries. Parsed and validated
/// now so that configurations written today stay valid when the scheduler arrives.
package struct DunningSettings: Sendable, Equatable {
    /// `enabled`: whether the scheduler runs on its own (`dunning.run` works either way).
    package var enabled = false
    /// `interval_seconds`: how often the scheduler looks for due reminders.
    package var intervalSeconds = 3600
    /// `retry_backoff_seconds`: the first wait after a failed delivery; doubles each attempt.
    package var retryBackoffSeconds = 300
    /// `max_attempts`: deliveries tried before a reminder is recorded as failed.
    package var maxAttempts = 5
    /// `default_channel`: the `[channels.NAME]` a policy step without a channel uses.
    package var defaultChannel: String?

    /// The defaults.
    package init() {}

    /// Reads `[dunning]`; ``DaemonSettings`` checks `default_channel` against the channels.
    init(_ section: inout TOMLSection) throws(ConfigError) {
        enabled = try section.bool("enabled") ?? enabled
        intervalSeconds =
            try section.integer("interval_seconds", in: 60...604_800) ?? intervalSeconds
        retryBackoffSeconds =
            try section.integer("retry_backoff_seconds", in: 1...86_400) ?? retryBackoffSeconds
        maxAttempts = try section.integer("max_attempts", in: 1...100) ?? maxAttempts
        defaultChannel = try section.nonEmptyString("default_channel")
        try section.finish()
    }

    /// Every key with its effective value, for the reload diff.
    var entries: [(String, String)] {
        [
            ("enabled", "\(enabled)"),
            ("interval_seconds", "\(intervalSeconds)"),
            ("retry_backoff_seconds", "\(retryBackoffSeconds)"),
            ("max_attempts", "\(maxAttempts)"),
            ("default_channel", defaultChannel ?? ""),
        ]
    }
}
