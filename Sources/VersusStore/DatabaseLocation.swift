import Foundation

/// Where the database lives and how it comes to exist: built on first use from the data folder.
public struct DatabaseLocation: Sendable {
    public let url: URL
    /// Set when the path was chosen by the user (`--database`, `VERSUS_DATABASE`): such a file is used as it is.
    public let isExplicit: Bool

    public init(url: URL, isExplicit: Bool) {
        self.url = url
        self.isExplicit = isExplicit
    }

    /// `explicitPath`, else `$VERSUS_DATABASE`, else `$XDG_CACHE_HOME/versus/versus-<data fingerprint>.sqlite`
    /// (`~/.cache` when XDG_CACHE_HOME is unset), so that new data means a new build.
    public static func resolve(explicitPath: String?, data: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseLocation {
        if let path = explicitPath ?? environment["VERSUS_DATABASE"], !path.isEmpty {
            return DatabaseLocation(url: URL(fileURLWithPath: path), isExplicit: true)
        }
        let cache: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = URL(fileURLWithPath: xdg)
        } else {
            cache = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        }
        let fingerprint = try data.fingerprint(buildKey: Schema.buildKey)
        return DatabaseLocation(url: cache.appendingPathComponent("versus").appendingPathComponent("versus-\(fingerprint).sqlite"), isExplicit: false)
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Opens the database read-only, building it first if it does not exist yet.
    public func open(data: DataDirectory, progress: DatabaseBuilder.Progress? = nil) throws -> VersusDatabase {
        if !exists {
            try DatabaseBuilder(data: data, progress: progress).build(at: url)
        }
        return try VersusDatabase(path: url.path)
    }
}
