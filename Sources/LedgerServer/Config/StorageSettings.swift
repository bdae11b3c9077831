/// `[storage]`: where the ledger lives and how large its map starts.
package struct StorageSettings: Sendable, Equatable {
    /// `data_dir`: the ledger directory (LMDB environment and lock file).
    package var dataDirectory = "/var/lib/accrued"
    /// `map_size_bytes`: the initial LMDB map size; sparse on disk, doubled when full.
    package var mapSizeBytes = 1 << 34

    /// The defaults.
    package init() {}

    /// Reads `[storage]`, keeping the default for every absent key.
    init(_ section: inout TOMLSection) throws(ConfigError) {
        dataDirectory = try section.absolutePath("data_dir") ?? dataDirectory
        mapSizeBytes =
            try section.integer("map_size_bytes", in: (1 << 20)...(1 << 44)) ?? mapSizeBytes
        try section.finish()
    }

    /// Every key with its effective value, for the reload diff.
    var entries: [(String, String)] {
        [("data_dir", dataDirectory), ("map_size_bytes", "\(mapSizeBytes)")]
    }
}
