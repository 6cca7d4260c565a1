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
            try Data(rendered.body).write(to: file)
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
        let total = entries.count + occupations.count
        var done = 0
        // Pages are made two at a time (this machine's cores) and written in order.
        for batch in stride(from: 0, to: entries.count, by: 64) {
            let slice = Array(entries[batch..<min(batch + 64, entries.count)])
            let pages = try await withThrowingTaskGroup(of: (Int, Rendered, Rendered).self) { group in
                for (offset, entry) in slice.enumerated() {
                    group.addTask {
                        let result = try await service.compare(slug: entry.slug)
                        return (offset, site.comparison(result, place: nil), site.apiComparison(result))
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
        for occupation in occupations {
            let facts = try await service.occupation(occupation.code.rawValue)
            try save(.occupation(occupation.code, place: nil), site.occupation(facts))
            try save(.apiOccupation(occupation.code), site.apiOccupation(facts))
            done += 1
            progress(done, total)
        }
        return report
    }
}
