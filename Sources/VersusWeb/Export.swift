import Foundation
import VersusCore
import VersusService

/// The whole site as static files for any static host: the same `Site` functions the router calls, written to
/// the file names `SiteURL.exportFile` gives. A comparison's page and its API document come from one comparison.
public struct SiteExport: Sendable {
    public let app: WebApp

    public init(app: WebApp) {
        self.app = app
    }

    public struct Report: Sendable {
        public var files = 0
        public var bytes = 0
    }

    /// `progress(done, total)` after each page.
    public func write(to folder: URL, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Report {
        let site = app.site
        let service = site.service
        var report = Report()
        func save(_ url: SiteURL, _ rendered: Rendered) throws {
            guard let name = url.exportFile else { return }
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ExportFile.save(rendered.body, to: file.path)
            report.files += 1
            report.bytes += rendered.body.count
        }
        try save(.home, site.hub())
        try save(.occupations, site.occupations())
        try save(.stylesheet, Rendered(kind: .css, body: site.stylesheet))
        try save(.script, Rendered(kind: .javascript, body: site.script))
        try save(.sitemap, site.sitemap())
        try save(.robots, site.robots())
        try save(.openAPI, Rendered(kind: .json, body: app.openAPI))
        let entries = site.shared.catalog.entries
        let occupations = site.shared.occupations
        let total = entries.count + 2 * occupations.count
        var done = 0
        // Pages are made two at a time (this machine's cores) and written in order.
        for batch in stride(from: 0, to: entries.count, by: 64) {
            let slice = Array(entries[batch..<min(batch + 64, entries.count)])
            let pages = try await withThrowingTaskGroup(of: (Int, Rendered, Rendered).self) { group in
                for (offset, entry) in slice.enumerated() {
                    group.addTask {
                        let result = try await service.compare(slug: entry.slug)
                        return (offset, site.comparison(result), site.apiComparison(result))
                    }
                }
                var pages: [(Int, Rendered, Rendered)] = []
                for try await page in group { pages.append(page) }
                return pages.sorted { $0.0 < $1.0 }
            }
            for (offset, page, document) in pages {
                try save(.comparison(slug: slice[offset].slug, place: nil), page)
                try save(.apiComparison(slug: slice[offset].slug), document)
                done += 1
                progress(done, total)
            }
        }
        for batch in stride(from: 0, to: occupations.count, by: 64) {
            let slice = Array(occupations[batch..<min(batch + 64, occupations.count)])
            let pages = try await withThrowingTaskGroup(of: (Int, Rendered, Rendered).self) { group in
                for (offset, occupation) in slice.enumerated() {
                    group.addTask {
                        let facts = try await service.occupation(occupation.code.rawValue)
                        return (offset, site.occupation(facts), site.apiOccupation(facts))
                    }
                }
                var pages: [(Int, Rendered, Rendered)] = []
                for try await page in group { pages.append(page) }
                return pages.sorted { $0.0 < $1.0 }
            }
            for (offset, page, document) in pages {
                try save(.occupation(slice[offset].code, place: nil), page)
                try save(.apiOccupation(slice[offset].code), document)
                done += 1
                progress(done, total)
            }
        }
        // Every occupation's moves page, by code (the address every occupation and comparison page links to).
        for batch in stride(from: 0, to: occupations.count, by: 64) {
            let slice = Array(occupations[batch..<min(batch + 64, occupations.count)])
            let pages = try await withThrowingTaskGroup(of: (Int, Rendered).self) { group in
                for (offset, occupation) in slice.enumerated() {
                    group.addTask {
                        let slug = VersusService.slug(of: occupation.code)
                        return (offset, site.moves(try await service.moves(occupation.code.rawValue), slug: slug, choices: MovesChoices()))
                    }
                }
                var pages: [(Int, Rendered)] = []
                for try await page in group { pages.append(page) }
                return pages.sorted { $0.0 < $1.0 }
            }
            for (offset, page) in pages {
                try save(.moves(slug: VersusService.slug(of: slice[offset].code), choices: MovesChoices()), page)
                done += 1
                progress(done, total)
            }
        }
        return report
    }
}

/// A file of the export that could not be written, with the system's reason.
public struct ExportError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    static func cannotWrite(path: String, errno code: Int32) -> ExportError {
        ExportError(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// One file of the export.
enum ExportFile {
    /// With write(2) and no fsync: `Data.write` waits for the disk after each file, which made up most of the
    /// export's time over its 9,000 files. An export cut short by a crash is simply made again.
    static func save(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ExportError.cannotWrite(path: path, errno: errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw ExportError.cannotWrite(path: path, errno: errno) }
            written += count
        }
    }
}
