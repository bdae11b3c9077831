#if canImport(Glibc)
    import Glibc
#endif

/// systemd's watchdog: when the unit sets `WatchdogSec=`, systemd passes `WATCHDOG_USEC` (and
/// `WATCHDOG_PID`) and restarts the service unless it sends `WATCHDOG=1` in time.
package enum SystemdWatchdog {
    /// Half the watchdog timeout, the customary ping interval; nil when no watchdog is armed
    /// for this process.
    package static func pingInterval(environment: [String: String]) -> Duration? {
        guard let micros = environment["WATCHDOG_USEC"].flatMap(UInt64.init), micros > 0 else {
            return nil
        }
        if let pid = environment["WATCHDOG_PID"].flatMap(Int32.init), pid != getpid() { return nil }
        return .microseconds(Int64(micros / 2))
    }
}
