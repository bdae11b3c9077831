import Foundation
import LedgerWire
import Testing

/// `deploy/accrued-backup`, as the backup timer runs it: verified copies, the oldest pruned.
@Suite(.serialized)
struct OpsBackupScriptTests {
    @Test func theBackupScriptKeepsTheNewestVerifiedCopies() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop(); daemon.removeFiles() }
        let client = try daemon.client()
        let backups = daemon.directory + "/back ups"  // a space, as some operators have
        let script = repositoryRoot.appendingPathComponent("deploy/accrued-backup").path
        let environment = [
            "ACCRUE": DaemonProcess.binDirectory.appendingPathComponent("accrue").path,
            "ACCRUED_DATA_DIR": daemon.dataDirectory,
            "ACCRUED_BACKUP_DIR": backups,
            "ACCRUED_BACKUP_KEEP": "2",
        ]
        for round in 0..<3 {
            let params =
                #"{"command_id":"b-\#(round)","customer_id":"C\#(round)","name":"N","currency":"EUR"}"#
            _ = try client.call("customer.register", try json(params))
            let run = try runProgram("/bin/sh", [script], environment: environment)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("verified copy"))
        }
        let copies = try FileManager.default.contentsOfDirectory(atPath: backups).sorted()
        #expect(copies.count == 2, "\(copies)")
        #expect(copies.allSatisfy { $0.hasPrefix("accrued-") && $0.hasSuffix("Z") })
        // The newest copy holds the last write (head 4) and verifies on its own.
        let verify = try runProgram(
            environment["ACCRUE"] ?? "",
            ["verify", "--data-dir", backups + "/" + (copies.last ?? "")]
        )
        #expect(verify.status == 0)
        #expect(verify.output.contains("ok: 4 records"), "\(verify.output)")

        let refused = try runProgram("/bin/sh", [script, "--keep", "0"], environment: environment)
        #expect(refused.status == 64)
    }
}
