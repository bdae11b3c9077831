/// `[dunning]`: when the reminder scheduler runs, how delivery retries, and where templates
/// come from. All of it is live: a reload (SIGHUP) applies it to the next run.
package struct DunningSettings: Sendable, Equatable {
    /// `enabled`: whether the scheduler runs on its own (`dunning.run` works either way).
    package var enabled = false
    /// `interval_seconds`: how often the scheduler looks for due reminders.
    package var intervalSeconds = 3600
    /// `retry_backoff_seconds`: the wait after a message's first failed delivery attempt
    /// before the next; it doubles after each further failure (see ``DeliveryOutbox``).
    package var retryBackoffSeconds = 300
    /// `max_attempts`: attempts at one message before it is recorded as `reminder.failed`.
    package var maxAttempts = 5
    /// `default_channel`: the `[channels.NAME]` a policy step uses whose channel names no table.
    package var defaultChannel: String?
    /// `templates_directory`: where `NAME.mustache` files add or replace reminder templates
    /// (see ``ReminderTemplateLibrary``); nil: the built-in templates only.
    package var templatesDirectory: String?

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
        templatesDirectory = try section.absolutePath("templates_directory")
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
            ("templates_directory", templatesDirectory ?? ""),
        ]
    }
}
