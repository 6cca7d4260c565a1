import CompressNIO
import Foundation
import NIOCore

/// Reads a data file whole, gunzipping it when its name ends in `.gz`.
enum FileBytes {
    /// The largest decompressed file read (OEWS estimates are 44 MB): a bound on what one file may cost in memory.
    static let largestFile: UInt32 = 512 << 20

    static func read(_ url: URL, displayName: String) throws -> [UInt8] {
        let raw: Data
        do {
            raw = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ImportError(file: displayName, message: "cannot be read (\(error.localizedDescription))")
        }
        guard url.pathExtension == "gz" else { return Array(raw) }
        return try gunzip(raw, displayName: displayName)
    }

    static func gunzip(_ compressed: Data, displayName: String) throws -> [UInt8] {
        guard compressed.count >= 18, compressed[compressed.startIndex] == 0x1f, compressed[compressed.startIndex + 1] == 0x8b else {
            throw ImportError(file: displayName, message: "is not a gzip file (bad header)")
        }
        // The trailer's ISIZE is the decompressed length mod 2^32: exact for any file the importer reads. Output is
        // decompressed into a buffer of that size, so a file cannot claim little and expand without bound.
        let tail = compressed.suffix(4)
        let expectedSize = tail.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard expectedSize <= largestFile else {
            throw ImportError(
                file: displayName,
                message:
                    "is a truncated or damaged gzip file (its trailer says \(expectedSize) bytes, more than the \(largestFile) an upstream file may have)"
            )
        }
        var input = ByteBuffer(bytes: compressed)
        var output = ByteBufferAllocator().buffer(capacity: Int(expectedSize) + 1)
        do {
            try input.decompress(to: &output, with: .gzip())
        } catch {
            throw ImportError(file: displayName, message: "is a damaged or truncated gzip file (\(error))")
        }
        // zlib stops quietly at the end of a truncated stream: the length is what catches a file cut short.
        guard UInt32(truncatingIfNeeded: output.readableBytes) == expectedSize, output.readableBytes <= largestFile else {
            throw ImportError(
                file: displayName,
                message: "is a truncated or damaged gzip file (decompressed \(output.readableBytes) bytes, trailer says \(expectedSize))")
        }
        return output.readBytes(length: output.readableBytes) ?? []
    }
}

/// Reads and gunzips the data files on a second thread while the loader inserts the rows of earlier ones, so
/// that decompressing is off the import's critical path. Largest first: the loader reaches the big files
/// late (OEWS estimates come after O*NET), and small ones it can read itself when it gets there first.
final class FilePrefetcher: @unchecked Sendable {  // `state` and `queue` are only touched holding `condition`
    private enum State {
        case reading
        case done(Result<[UInt8], Error>)
        /// Handed to the loader (or read by it): not read ahead again.
        case taken
    }

    private let condition = NSCondition()
    private var state: [String: State] = [:]
    private var queue: [URL]

    init(files: [URL]) {
        queue = files
        let thread = Thread { [self] in
            while let next = claimNext() {
                finish(Self.key(next), Result { try FileBytes.read(next, displayName: next.lastPathComponent) })
            }
        }
        thread.name = "versus import: read ahead"
        thread.start()
    }

    /// Every `.gz` file under `data`, largest first: the files worth decompressing ahead.
    convenience init(data: DataDirectory) {
        var files: [(url: URL, size: Int)] = []
        if let enumerator = FileManager.default.enumerator(at: data.url, includingPropertiesForKeys: [.fileSizeKey]) {
            for case let url as URL in enumerator where url.pathExtension == "gz" {
                files.append((url, (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0))
            }
        }
        self.init(files: files.sorted { $0.size > $1.size }.map(\.url))
    }

    private static func key(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }

    private func claimNext() -> URL? {
        condition.lock()
        defer { condition.unlock() }
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if state[Self.key(next)] == nil {
                state[Self.key(next)] = .reading
                return next
            }
        }
        return nil
    }

    private func finish(_ key: String, _ result: Result<[UInt8], Error>) {
        condition.lock()
        state[key] = .done(result)
        condition.broadcast()
        condition.unlock()
    }

    /// Stops reading ahead (the files already read are dropped with the prefetcher).
    func cancel() {
        condition.lock()
        queue.removeAll()
        condition.unlock()
    }

    /// The file's bytes: read ahead, or being read (waits for it), or read now on this thread. A file that
    /// failed ahead is read again here, so that its error is the one a plain read gives.
    func read(_ url: URL, displayName: String) throws -> [UInt8] {
        let key = Self.key(url)
        condition.lock()
        while case .reading = state[key] { condition.wait() }
        let found = state[key]
        state[key] = .taken
        condition.unlock()
        if case .done(.success(let bytes)) = found { return bytes }
        return try FileBytes.read(url, displayName: displayName)
    }
}
