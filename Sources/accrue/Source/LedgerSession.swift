import ArgumentParser
import LedgerWire

/// A ledger to talk to: the daemon over its socket, or a ledger directory read directly.
///
/// Every command goes through here, so errors map to the same messages and exit codes
/// whatever the command.
final class LedgerSession {
    private enum Backend {
        case daemon(RPCClient)
        case directory(DirectoryReader)
    }

    private let backend: Backend

    /// Connects to the daemon or opens the directory the options name.
    ///
    /// - Throws: Exit code 3 when the daemon cannot be reached or the directory not opened.
    init(_ options: ConnectionOptions) throws {
        if let directory = options.dataDirectory {
            backend = .directory(try DirectoryReader(path: directory))
            return
        }
        do {
            backend = .daemon(try RPCClient(socketPath: options.resolvedSocketPath))
        } catch {
            throw Failure.unreachable(error)
        }
    }

    /// The daemon connection, or exit 64 when the session reads a directory (writes, streams
    /// and imports need the daemon).
    func daemon(for purpose: String) throws -> RPCClient {
        guard case .daemon(let client) = backend else {
            throw Failure.usage("\(purpose) needs the daemon: use --socket instead of --data-dir")
        }
        return client
    }

    /// The directory reader, when the session reads a directory.
    var directory: DirectoryReader? {
        if case .directory(let reader) = backend { return reader }
        return nil
    }

    /// Calls `method` and returns the daemon's answer, result or error.
    ///
    /// - Throws: Exit code 3 when the connection fails.
    func outcome(_ method: String, _ params: JSONValue?) throws -> Result<JSONValue, RPCError> {
        switch backend {
        case .directory(let reader):
            return try reader.call(method, params)
        case .daemon(let client):
            let reply: JSONValue
            do {
                reply = try client.call(method, params)
            } catch {
                throw Failure.unreachable(error)
            }
            guard let response = RPCResponse(reply) else {
                throw Failure.unreachable(UnexpectedReply(reply: reply))
            }
            return response.outcome
        }
    }

    /// Calls `method` and returns its result; prints the error and exits 1 or 64 otherwise.
    func call(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        switch try outcome(method, params) {
        case .success(let result): return result
        case .failure(let error): throw Failure.report(error)
        }
    }
}

/// A line from the daemon that is not a JSON-RPC response.
struct UnexpectedReply: Error, CustomStringConvertible {
    /// The line, parsed.
    let reply: JSONValue

    var description: String {
        "unexpected reply: \(String(decoding: JSONWriter.encode(reply), as: UTF8.self))"
    }
}

/// A failure described in words.
struct CLIError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
