extension String {
    /// Whether two strings have the same UTF-8 bytes, the way JSON compares object keys.
    ///
    /// Swift's `==` treats canonically equivalent strings (`"é"` and `"e\u{301}"`) as equal,
    /// which would merge distinct JSON keys. This compares lengths first, then bytes, so the
    /// common mismatch costs almost nothing.
    @inline(__always)
    func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                for index in 0..<left.count where left[index] != right[index] { return false }
                return true
            }
        }
    }
}
