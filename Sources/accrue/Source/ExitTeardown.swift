/// Values the process keeps until it exits, instead of freeing them object by object.
///
/// A projection replayed from a large ledger is millions of small heap objects: freeing them
/// one by one when a command returns costs tens of milliseconds (a tenth of a replay of
/// 400,000 events), where the kernel drops the whole address space at exit at once. Every CLI
/// command ends soon after it has loaded a projection and printed from it, so the projections
/// it loads are kept here.
enum ExitTeardown {
    /// Keeps `value`, and everything it references, alive until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
