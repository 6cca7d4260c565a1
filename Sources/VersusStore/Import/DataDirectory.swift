import Foundation

/// The folder of upstream files (the repository's `Data/`), laid out as `source/release/file`.
public struct DataDirectory: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// The file `name` in `folder`, plain or gzipped (`name.gz`).
    func file(_ folder: String, _ name: String) throws -> (url: URL, displayName: String) {
        let base = url.appendingPathComponent(folder).appendingPathComponent(name)
        for candidate in [base, base.appendingPathExtension("gz")] where FileManager.default.fileExists(atPath: candidate.path) {
            return (candidate, "\(folder)/\(candidate.lastPathComponent)")
        }
        throw ImportError(file: "\(folder)/\(name)", message: "is missing from \(url.path) (looked for \(name) and \(name).gz)")
    }

    /// Row counts recorded in `folder/PROVENANCE.md` (`| \`file\` | rows | sha256 |`), keyed by file name without `.gz`.
    func recordedRowCounts(_ folder: String) throws -> [String: Int] {
        let url = self.url.appendingPathComponent(folder).appendingPathComponent("PROVENANCE.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ImportError(file: "\(folder)/PROVENANCE.md", message: "is missing: it records the row count each file is checked against")
        }
        return Self.rowCounts(provenance: text)
    }

    /// The `| \`file\` | rows | ... |` rows of a PROVENANCE.md.
    static func rowCounts(provenance text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].hasPrefix("`"), cells[0].hasSuffix("`"), let rows = Int(cells[1]) else { continue }
            var name = String(cells[0].dropFirst().dropLast())
            if name.hasSuffix(".gz") { name = String(name.dropLast(3)) }
            counts[name] = rows
        }
        return counts
    }

    /// Every regular file under the folder, with size and modification time, plus `buildKey` (the versions of
    /// what the importer writes): what the database cache is keyed on.
    public func fingerprint(buildKey: String) throws -> String {
        var entries: [String] = []
        guard Self.listFiles(url.path, relative: "", into: &entries) else {
            throw ImportError(file: url.path, message: "is not a readable folder")
        }
        guard !entries.isEmpty else { throw ImportError(file: url.path, message: "holds no data files") }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ([buildKey] + entries.sorted()).joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// Regular files under `path` as "/relative/path|size|mtime in ms", symbolic links not followed. Read with
    /// `readdir` and `lstat`: Foundation's enumerator with resource values took about 5 ms of every command.
    private static func listFiles(_ path: String, relative: String, into entries: inout [String]) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            guard name != ".", name != ".." else { continue }
            let full = path + "/" + name, shown = relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: _ = listFiles(full, relative: shown, into: &entries)
            case S_IFREG: entries.append("\(shown)|\(info.st_size)|\(Int64(modified(info) * 1000))")
            default: continue
            }
        }
        return true
    }

    /// Seconds since 1970, as Foundation's `contentModificationDate` gives them.
    private static func modified(_ info: stat) -> Double {
        #if os(Linux)
            Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        #else
            Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1_000_000_000
        #endif
    }
}
