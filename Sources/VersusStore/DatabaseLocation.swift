import Foundation

/// Where the database lives and how it comes to exist: built on first use from the data folder.
public struct DatabaseLocation: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// `explicitPath`, else `$VERSUS_DATABASE`, else `$XDG_CACHE_HOME/versus/versus-<data fingerprint>.sqlite`
    /// (`~/.cache` when XDG_CACHE_HOME is unset), so that new data means a new build.
    public static func resolve(explicitPath: String?, data: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> DatabaseLocation
    {
        if let path = explicitPath ?? environment["VERSUS_DATABASE"], !path.isEmpty {
            return DatabaseLocation(url: URL(fileURLWithPath: path))
        }
        let cache: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = URL(fileURLWithPath: xdg)
        } else {
            cache = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        }
        let fingerprint = try data.fingerprint(buildKey: Schema.buildKey)
        return DatabaseLocation(url: cache.appendingPathComponent("versus").appendingPathComponent("versus-\(fingerprint).sqlite"))
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Builds the database when it does not exist yet: a step of process start-up, before anything reads.
    /// Returns whether it built.
    @discardableResult
    public func buildIfMissing(data: DataDirectory, progress: DatabaseBuilder.Progress? = nil) throws -> Bool {
        guard !exists else { return false }
        try DatabaseBuilder(data: data, progress: progress).build(at: url)
        return true
    }
}
