import CompressNIO
import Foundation
import NIOCore

/// Reads a data file whole, gunzipping it when its name ends in `.gz`.
enum FileBytes {
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
        var input = ByteBuffer(bytes: compressed)
        var output: ByteBuffer
        do {
            output = try input.decompress(with: .gzip())
        } catch {
            throw ImportError(file: displayName, message: "is a damaged or truncated gzip file (\(error))")
        }
        // zlib stops quietly at the end of a truncated stream; the trailer's ISIZE
        // (length mod 2^32) is what catches a file cut short.
        let tail = compressed.suffix(4)
        let expectedSize = tail.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard UInt32(truncatingIfNeeded: output.readableBytes) == expectedSize else {
            throw ImportError(
                file: displayName,
                message: "is a truncated or damaged gzip file (decompressed \(output.readableBytes) bytes, trailer says \(expectedSize))")
        }
        return output.readBytes(length: output.readableBytes) ?? []
    }
}
