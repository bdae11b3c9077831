import Foundation

/// Writes the metrics exposition to a file for node_exporter's textfile collector, so the
/// service itself needs no TCP. The file is replaced atomically (a temporary file in the same
/// directory, then `rename`), so the collector never reads half a file, and is mode 0644.
package enum MetricsTextfile {
    /// Replaces the file at `path` with `text`.
    ///
    /// - Throws: the error of writing the temporary file or of renaming it.
    package static func write(_ text: String, to path: String) throws {
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            // World-readable whatever the daemon's umask: node_exporter runs as another user,
            // and the figures carry no ledger content.
            guard chmod(temporary, 0o644) == 0,
                rename(temporary, path) == 0
            else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
