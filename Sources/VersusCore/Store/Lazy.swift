import Foundation

/// A value read on first use and then kept, by every thread that asks: what a one-shot command never asks for,
/// it never pays for, and a server asks for everything once at start-up (`ReferenceData.loadAll`).
///
/// A failed read is kept too: the data is immutable, so asking again would only fail again.
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Result<Value, any Error>?
    private var load: (@Sendable () throws -> Value)?

    public init(_ load: @escaping @Sendable () throws -> Value) {
        self.load = load
    }

    public init(value: Value) {
        loaded = .success(value)
    }

    public func get() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return try loaded.get() }
        let result = Result { try load!() }
        loaded = result
        load = nil
        return try result.get()
    }
}
