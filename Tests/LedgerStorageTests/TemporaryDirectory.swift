import Foundation

/// A fresh directory under the system's temporary directory, removed when the value dies.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "accrue-test-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            preconditionFailure("cannot create \(path): \(error)")
        }
    }

    func child(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
