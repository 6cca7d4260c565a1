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
    ///
    /// Several processes may start at once on a new machine (a server and a command, or a server's workers):
    /// the first to take an exclusive lock on `<database>.lock` builds, the others wait for the lock and then
    /// find the database there. The lock is flock(2)'s, so it is released when a builder dies, however it dies.
    @discardableResult
    public func buildIfMissing(data: DataDirectory, progress: DatabaseBuilder.Progress? = nil) throws -> Bool {
        guard !exists else { return false }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ImportError(file: folder.path, message: "cannot be created for the database (\(error.localizedDescription))")
        }
        let lockPath = url.path + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ImportError(file: lockPath, message: "cannot be opened to build the database (\(String(cString: strerror(errno))))")
        }
        // The lock file stays: removing it would let a third process lock a new file while a second still holds the old one.
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw ImportError(file: lockPath, message: "cannot be locked to build the database (\(String(cString: strerror(errno))))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        // Whoever held the lock before may have built it.
        guard !exists else { return false }
        try DatabaseBuilder(data: data, progress: progress).build(at: url)
        return true
    }
}
