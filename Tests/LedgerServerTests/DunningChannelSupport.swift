import Foundation
import LedgerWire

/// A temporary directory for a channel test: its config file, scripts and what they write.
struct ChannelWorkspace {
    let directory: String

    init() throws {
        directory = try makeTemporaryDirectory("accrued-channel")
    }

    /// Writes an executable `/bin/sh` script and returns its path.
    func script(_ name: String, _ body: String) throws -> String {
        let path = directory + "/" + name
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// Starts a daemon with `config` (TOML), runs the dunning setup of
    /// ``DunningProtocolTests/setup`` and returns it with a client.
    func prepared(config: String, arguments: [String] = []) throws -> (DaemonProcess, RPCClient) {
        let file = try ConfigFile(config, in: directory)
        let daemon = try DaemonProcess(arguments: ["--config", file.path] + arguments)
        let client = try daemon.client()
        for (method, params) in DunningProtocolTests.setup {
            _ = try client.call(method, json(params))
        }
        return (daemon, client)
    }

    /// The contents of the files in `folder` (under the workspace), by name, sorted.
    func files(in folder: String) -> [(name: String, text: String)] {
        let path = directory + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { name in
            (name, (try? String(contentsOfFile: path + "/" + name, encoding: .utf8)) ?? "")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Calls `dunning.run` for `as_of` until `done` holds for the result, at most `attempts`
/// times, pausing `pause` between calls: retries wait real time (`retry_backoff_seconds`).
func runDunningUntil(
    _ client: RPCClient,
    asOf: String,
    attempts: Int = 40,
    pause: useconds_t = 100_000,
    _ done: (JSONValue) -> Bool
) throws -> JSONValue? {
    for attempt in 0..<attempts {
        let reply = try client.call(
            "dunning.run",
            json(#"{"command_id":"u-\#(attempt)-\#(UUID().uuidString)","as_of":"\#(asOf)"}"#)
        )
        if let result = reply["result"], done(result) { return result }
        usleep(pause)
    }
    return nil
}
