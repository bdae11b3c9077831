import ArgumentParser
import Foundation
import LedgerWire

/// A read command: one method call, its result printed in the chosen format.
///
/// Conformers declare their options and build the params; connecting, error handling, exit
/// codes and output are shared here.
protocol ReadCommand: ParsableCommand {
    /// The JSON-RPC method called.
    static var method: String { get }
    /// `--socket` or `--data-dir`.
    var connection: ConnectionOptions { get }
    /// `--format`.
    var output: OutputOptions { get }
    /// The request's params.
    func params() throws -> Params
}

extension ReadCommand {
    func run() throws {
        let params = try params()
        let session = try LedgerSession(connection)
        output.renderer.print(try session.call(Self.method, params.json))
    }
}

/// `--command-id`, which every write takes.
struct WriteOptions: ParsableArguments {
    @Option(
        name: .customLong("command-id"),
        help: ArgumentHelp(
            "Idempotency key (≤128 bytes). A retry with the same id and body writes nothing. Default: random.",
            valueName: "id"
        )
    )
    var commandID: String?

    /// The id to send: the one given, else a fresh random one.
    var resolvedCommandID: String {
        commandID ?? "cli-" + UUID().uuidString.lowercased()
    }
}

/// A write command: one method call through the daemon with a `command_id`, which is printed
/// with the result (in JSON output as a `command_id` member).
protocol WriteCommand: ParsableCommand {
    /// The JSON-RPC method called.
    static var method: String { get }
    /// `--socket` (a directory cannot be written).
    var connection: ConnectionOptions { get }
    /// `--format`.
    var output: OutputOptions { get }
    /// `--command-id`.
    var write: WriteOptions { get }
    /// The request's params, without `command_id`.
    func params() throws -> Params
}

extension WriteCommand {
    func run() throws {
        var params = try params()
        let session = try LedgerSession(connection)
        _ = try session.daemon(for: "a write")
        let commandID = write.resolvedCommandID
        params["command_id"] = .string(commandID)
        let result = try session.call(Self.method, params.json)
        output.renderer.print(result.adding("command_id", .string(commandID)))
    }
}

extension JSONValue {
    /// This object with one more member at the end (unchanged if not an object).
    func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members.append(JSONMember(key, value))
        return .object(members)
    }
}
