import Foundation

/// Values a one-shot command keeps until the process ends. Freeing a service object by object (the title index,
/// catalog and profiles are tens of thousands of small allocations) took about 15 ms after `versus compare` had
/// printed its answer; the system takes a process's memory back at once when it exits.
enum UntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [any Sendable] = []

    static func keep<Value: Sendable>(_ value: Value) -> Value {
        lock.withLock { kept.append(value) }
        return value
    }
}
