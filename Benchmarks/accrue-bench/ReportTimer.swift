import Dispatch
import Foundation
import LedgerWire
import Synchronization

/// A reader on its own connection that times `report.aging` and `customer.get` over and over
/// while a write load runs, as a dashboard would.
final class ReportTimer: Sendable {
    private let socketPath: String
    private let running = Atomic<Bool>(true)
    private let done = DispatchSemaphore(value: 0)
    private let samples = Mutex<(aging: [UInt64], point: [UInt64])>(([], []))

    init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Starts timing on a thread of its own.
    func start() {
        Thread { [self] in
            defer { done.signal() }
            guard let client = try? RPCClient(socketPath: socketPath) else { return }
            let aging = JSONValue.object([JSONMember("group_by", .string("customer"))])
            let point = JSONValue.object([JSONMember("customer_id", .string("B-7"))])
            while running.load(ordering: .relaxed) {
                guard let agingTime = Self.time({ try client.call("report.aging", aging) }),
                    let pointTime = Self.time({ try client.call("customer.get", point) })
                else { return }
                samples.withLock {
                    $0.aging.append(agingTime)
                    $0.point.append(pointTime)
                }
                usleep(50_000)
            }
        }.start()
    }

    /// Stops the reader and returns its latencies in nanoseconds.
    func stop() -> (aging: [UInt64], point: [UInt64]) {
        running.store(false, ordering: .relaxed)
        done.wait()
        return samples.withLock { $0 }
    }

    /// Nanoseconds one successful call took; nil when it failed.
    private static func time(_ call: () throws -> JSONValue) -> UInt64? {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let reply = try? call(), reply["result"] != nil else { return nil }
        return DispatchTime.now().uptimeNanoseconds - start
    }
}
