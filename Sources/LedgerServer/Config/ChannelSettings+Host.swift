import Foundation

/// What `--check-config` can say about a channel on this host: the file's syntax is valid,
/// but does the program or directory it names exist here? These are warnings, not errors,
/// because the service may see a different filesystem (a sandbox, a mount not yet there).
extension ChannelSettings {
    /// Problems with the programs and directories this channel names, each starting with
    /// its dotted key under `channels.NAME`.
    ///
    /// - Parameter name: the channel's name in `[channels.NAME]`.
    /// - Returns: one line per problem; empty when everything named exists.
    package func hostWarnings(name: String) -> [String] {
        let files = FileManager.default
        switch self {
        case .spool(let directory):
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: directory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                return ["channels.\(name).directory: \(directory) is not a directory here"]
            }
            return []
        case .exec(let command, _), .sendmail(let command, _, _):
            guard files.isExecutableFile(atPath: command[0]) else {
                return ["channels.\(name).command[0]: \(command[0]) is not an executable file here"]
            }
            return []
        }
    }
}
