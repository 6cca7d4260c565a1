/// Sources: each source with its release, the O*NET attribution its licence requires, and BLS's citation.
enum SourcesSection {
    /// Releases of the data Versus carries; they change only with a new data import.
    enum Release {
        static let onet = "O*NET 30.1 Database (December 2025)"
        static let oews = "Occupational Employment and Wage Statistics (May 2025)"
        static let projections = "Employment Projections (2024–34)"
        static let ors = "Occupational Requirements Survey (2020, preliminary estimates)"
    }

    static func write(_ context: WritingContext) -> ArticleSection { write(area: context.comparison.area) }

    static func write(area: OEWSAreaRef?) -> ArticleSection {
        var oewsUse = ""
        if let area { oewsUse = ", national and for \(area.title)" }
        // One BLS credit naming its three programmes with their releases: BLS's citation, each programme named once.
        let items: [Inlines] = [
            "\(Release.onet). \(Attribution.onet)",
            "\(Attribution.bls([Release.oews + oewsUse, Release.projections, Release.ors]))",
        ]
        return ArticleSection(
            id: .sources, heading: "Sources",
            blocks: [
                .list(items),
                .paragraph("BLS figures are matched to O*NET-SOC 2019 codes through the O*NET-SOC to SOC 2018 crosswalk."),
            ])
    }
}
