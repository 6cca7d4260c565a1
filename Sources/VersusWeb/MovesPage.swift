import VersusCore
import VersusService

extension Site {
    /// The moves page: the stay row, the table of moves, the choices as links and a GET form, and the chart.
    func moves(_ result: MovesResult, slug: String, choices: MovesChoices) -> Rendered {
        struct Row {
            let number: Int; let href: String; let title: String; let code: String; let source: String; let similarity: String
            let payChange: String; let raise: Bool; let pay: String; let gap: String; let preparation: String; let needsMore: String
            let outlook: String; let why: String; let compareHref: String?; let steppingStone: String?
        }
        struct Stay { let href: String; let title: String; let code: String; let pay: String; let preparation: String; let outlook: String }
        struct Choice { let href: String; let title: String; let current: Bool }
        struct SortOption { let value: String; let title: String; let selected: Bool }
        struct Model {
            let home: String; let name: String; let weakNote: String?; let alternatives: Listing<Link>?; let payPlace: String
            let stay: Stay; let rows: [Row]; let empty: Bool; let sorts: [Choice]; let filters: [Choice]
            let formAction: String; let sortOptions: [SortOption]; let paysMore: Bool; let noMoreSchooling: Bool
            let stateOptions: String; let metro: String; let chart: String?; let apiHref: String
            /// A static export has one file per page: choices in the query, and the API, need a live server.
            let live: Bool
        }
        func address(_ change: (inout MovesChoices) -> Void) -> String {
            var next = choices
            change(&next)
            return SiteURL.moves(slug: slug, choices: next).path
        }
        let sortTitles: [MoveSort: String] = [.match: "best match", .pay: "pay change", .similarity: "similarity", .openings: "openings"]
        let rows = result.moves.enumerated().map { number, move in
            Row(
                number: number + 1, href: SiteURL.occupation(move.target.code, place: nil).path, title: move.target.title,
                code: move.target.code.rawValue, source: MoveText.source(move), similarity: MoveText.similarity(move),
                payChange: MoveText.payChange(move), raise: (move.payChange ?? 0) > 0, pay: MoveText.pay(move.target),
                gap: MoveText.gap(move), preparation: MoveText.preparation(move.target), needsMore: MoveText.needsMore(move),
                outlook: MoveText.outlook(move.target), why: MoveText.why(move), compareHref: comparisonHref(move, result),
                steppingStone: MoveText.steppingStone(move))
        }
        var points: [Charts.MovePoint] = []
        var undrawn: [String] = []
        for (number, move) in result.moves.enumerated() {
            if let change = move.payChange, let gap = move.jobZoneGap {
                points.append(Charts.MovePoint(number: number + 1, title: move.target.title, payChange: change, zoneGap: gap))
            } else {
                undrawn.append("\(number + 1). \(move.target.title)")
            }
        }
        let area = result.area
        let model = Model(
            home: SiteURL.home.path, name: result.fromName, weakNote: MoveText.readAs(result),
            alternatives: Listing(
                result.from.alternatives.prefix(6).map {
                    Link(.moves(slug: VersusService.slug(of: $0.code), choices: choices), "\($0.title) instead of \(result.stay.title)")
                }), payPlace: MoveText.payPlace(result),
            stay: Stay(
                href: SiteURL.occupation(result.stay.code, place: nil).path, title: result.stay.title, code: result.stay.code.rawValue,
                pay: MoveText.pay(result.stay), preparation: MoveText.preparation(result.stay), outlook: MoveText.outlook(result.stay)),
            rows: rows, empty: rows.isEmpty,
            sorts: MoveSort.allCases.map { sort in
                Choice(href: address { $0.sort = sort }, title: sortTitles[sort] ?? sort.rawValue, current: sort == choices.sort)
            },
            filters: [
                Choice(href: address { $0.paysMore.toggle() }, title: "pays more", current: choices.paysMore),
                Choice(href: address { $0.noMoreSchooling.toggle() }, title: "no more schooling", current: choices.noMoreSchooling),
            ],
            formAction: SiteURL.moves(slug: slug, choices: MovesChoices()).path,
            sortOptions: MoveSort.allCases.map { SortOption(value: $0.rawValue, title: sortTitles[$0] ?? $0.rawValue, selected: $0 == choices.sort) },
            paysMore: choices.paysMore, noMoreSchooling: choices.noMoreSchooling,
            stateOptions: shared.stateOptions(selecting: area), metro: area.flatMap { $0.kind == .metro ? $0.title : nil } ?? "",
            chart: Charts.moves(
                points, left: undrawn, caption: "Pay change against preparation gap: moves from \(result.stay.title)", id: "moves-chart"),
            apiHref: SiteURL.apiMoves(from: result.stay.code.rawValue, choices: choices).path, live: !isStatic)
        let canonical = SiteURL.moves(
            slug: VersusService.slug(of: result.stay.code), choices: MovesChoices(place: area.map { .area($0.code) }))
        let title = "Moves from \(result.fromName)\(area.map { " in \($0.title)" } ?? "") · Versus"
        let description =
            "Where \(result.stay.title) can move next: pay change, preparation gap, skills to add and outlook, from O*NET and BLS data."
        return html(Page(template: "moves", model: model, head: .init(title: title, description: description, canonical: canonical)))
    }

    /// The move's full comparison: the catalog's page, else (on a live server) the compare form by codes.
    func comparisonHref(_ move: Move, _ result: MovesResult) -> String? {
        if let slug = move.catalogSlug { return SiteURL.comparison(slug: slug, place: nil).path }
        return isStatic ? nil : MovesDocument.comparison(move, from: result).path
    }

    func apiMoves(_ result: MovesResult) -> Rendered {
        Rendered(kind: .json, body: MovesDocument.utf8(result))
    }
}
