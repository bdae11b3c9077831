import Foundation

/// The release `accrued` started on the benchmark's ledger of a million events with no
/// snapshot: how long until it answers (a full replay), and its resident memory then.
struct DaemonMemoryBench {
    /// Seconds from spawning the daemon to its first answer.
    var startSeconds: Double
    /// `VmRSS` once it answers, in KiB.
    var residentKiB: Int
    /// `VmHWM`, the peak during start-up, in KiB.
    var peakKiB: Int
    /// `RssAnon`: the heap, mostly the projection, in KiB.
    var anonymousKiB: Int
    /// `RssFile`: mapped file pages (the LMDB map, the binary and its libraries), in KiB.
    var fileKiB: Int
    /// The events in the ledger.
    var events: Int

    /// The target of the AR core issue: at most 600 MB resident at one million events.
    static let targetMegabytes = 600.0

    /// Starts the daemon on `ledger` (sockets in `scratch`), measures, stops it.
    static func run(ledger: String, scratch: String, events: Int) throws -> DaemonMemoryBench {
        let started = DispatchTime.now().uptimeNanoseconds
        let daemon = try BenchDaemon(directory: scratch, dataDirectory: ledger)
        defer { daemon.stop() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return DaemonMemoryBench(
            startSeconds: seconds,
            residentKiB: statusKiB("VmRSS:", of: daemon.pid),
            peakKiB: statusKiB("VmHWM:", of: daemon.pid),
            anonymousKiB: statusKiB("RssAnon:", of: daemon.pid),
            fileKiB: statusKiB("RssFile:", of: daemon.pid),
            events: events
        )
    }

    /// A `/proc/PID/status` figure in KiB, 0 if unreadable.
    static func statusKiB(_ field: String, of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// The figures as printed lines.
    var lines: [String] {
        let resident = Double(residentKiB) / 1024
        let verdict = resident <= Self.targetMegabytes ? "met" : "not met"
        return [
            String(
                format: "daemon start on %d events (full replay, no snapshot): %.2f s",
                events,
                startSeconds
            ),
            String(
                format:
                    "daemon resident memory after start: %.0f MB (%.0f heap, %.0f mapped files; peak %.0f MB); target ≤ %.0f MB (%@)",
                resident,
                Double(anonymousKiB) / 1024,
                Double(fileKiB) / 1024,
                Double(peakKiB) / 1024,
                Self.targetMegabytes,
                verdict as NSString
            ),
        ]
    }

    /// The figures as a JSON object.
    var json: String {
        String(
            format:
                #"{"events":%d,"start_s":%.3f,"rss_mb":%.1f,"anon_mb":%.1f,"file_mb":%.1f,"peak_mb":%.1f,"target_mb":%.0f}"#,
            events,
            startSeconds,
            Double(residentKiB) / 1024,
            Double(anonymousKiB) / 1024,
            Double(fileKiB) / 1024,
            Double(peakKiB) / 1024,
            Self.targetMegabytes
        )
    }
}
