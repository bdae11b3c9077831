import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking JSON-RPC client over the daemon's Unix socket, for the CLI and the tests.
///
/// It sends one line per call and reads lines back with a ``LineFramer``; notifications that
/// arrive in between (an `events.subscribe` stream) are handed out by ``nextLine()``.
package final class RPCClient {
    /// The socket's descriptor, for a caller that waits on many clients at once with `poll`.
    package let descriptor: Int32
    private var framer = LineFramer()
    private var nextID: Int64 = 1
    /// Receive buffer, reused for every read.
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    /// Why the client could not talk to the daemon.
    package struct ConnectionError: Error, CustomStringConvertible {
        /// What failed, with the operating system's text.
        package let description: String
    }

    /// Connects to the socket at `path`.
    ///
    /// - Throws: ``ConnectionError`` when nothing listens there or the path is unusable.
    package init(socketPath path: String) throws(ConnectionError) {
        let descriptor = socket(
            AF_UNIX,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0
        )
        guard descriptor >= 0 else {
            throw ConnectionError(description: "socket: \(Self.errnoText())")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(descriptor)
            throw ConnectionError(description: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                connect(descriptor, generic, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let text = Self.errnoText()
            close(descriptor)
            throw ConnectionError(description: "cannot connect to \(path): \(text)")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Sends raw bytes as they are (a test may send anything).
    package func send(_ bytes: [UInt8]) throws(ConnectionError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else {
                throw ConnectionError(description: "send: \(Self.errnoText())")
            }
            offset += written
        }
    }

    /// Sends one line (a line feed is added).
    package func sendLine(_ line: [UInt8]) throws(ConnectionError) {
        try send(line + [UInt8(ascii: "\n")])
    }

    /// Shuts down the sending side, as `echo … | socat` does after its input; replies still
    /// arrive until the daemon closes.
    package func finishSending() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Reads the next complete line; `nil` when the daemon closed the connection.
    package func nextLine() throws(ConnectionError) -> [UInt8]? {
        while true {
            if let line = try framedLine() { return line }
            guard try receive(waiting: true) == .bytes else { return nil }
        }
    }

    /// The next complete line if the socket already holds it, without waiting; `nil` when it
    /// has not arrived yet.
    ///
    /// - Throws: ``ConnectionError`` on I/O failure or when the daemon closed the connection.
    package func availableLine() throws(ConnectionError) -> [UInt8]? {
        while true {
            if let line = try framedLine() { return line }
            switch try receive(waiting: false) {
            case .bytes: continue
            case .nothingYet: return nil
            case .closed: throw ConnectionError(description: "the daemon closed the connection")
            }
        }
    }

    /// A line the framer already holds.
    private func framedLine() throws(ConnectionError) -> [UInt8]? {
        switch framer.next() {
        case .line(let line)?: return line
        case .tooLong?: throw ConnectionError(description: "reply over the line limit")
        case nil: return nil
        }
    }

    /// What one read from the socket gave.
    private enum Receipt {
        case bytes, nothingYet, closed
    }

    /// Reads what the socket holds into the framer, waiting for bytes if `waiting`.
    private func receive(waiting: Bool) throws(ConnectionError) -> Receipt {
        let count = chunk.withUnsafeMutableBytes { raw in
            recv(descriptor, raw.baseAddress, raw.count, waiting ? 0 : Int32(MSG_DONTWAIT))
        }
        if count == 0 { return .closed }
        guard count > 0 else {
            if !waiting && (errno == EAGAIN || errno == EWOULDBLOCK) { return .nothingYet }
            throw ConnectionError(description: "recv: \(Self.errnoText())")
        }
        framer.append(chunk[..<count])
        return .bytes
    }

    /// Calls `method` with `params` and returns the parsed reply line.
    ///
    /// - Throws: ``ConnectionError`` on I/O failure or when the connection closes first.
    package func call(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        let id = nextID
        nextID += 1
        var writer = JSONWriter(reservingCapacity: 256)
        writer.request(id: .int(id), method: method, params: params)
        try sendLine(writer.bytes)
        guard let line = try nextLine() else {
            throw ConnectionError(description: "the daemon closed the connection")
        }
        return try JSONParser.parse(line)
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
