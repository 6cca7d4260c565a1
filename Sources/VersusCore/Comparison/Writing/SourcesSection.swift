/// Sources: each source with its release, the O*NET attribution its licence requires, and BLS's citation.
enum SourcesSection {
    /// Releases of the data Versus carries; they change only with a new data import.
    enum Release {
        static let onet = "O*NET 30.1 Database (December 2025)"
        static let oews = "Occupational Employment and Wage Statistics (May 2025)"
        static let projections = "Employment Projections (2024–34)"
        static let ors = "Occupational Requirements Survey (2020, preliminary estimates)"
    }

    static func write(_ context: WritingContext) -> ArticleSection {
        var oewsUse = "employment and wages, national and by industry"
        if let area = context.comparison.area { oewsUse += ", and for \(area.title)" }
        let items: [Inlines] = [
            "\(Release.onet): occupation descriptions, reported titles, tasks and detailed work activities, job zones, education and experience ratings, skills, knowledge, technologies, tools and related occupations. \(Attribution.onet)",
            "\(Release.oews): \(oewsUse). \(Attribution.bls(["Occupational Employment and Wage Statistics"]))",
            "\(Release.projections): employment 2024 and 2034, openings, self-employment, typical entry education, experience and training (table 1.2), educational attainment (table 5.3) and top skills (table 6.2). \(Attribution.bls(["Employment Projections"]))",
            "\(Release.ors): telework, pace, supervision, contact with the public, physical and environmental conditions, credentials and prior experience, where published. \(Attribution.bls(["Occupational Requirements Survey"]))",
        ]
        return ArticleSection(id: .sources, heading: "Sources", blocks: [
            .list(items),
            .paragraph("O*NET codes follow O*NET-SOC 2019; BLS figures are matched through SOC 2018 codes using the O*NET-SOC to SOC 2018 crosswalk."),
        ])
    }
}
