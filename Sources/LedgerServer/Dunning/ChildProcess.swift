import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a channel's command to completion: `input` on its stdin, its stderr kept for the
/// failure reason, killed with its whole process group when it overruns its timeout.
///
/// Blocking: call it on the dunning thread, never on an event loop. stdin and stderr are
/// unlinked temporary files rather than pipes, so a child that reads nothing, exits early or
/// writes a lot can neither block the daemon nor raise SIGPIPE in it, and a grandchild that
/// keeps a descriptor open does not hold up the result.
struct ChildProcess {
    /// How a run ended.
    enum Outcome: Equatable {
        /// The command exited with this status.
        case exited(Int32)
        /// The command was killed by this signal (not ours).
        case signalled(Int32)
        /// The command overran its timeout and was killed.
        case timedOut
    }

    /// What a run produced.
    struct Result {
        /// How it ended.
        let outcome: Outcome
        /// The first 4 KiB of its stderr, trimmed.
        let stderr: String
    }

    /// The program and its arguments; the program is an absolute path.
    let command: [String]
    /// How long the command may run before it is killed.
    let timeout: Duration

    /// The most stderr kept, in bytes.
    static let stderrLimitBytes = 4096

    /// Runs the command with `input` on stdin and waits for it, at most ``timeout``.
    /// - Throws: ``DeliveryError`` when a temporary file cannot be made or the command cannot
    ///   be started (no such program, not executable).
    func run(input: [UInt8]) throws(DeliveryError) -> Result {
        let stdin = try Self.temporaryFile(holding: input)
        defer { close(stdin) }
        let stderr = try Self.temporaryFile(holding: [])
        defer { close(stderr) }
        let pid = try spawn(stdin: stdin, stderr: stderr)
        let outcome = Self.wait(for: pid, until: ContinuousClock.now + timeout)
        return Result(outcome: outcome, stderr: Self.readText(stderr))
    }

    /// Starts the command in a process group of its own, with default signal handling and an
    /// empty signal mask (the daemon ignores and blocks signals its children must not inherit).
    private func spawn(stdin: Int32, stderr: Int32) throws(DeliveryError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let arguments = command.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environ)
        guard status == 0 else {
            throw DeliveryError("cannot start \(command[0]): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Waits for `pid` until `deadline`, then kills its process group and reaps it.
    private static func wait(for pid: pid_t, until deadline: ContinuousClock.Instant) -> Outcome {
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return outcome(status) }
            if reaped < 0 && errno != EINTR { return .exited(-1) }
            if ContinuousClock.now >= deadline { break }
            usleep(5_000)
        }
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .timedOut
    }

    private static func outcome(_ status: Int32) -> Outcome {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    /// A file already unlinked from the temporary directory, holding `bytes`, its offset at 0.
    private static func temporaryFile(holding bytes: [UInt8]) throws(DeliveryError) -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/accrued-channel-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else {
            throw DeliveryError(
                "cannot create a temporary file: \(String(cString: strerror(errno)))"
            )
        }
        // Close-on-exec: only the child the descriptor is meant for gets it, through dup2.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { buffer in
            if let path = buffer.baseAddress { unlink(path) }
        }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard count > 0 || errno == EINTR else {
                close(fd)
                throw DeliveryError(
                    "cannot write a temporary file: \(String(cString: strerror(errno)))"
                )
            }
            written += max(count, 0)
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    /// The first ``stderrLimitBytes`` of a file, as trimmed text.
    private static func readText(_ fd: Int32) -> String {
        lseek(fd, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: stderrLimitBytes)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Why one delivery attempt failed, in words for `reminder.failed`.
struct DeliveryError: Error, CustomStringConvertible {
    /// The reason.
    let description: String

    /// Creates an error with its reason.
    init(_ description: String) {
        self.description = description
    }
}
