/// A change to an optional attribute: set a new value, or clear it.
///
/// An update leaves an attribute alone when its change is absent (nil), so `nil` cannot also
/// mean "clear"; on the wire a clear is an explicit JSON `null`.
package enum FieldChange<Value: Hashable & Sendable>: Hashable, Sendable {
    /// Sets the attribute to a value.
    case set(Value)
    /// Removes the attribute.
    case clear

    /// Applies the change to the current value.
    package func applied(to current: Value?) -> Value? {
        switch self {
        case .set(let value): value
        case .clear: nil
        }
    }

    /// The new value, nil for a clear.
    package var newValue: Value? {
        applied(to: nil)
    }
}
