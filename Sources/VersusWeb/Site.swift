import Foundation
import Mustache
import VersusCore
import VersusService

/// A response's bytes before HTTP: what the router sends and the exporter writes.
struct Rendered: Sendable {
    enum Kind: String, Sendable {
        case html = "text/html; charset=utf-8"
        case json = "application/json; charset=utf-8"
        case problem = "application/problem+json; charset=utf-8"
        case css = "text/css; charset=utf-8"
        case javascript = "text/javascript; charset=utf-8"
        case xml = "application/xml; charset=utf-8"
        case text = "text/plain; charset=utf-8"
    }

    var status: Int = 200
    var kind: Kind
    var body: [UInt8]
    /// Where a 303 sends the client.
    var location: String?

    init(status: Int = 200, kind: Kind, body: [UInt8], location: String? = nil) {
        self.status = status
        self.kind = kind
        self.body = body
        self.location = location
    }

    init(status: Int = 200, kind: Kind, _ text: String) {
        self.init(status: status, kind: kind, body: Array(text.utf8))
    }

    static func redirect(_ url: SiteURL) -> Rendered {
        Rendered(status: 303, kind: .text, body: [], location: url.path)
    }
}

/// Every page and document of the site, rendered from the service's values: the one function the router and
/// the exporter share.
struct Site: Sendable {
    let service: VersusService
    let templates: Templates
    /// The site's public origin for canonical links and the sitemap ("https://versus.example").
    let base: String
    let stylesheet: [UInt8]
    let script: [UInt8]
    let shared: Shared
    /// Pages for a static host (`versus export`): no links that only a live server answers.
    let isStatic: Bool

    /// What every page shares, read from the service once, when the site is built.
    struct Shared: Sendable {
        let catalog: ComparisonCatalog
        let employment: [OccupationCode: Double]
        let families: [SOCGroup]
        let states: [OEWSAreaRef]
        let occupations: [OccupationRef]
        /// The place selector's options with each state selected (and, under "", none): the same on every page.
        let stateOptions: [String: String]

        func stateOptions(selecting area: OEWSAreaRef?) -> String {
            stateOptions[area?.code ?? ""] ?? stateOptions[""] ?? ""
        }
    }

    /// Reads everything requests share now (`VersusService.loadAll`), and every profile: a server pays for it, or
    /// fails, at start-up.
    static func load(service: VersusService, base: String, isStatic: Bool = false) async throws -> Site {
        try service.loadAll()
        try await service.loadProfiles()
        try await service.loadMoves()
        let reference = service.reference
        let templates = try await Templates.load()
        let states = try reference.areas.states
        var options: [String: String] = [:]
        for selected in [nil] + states {
            let model = ["states": states.map { StateOption(state: $0, selected: $0 == selected) }]
            options[selected?.code ?? ""] = templates.library.render(model, withTemplate: "state-options") ?? ""
        }
        let shared = Shared(
            catalog: try service.catalog, employment: try reference.employment, families: try reference.families,
            states: states, occupations: try service.occupations, stateOptions: options)
        return Site(
            service: service, templates: templates, base: base,
            stylesheet: try Assets.load("site.css"), script: try Assets.load("site.js"), shared: shared, isStatic: isStatic)
    }

    /// A comparison of two occupations by code: the catalog's page when the pair has one, else the compare form's
    /// redirect, which only a live server answers (so a static export leaves that link out).
    /// `place`: the local pay the page shows, kept as a person follows the link.
    func comparisonURL(_ first: String, _ second: String, place: PlaceParameter? = nil) -> SiteURL? {
        if let a = OccupationCode(first), let b = OccupationCode(second), let entry = shared.catalog.entry(a, b) {
            return .comparison(slug: entry.slug, place: place)
        }
        return isStatic ? nil : .compareForm(first: first, second: second, place: place)
    }

    func html(_ page: Page, status: Int = 200) -> Rendered {
        Rendered(status: status, kind: .html, templates.render(page, base: base))
    }

    // MARK: Pages

    func hub() -> Rendered {
        let catalog = shared.catalog
        let seeds = catalog.entries.filter { $0.origin == .seed }
        let employment = shared.employment
        func smaller(_ entry: CatalogEntry) -> Double { min(employment[entry.first.code] ?? 0, employment[entry.second.code] ?? 0) }
        let popular = catalog.entries.filter { $0.origin != .seed }.sorted { smaller($0) > smaller($1) }.prefix(12)
        let counts = Dictionary(grouping: shared.occupations, by: { $0.code.socPrefix.majorGroup }).mapValues(\.count)
        struct Family { let href: String; let title: String; let count: Int }
        struct Model { let compareAction: String; let suggestAction: String; let seeds: [Link]; let popular: [Link]; let families: [Family] }
        let model = Model(
            compareAction: SiteURL.Pattern.compareForm, suggestAction: SiteURL.Pattern.apiSuggest,
            seeds: seeds.map { Link(.comparison(slug: $0.slug, place: nil), $0.title) },
            popular: popular.map { Link(.comparison(slug: $0.slug, place: nil), $0.title) },
            families: shared.families.map { family in
                Family(href: SiteURL.occupations.path + "#" + family.code.rawValue, title: family.title, count: counts[family.code] ?? 0)
            })
        return html(
            Page(
                template: "hub", model: model,
                head: .init(
                    title: "Job Search: compare careers from public data · Versus",
                    description: "Compare any two jobs: duties, requirements, work environment, skills and pay, from O*NET and BLS data.",
                    canonical: .home)))
    }

    static let relatedShown = 12

    func comparison(_ result: WrittenComparison) -> Rendered {
        let comparison = result.comparison
        // The place the page shows pay for stays chosen on every comparison it links to.
        let place = comparison.area.map { PlaceParameter.area($0.code) }
        let article = result.article
        let (first, second) = (comparison.first, comparison.second)
        let canonicalSlug =
            result.catalogEntry.flatMap { entry in
                article.navigation?.next != nil || article.navigation?.previous != nil ? entry.slug : nil
            } ?? article.slug
        let canonical = SiteURL.comparison(slug: canonicalSlug, place: comparison.area.map { .area($0.code) })
        // The page shows the first dozen; an occupation can be in hundreds of catalog pairs.
        var related: [Link] = [], relatedTitles: Set<String> = []
        relatedPairs: for role in comparison.roles {
            for entry in shared.catalog.entries(including: role.occupation.code) where entry.slug != result.catalogEntry?.slug {
                guard related.count < Self.relatedShown else { break relatedPairs }
                let title = entry.title
                if relatedTitles.insert(title).inserted { related.append(Link(.comparison(slug: entry.slug, place: place), title)) }
            }
        }
        var alternatives: [Link] = []
        for (role, other) in [(first, second), (second, first)] {
            for alternative in role.request.alternatives {
                let pair =
                    role === first
                    ? (alternative.code.rawValue, other.occupation.code.rawValue) : (other.occupation.code.rawValue, alternative.code.rawValue)
                guard let url = comparisonURL(pair.0, pair.1, place: place) else { continue }
                alternatives.append(Link(url, "\(alternative.title) instead of \(role.occupation.title) for “\(role.request.query)”"))
            }
        }
        let notes = comparison.roles.compactMap(Self.readingNote)
        let pay = Charts.payRanges(
            comparison.roles.map { Charts.PayRange(label: $0.name.text, wages: $0.local?.estimate ?? $0.profile.nationalWages) },
            caption: "Annual pay\(comparison.area.map { " in \($0.title)" } ?? ", United States"): \(first.name.text) and \(second.name.text)",
            id: "pay-chart")
        let skills = skillDifferences(first.profile, second.profile)
        let skillsChart =
            skills.isEmpty
            ? nil
            : Charts.differences(skills, firstLabel: first.name.text, secondLabel: second.name.text, id: "skills-chart")
        // Read by name, without reflection: the page every uncached comparison renders.
        struct Model: MustacheParent {
            let home: String; let weakNotes: Listing<String>?;
            let article: String;
            let alternatives: Listing<Link>?; let related: Listing<Link>?; let previous: Link?; let next: Link?; let moves: Listing<Link>?
            let addRole: AddRoleForm?

            func child(named name: String) -> Any? {
                switch name {
                case "home": home
                case "weakNotes": weakNotes
                case "article": article
                case "alternatives": alternatives
                case "related": related
                case "previous": previous
                case "next": next
                case "moves": moves
                case "addRole": addRole
                default: nil
                }
            }
        }
        let links = article.navigation
        let model = Model(
            home: SiteURL.home.path, weakNotes: Listing(notes),
            article: HTMLRenderer.render(
                article, figures: [.salary: pay, .skills: skillsChart].compactMapValues { $0 },
                leads: [.salary: placeForm(area: comparison.area, slug: canonicalSlug)]),
            alternatives: Listing(alternatives.prefix(8)), related: Listing(related),
            previous: links?.previous.map { Link(.comparison(slug: $0.slug, place: place), $0.title) },
            next: links?.next.map { Link(.comparison(slug: $0.slug, place: place), $0.title) },
            moves: Listing(comparison.roles.map { Self.movesLink($0.occupation.code, name: $0.name.text) }),
            addRole: comparison.isSameOccupation ? nil : addRoleForm(comparison.roles, place: place))
        let description =
            "\(first.name.text) vs. \(second.name.text): duties, requirements, work environment, skills and pay"
            + "\(comparison.area.map { " in \($0.title)" } ?? "") compared from O*NET 30.1 and BLS data."
        let title = comparison.area.map { "\(first.name.text) vs. \(second.name.text) in \($0.title) · Versus" } ?? article.title + " · Versus"
        return html(Page(template: "comparison", model: model, head: .init(title: title, description: description, canonical: canonical)))
    }

    /// The skills and knowledge whose O*NET importance differs most, where at least one role rates them 3.0 or more
    /// ("important" on O*NET's 1–5 scale): a gap in something neither job needs says nothing.
    /// The local pay form, where the pay is: at the top of the Salary section.
    func placeForm(area: OEWSAreaRef?, slug: String) -> String {
        struct Model { let placeAction: String; let stateOptions: String; let metro: String }
        let model = Model(
            placeAction: SiteURL.comparison(slug: slug, place: nil).path, stateOptions: shared.stateOptions(selecting: area),
            metro: area.flatMap { $0.kind == .metro ? $0.title : nil } ?? "")
        return templates.library.render(MustacheTree.make(model), withTemplate: "place-form") ?? ""
    }

    /// The skills the article's "Where they differ most" table names, and only those: the chart draws the table.
    func skillDifferences(_ a: OccupationProfile, _ b: OccupationProfile) -> [Charts.Difference] {
        SkillsSection.skillDifferences(a, b).map { Charts.Difference(name: $0.name, first: $0.first, second: $0.second) }
    }

    func occupation(_ facts: OccupationFacts) -> Rendered {
        let profile = facts.profile
        let occupation = profile.occupation
        let canonical = SiteURL.occupation(occupation.code, place: facts.local.map { .area($0.area.code) })
        struct PayRow {
            let area: String; let employment: String; let p10: String; let p25: String; let median: String; let p75: String; let p90: String
        }
        func row(_ area: String, _ wages: WageEstimate?) -> PayRow {
            guard let w = wages else {
                let none = "not published"
                return PayRow(area: area, employment: none, p10: none, p25: none, median: none, p75: none, p90: none)
            }
            return PayRow(
                area: area, employment: w.employment.countText, p10: w.annualP10.annualText, p25: w.annualP25.annualText,
                median: w.annualMedian.annualText, p75: w.annualP75.annualText, p90: w.annualP90.annualText)
        }
        var payRows = [row("United States", profile.nationalWages)]
        if let local = facts.local { payRows.append(row(local.area.title, local.estimate)) }
        let wageNote: String
        if let source = profile.wageSource {
            wageNote =
                source.basis == .own
                ? "OEWS May 2025, all industries, annual wages (SOC \(source.code.rawValue))."
                : "OEWS publishes no figures for this occupation alone; these are for the group \(source.title) (\(source.code.rawValue)), which contains it."
        } else {
            wageNote = "OEWS publishes no wages for this occupation."
        }
        var outlook: [String] = []
        if let p = profile.projections {
            let group = p.basis == .aggregate ? " (figures for the group \(p.title))" : ""
            if let change = p.changePercent { outlook.append("Employment change 2024–34: \(NumberText.percent(change))\(group)") }
            if let openings = p.annualOpenings { outlook.append("Openings a year, on average: \(NumberText.count(openings * 1000))\(group)") }
        }
        if outlook.isEmpty { outlook.append("BLS Employment Projections publish no outlook for this occupation.") }
        var requirements: [String] = []
        if let education = profile.projections?.typicalEducation { requirements.append("Typical education for entry (BLS): \(education)") }
        if let experience = profile.projections?.workExperience {
            requirements.append("Work experience in a related occupation (BLS): \(experience)")
        }
        if let training = profile.projections?.onTheJobTraining { requirements.append("On-the-job training (BLS): \(training)") }
        if let zone = profile.jobZone { requirements.append("O*NET \(zone.name)") }
        if requirements.isEmpty { requirements.append("Not published.") }
        let core = profile.tasks.filter { $0.kind == .core }.prefix(10).map(\.statement)
        let skills = profile.skills.filter { $0.importance != nil }.sorted { ($0.importance ?? 0) > ($1.importance ?? 0) }.prefix(8)
            .map { "\($0.name) (importance \(NumberText.decimal($0.importance!, places: 2)) of 5)" }
        let technologies = profile.technologies.sorted { ($0.inDemand ? 2 : 0) + ($0.hot ? 1 : 0) > ($1.inDemand ? 2 : 0) + ($1.hot ? 1 : 0) }
            .prefix(14).map { $0.name + ($0.inDemand ? " (in demand)" : "") }
        struct Related { let href: String; let title: String; let compareHref: String? }
        struct Model {
            let home: String; let family: Link?; let name: String; let code: String; let onetTitle: String; let description: String
            let placeAction: String; let stateOptions: String; let metro: String; let payRows: [PayRow]; let wageNote: String;
            let stateChart: String?
            let outlook: [String]; let requirements: [String]; let titles: String; let tasks: [String]; let skills: [String]
            let technologies: Listing<String>?; let related: [Related]; let comparisons: Listing<Link>?; let moves: Link
        }
        let model = Model(
            home: SiteURL.home.path,
            family: facts.family.map { Link(SiteURL.occupations, $0.title) }.map {
                Link(href: $0.href + "#" + facts.family!.code.rawValue, title: $0.title)
            },
            name: facts.name, code: occupation.code.rawValue, onetTitle: occupation.title, description: occupation.description,
            placeAction: SiteURL.occupation(occupation.code, place: nil).path,
            stateOptions: shared.stateOptions(selecting: facts.local?.area),
            metro: facts.local.flatMap { $0.area.kind == .metro ? $0.area.title : nil } ?? "", payRows: payRows, wageNote: wageNote,
            stateChart: Charts.statePay(facts.stateWages, id: "state-chart"),
            outlook: outlook, requirements: requirements, titles: profile.reportedTitles.prefix(12).joined(separator: " · "),
            tasks: core.isEmpty ? ["O*NET lists no core tasks for this occupation."] : Array(core),
            skills: skills.isEmpty ? ["Not published."] : Array(skills), technologies: Listing(technologies),
            related: profile.related.prefix(10).map { related in
                Related(
                    href: SiteURL.occupation(related.code, place: nil).path, title: related.title,
                    compareHref: comparisonURL(occupation.code.rawValue, related.code.rawValue)?.path)
            },
            comparisons: Listing(facts.comparisons.prefix(12).map { Link(.comparison(slug: $0.slug, place: nil), $0.title) }),
            moves: Self.movesLink(occupation.code, name: facts.name))
        let description = "\(facts.name) (\(occupation.title)): what they do, pay by state, outlook, requirements and skills from O*NET and BLS."
        return html(
            Page(
                template: "occupation", model: model,
                head: .init(
                    title: "\(facts.name): \(occupation.title) · Versus", description: description, canonical: canonical)))
    }

    /// A role's moves page, by code, so the export has it.
    static func movesLink(_ code: OccupationCode, name: String) -> Link {
        Link(.moves(slug: VersusService.slug(of: code), choices: MovesChoices()), "Next moves from \(name): pay, preparation and skills")
    }

    func occupations() -> Rendered {
        struct Family { let anchor: String; let title: String; let occupations: [Link] }
        let byFamily = Dictionary(grouping: shared.occupations, by: { $0.code.socPrefix.majorGroup })
        let families = shared.families.map { family in
            Family(
                anchor: family.code.rawValue, title: family.title,
                occupations: (byFamily[family.code] ?? []).map { Link(.occupation($0.code, place: nil), $0.title) })
        }
        struct Model { let home: String; let families: [Family] }
        return html(
            Page(
                template: "occupations", model: Model(home: SiteURL.home.path, families: families),
                head: .init(
                    title: "Occupations by family · Versus", description: "Every O*NET occupation, by SOC 2018 major group.", canonical: .occupations)
            ))
    }

    /// The search page's note on its numbers: what a score is, and how often a first answer was right when measured.
    static let howSure: String = {
        let employer = TitleChoice.onEmployerTitles, posting = TitleChoice.onPostingTitles
        return "How sure: the number after an answer (0 to 1) is how closely what you typed matches a title that O*NET, "
            + "SOC or the Census index files under that occupation, and how strongly that source names it. Measured on "
            + "\(employer.titles) job titles employers wrote on H-2B visa applications, a first answer stated plainly was the "
            + "Department of Labor's own code \(employer.plain)% of the time, and one marked as a guess \(employer.guess)%; "
            + "on \(posting.titles) job-ad titles written for Versus, \(posting.plain)% and \(posting.guess)%."
    }()

    /// Answers the search page lists after the first, once the title is understood.
    static let otherAnswers = 6

    /// The search page says what the search concluded, as a comparison would: the first answer, plainly, or marked as
    /// a guess when `TitleChoice` finds it weak (a thin match, or a title the data files under several occupations
    /// alike), with the other answers worth a look; or, when the title is not understood, the nearest titles as
    /// suggestions. Answers a page would never be written about (under `TitleChoice.minimumScore`) are cut once the
    /// title is understood: "coo" no longer lists police officers at 0.39, and at most `otherAnswers` follow the first.
    /// From each answer, the next step: its page, and a comparison with the first answer (or, from the first, with the
    /// second).
    func search(_ query: String, results: [TitleMatch]) -> Rendered {
        struct Result {
            let href: String
            let title: String
            let matched: String
            let score: String
            let compareHref: String?
            let compareWith: String?
        }
        struct Model {
            let home: String
            let query: String
            let understood: Bool
            let weak: Bool
            let best: Result?
            let others: [Result]
            let nearest: [Result]
            let hasOthers: Bool
            let none: Bool
            /// The query's one job word, refused as a word of titles in many fields (`UnclearTitle.genericWord`), not for
            /// want of close titles; nil otherwise.
            let generic: String?
            let genericAdvice = UnclearTitle.tooGenericAdvice
            /// What the scores and a plain answer are worth, as measured (`TitleChoice.onEmployerTitles`).
            let howSure: String
        }
        let choice: TitleChoice?
        var generic: String?
        do {
            choice = try TitleChoice(query: query, matches: results)
        } catch {
            choice = nil
            generic = error.genericWord
        }
        let shown = choice == nil ? Array(results.prefix(5)) : results.filter { $0.score >= TitleChoice.minimumScore }
        func result(_ match: TitleMatch, comparedWith other: TitleMatch?) -> Result {
            let compare = other.flatMap { $0.code == match.code ? nil : comparisonURL(match.code.rawValue, $0.code.rawValue) }
            return Result(
                href: SiteURL.occupation(match.code, place: nil).path, title: match.title, matched: match.matched,
                score: NumberText.decimal(match.score, places: 2), compareHref: compare?.path, compareWith: compare == nil ? nil : other?.title)
        }
        let first = shown.first
        let others = choice == nil ? [] : shown.dropFirst().prefix(Self.otherAnswers).map { result($0, comparedWith: first) }
        let model = Model(
            home: SiteURL.home.path, query: query, understood: choice != nil, weak: choice?.isWeak ?? false,
            best: choice == nil ? nil : first.map { result($0, comparedWith: shown.dropFirst().first) }, others: others,
            nearest: choice == nil ? shown.map { result($0, comparedWith: nil) } : [], hasOthers: !others.isEmpty, none: results.isEmpty,
            generic: generic, howSure: Self.howSure)
        return html(
            Page(
                template: "search", model: model,
                head: .init(
                    title: "Occupations for “\(query)” · Versus", description: "Occupations whose titles match “\(query)”.",
                    canonical: .search(query: query), query: query)))
    }

    func error(status: Int, heading: String, message: String, suggestions: [Link] = []) -> Rendered {
        struct Model { let home: String; let searchAction: String; let heading: String; let message: String; let suggestions: Listing<Link>? }
        let model = Model(home: SiteURL.home.path, searchAction: "/search", heading: heading, message: message, suggestions: Listing(suggestions))
        return html(
            Page(template: "error", model: model, head: .init(title: "\(heading) · Versus", description: message, canonical: .home)),
            status: status)
    }

    /// An input error as a page: 404 for what does not exist, 400 for what cannot be read, with what to try instead.
    func error(_ error: InputError) -> Rendered {
        let suggestions = error.nearestTitles.map { Link(.occupation($0.code, place: nil), "\($0.title) (matched “\($0.matched)”)") }
        var codes: [Link] = []
        if case .unknownCode(_, let nearest) = error { codes = nearest.map { Link(.occupation($0.code, place: nil), $0.title) } }
        return self.error(
            status: Self.status(error), heading: Self.status(error) == 404 ? "Not found" : "That input cannot be used",
            message: Self.sentence(error.description, listedBelow: !(suggestions + codes).isEmpty), suggestions: suggestions + codes)
    }

    static func status(_ error: InputError) -> Int {
        switch error {
        case .unknownCode, .unknownComparison, .unknownMoves: return 404
        default: return 400
        }
    }

    /// The first line of an error's description, as a sentence. A line that introduces a list ("the nearest:")
    /// points to the page's suggestions instead, when it shows them.
    static func sentence(_ text: String, listedBelow: Bool = false) -> String {
        var line = text.split(separator: "\n").first.map(String.init) ?? text
        if line.hasSuffix(":") {
            line.removeLast()
            if listedBelow { line += " are listed below" }
        }
        return line.prefix(1).uppercased() + line.dropFirst() + (line.hasSuffix(".") ? "" : ".")
    }

    // MARK: Documents

    func sitemap() -> Rendered {
        var urls: [SiteURL] = [.home, .occupations]
        urls += shared.catalog.entries.map { .comparison(slug: $0.slug, place: nil) }
        urls += shared.occupations.map { .occupation($0.code, place: nil) }
        urls += shared.occupations.map { .moves(slug: VersusService.slug(of: $0.code), choices: MovesChoices()) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls { out += "<url><loc>\(HTMLRenderer.escape(url.absolute(base)))</loc></url>\n" }
        return Rendered(kind: .xml, out + "</urlset>\n")
    }

    func robots() -> Rendered {
        Rendered(kind: .text, "User-agent: *\nAllow: /\nSitemap: \(SiteURL.sitemap.absolute(base))\n")
    }
}

extension Estimate {
    var countText: String {
        switch self {
        case .value(let v): return NumberText.count(v)
        case .atLeast(let v): return NumberText.count(v) + " or more"
        case .notPublished: return "not published"
        }
    }
}
