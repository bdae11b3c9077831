/// Why a JSON value has no payload equivalent: a number that is not an exact `Int64`, or a
/// repeated object key.
package struct PayloadConversionError: Error, Hashable, Sendable {
    /// Where in the value, relative to it: empty for the value itself, else like `.lines[2].qty`.
    package var path: String
    /// What is wrong, for humans.
    package var message: String

    /// Creates an error.
    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
