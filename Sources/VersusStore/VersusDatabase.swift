import Foundation
import GRDB
import VersusCore

/// The built database, opened read-only: the product never writes to it.
public final class VersusDatabase: Sendable {
    let queue: DatabaseQueue

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "versus"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let version = try queue.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema_version'") }
            guard version == String(Schema.version) else {
                throw StoreError.incompatible(path: path, found: version ?? "none", expected: Schema.version)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case incompatible(path: String, found: String, expected: Int)
    case unknownOccupation(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot open the Versus database at \(path): \(reason)"
        case .incompatible(let path, let found, let expected): return "the database at \(path) has schema version \(found), this Versus needs \(expected): delete it or run `versus import`"
        case .unknownOccupation(let code): return "no O*NET occupation has the code \(code)"
        }
    }
}
