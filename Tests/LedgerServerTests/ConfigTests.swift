import Foundation
import LedgerServer
import Testing

/// The configuration schema: defaults, validation with the key named, and the documentation
/// that must list every key.
struct ConfigTests {
    @Test func anEmptyFileMeansTheDefaults() throws {
        let settings = try DaemonSettings(toml: "")
        #expect(settings == DaemonSettings())
        #expect(settings.storage.dataDirectory == "/var/lib/accrued")
        #expect(settings.server.socketPath == "/run/accrued/accrued.sock")
        #expect(settings.server.socketMode == 0o660)
    }

    @Test func theExampleConfigurationIsValidAndStatesTheDefaults() throws {
        let path = repositoryRoot.appendingPathComponent("deploy/accrued.toml.example").path
        #expect(try DaemonSettings(contentsOf: path) == DaemonSettings())
    }

    @Test func everyKeyIsDocumentedInTheExampleAndTheReadme() throws {
        let example = try String(
            contentsOf: repositoryRoot.appendingPathComponent("deploy/accrued.toml.example"),
            encoding: .utf8
        )
        let readme = try String(
            contentsOf: repositoryRoot.appendingPathComponent("README.md"),
            encoding: .utf8
        )
        var settings = try DaemonSettings(toml: Self.everyChannelType)
        settings.dunning.defaultChannel = "mail"
        let leaves = Set(settings.entries.keys.map { String($0.split(separator: ".").last ?? "") })
        for leaf in leaves {
            #expect(example.contains("\(leaf) = "), "deploy/accrued.toml.example lacks \(leaf)")
            #expect(readme.contains("`\(leaf)`"), "README.md lacks `\(leaf)`")
        }
    }

    static let everyChannelType = """
        [channels.mail]
        type = "sendmail"
        from = "ar@example.com"
        [channels.hook]
        type = "exec"
        command = ["/usr/local/bin/hook", "--quiet"]
        timeout_seconds = 5
        [channels.files]
        type = "spool"
        directory = "/var/spool/accrued"
        """

    @Test func everySectionIsRead() throws {
        let settings = try DaemonSettings(
            toml: """
                [server]
                socket = "/run/x/a.sock"
                socket_mode = "0666"
                socket_group = "adm"
                write_queue_capacity = 10
                max_commit_batch = 3
                log_level = "debug"
                metrics_textfile = "/var/lib/node/accrued.prom"
                metrics_interval_seconds = 5
                [storage]
                data_dir = "/srv/ledger"
                map_size_bytes = 1048576
                [roles.users]
                root = "reader"
                1001 = "writer"
                [roles.groups]
                0 = "admin"
                [dunning]
                enabled = true
                interval_seconds = 600
                default_channel = "mail"
                \(Self.everyChannelType)
                """
        )
        #expect(settings.server.socketMode == 0o666)
        #expect(settings.server.socketGroup == "adm")
        #expect(settings.server.writeQueueCapacity == 10)
        #expect(settings.server.metricsTextfile == "/var/lib/node/accrued.prom")
        #expect(settings.storage.dataDirectory == "/srv/ledger")
        #expect(settings.roles.users == ["root": .reader, "1001": .writer])
        #expect(settings.roles.groups == ["0": .admin])
        #expect(settings.dunning.enabled && settings.dunning.intervalSeconds == 600)
        #expect(
            settings.channels["mail"]
                == .sendmail(
                    command: ["/usr/sbin/sendmail", "-t", "-oi"],
                    from: "ar@example.com",
                    timeoutSeconds: 30
                )
        )
        #expect(
            settings.channels["hook"]
                == .exec(command: ["/usr/local/bin/hook", "--quiet"], timeoutSeconds: 5)
        )
        #expect(settings.channels["files"] == .spool(directory: "/var/spool/accrued"))
        let policy = try settings.roles.resolve(daemonUID: 4242)
        #expect(policy.role(uid: 1001, gid: 5) == .writer)
        #expect(policy.role(uid: 7, gid: 0) == .admin)
        #expect(policy.role(uid: 7, gid: 7) == nil)
    }

    @Test(arguments: [
        ("[server]\nsocket_path = \"/x\"", "server.socket_path", "unknown key"),
        ("[sever]\nsocket = \"/x\"", "sever", "unknown key"),
        (
            "[server]\nwrite_queue_capacity = \"big\"", "server.write_queue_capacity",
            "expected an integer, got string"
        ),
        ("[server]\nwrite_queue_capacity = 0", "server.write_queue_capacity", "must be between"),
        ("[server]\nsocket = \"relative.sock\"", "server.socket", "absolute path"),
        ("[server]\nsocket_mode = 660", "server.socket_mode", "expected a string"),
        ("[server]\nsocket_mode = \"0999\"", "server.socket_mode", "octal"),
        ("[server]\nlog_level = \"loud\"", "server.log_level", "must be one of"),
        ("[storage]\ndata_dir = 5", "storage.data_dir", "expected a string, got int"),
        ("[storage]\nmap_size_bytes = 12", "storage.map_size_bytes", "must be between"),
        ("server = 5", "server", "expected a table"),
        ("[roles.users]\nalice = \"boss\"", "roles.users.alice", "reader, writer, admin"),
        ("[roles]\nreaders = [\"alice\"]", "roles.readers", "unknown key"),
        ("[dunning]\ninterval_seconds = 1", "dunning.interval_seconds", "must be between"),
        ("[dunning]\nenabled = \"yes\"", "dunning.enabled", "expected true or false"),
        (
            "[dunning]\ndefault_channel = \"fax\"", "dunning.default_channel",
            "names no [channels.fax]"
        ),
        (
            "[channels.fax]\ntype = \"fax\"", "channels.fax.type",
            "must be one of spool, exec, sendmail"
        ),
        ("[channels.hook]\ntype = \"exec\"", "channels.hook.command", "is required"),
        (
            "[channels.hook]\ntype = \"exec\"\ncommand = [\"hook\"]", "channels.hook.command[0]",
            "absolute path"
        ),
        (
            "[channels.hook]\ntype = \"exec\"\ncommand = []", "channels.hook.command",
            "must not be empty"
        ),
        (
            "[channels.hook]\ntype = \"exec\"\ncommand = [\"/bin/x\", 3]",
            "channels.hook.command[1]", "non-empty string"
        ),
        ("[channels.mail]\ntype = \"sendmail\"", "channels.mail.from", "is required"),
        (
            "[channels.files]\ntype = \"spool\"\ndirectory = \"/s\"\nfrom = \"a@b\"",
            "channels.files.from", "unknown key"
        ),
    ])
    func aBadValueIsRefusedWithItsKeyNamed(text: String, key: String, message: String) {
        #expect {
            try DaemonSettings(toml: text)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == key && error.message.contains(message)
        }
    }

    @Test func aSyntaxErrorNamesTheLine() {
        #expect {
            try DaemonSettings(toml: "[server]\nsocket = \"/x\"\nthis is not toml\n")
        } throws: { error in
            (error as? ConfigError)?.message.contains("line 3") == true
        }
    }

    @Test func anUnknownUserOrGroupIsRefusedWhenResolved() throws {
        let settings = try DaemonSettings(toml: "[roles.users]\nno-such-user-accrue = \"reader\"")
        #expect(throws: ConfigError(key: "roles.users.no-such-user-accrue", "no such user")) {
            try settings.roles.resolve(daemonUID: 1)
        }
    }

    @Test func theReloadDiffSeparatesLiveKeysFromRestartKeys() throws {
        let before = try DaemonSettings(toml: "[roles.users]\n1001 = \"reader\"")
        let after = try DaemonSettings(
            toml: """
                [server]
                socket = "/run/other.sock"
                metrics_interval_seconds = 3
                [roles.users]
                1001 = "writer"
                1002 = "reader"
                """
        )
        let changed = after.changedKeys(comparedTo: before)
        #expect(
            changed == [
                "roles.users.1001", "roles.users.1002", "server.metrics_interval_seconds",
                "server.socket",
            ]
        )
        #expect(
            changed.filter(DaemonSettings.isLive) == [
                "roles.users.1001", "roles.users.1002", "server.metrics_interval_seconds",
            ]
        )
    }
}
