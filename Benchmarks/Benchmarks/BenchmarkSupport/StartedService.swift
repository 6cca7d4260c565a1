import Foundation
import VersusService
import VersusStore

/// Which input comes next; kept across samples (each sample calls a benchmark's closure anew), so inputs are visited
/// in turn and no single one's cache shape dominates.
public final class Turn: @unchecked Sendable {
    private var value = 0

    public init() {}

    public func next(_ count: Int) -> Int {
        defer { value = (value + 1) % count }
        return value
    }
}

/// The service over the database `versus` builds on first use from the repository's `Data/`, started before any
/// benchmark registers (registration is synchronous, start-up is not). `prepare` runs first, as a server's start-up
/// would (loading the moves index, say), so that no sample pays for it.
public func startedService(prepare: @escaping @Sendable (VersusService) async throws -> Void = { _ in })
    -> (service: VersusService, store: LiveCareerStore)
{
    final class Started: @unchecked Sendable {
        var value: (service: VersusService, store: LiveCareerStore)?
    }
    let data = DataDirectory(
        url: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data"))
    let started = Started()
    let semaphore = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            let location = try DatabaseLocation.resolve(explicitPath: nil, data: data)
            try location.buildIfMissing(data: data)
            let store = try LiveCareerStore(database: VersusDatabase(path: location.url.path))
            let service = try await VersusService(store: store)
            try await prepare(service)
            started.value = (service, store)
        } catch {
            fatalError("cannot open the Versus database: \(error)")
        }
        semaphore.signal()
    }
    semaphore.wait()
    return started.value!
}
