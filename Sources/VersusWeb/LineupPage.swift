import VersusCore
import VersusService

extension Site {
    /// Three or four roles side by side: the table, a pay chart, the pairwise comparisons, a form to add a role.
    func lineup(_ result: WrittenLineup) -> Rendered {
        let lineup = result.lineup
        let place = lineup.area.map { PlaceParameter.area($0.code) }
        let article = result.article
        let pay = Charts.payRanges(
            lineup.roles.map { Charts.PayRange(label: $0.name.text, wages: $0.local?.estimate ?? $0.profile.nationalWages) },
            caption: "Annual pay\(lineup.area.map { " in \($0.title)" } ?? ", United States"): " + Self.series(lineup.roles.map(\.name.text)),
            id: "pay-chart")
        let notes = lineup.roles.compactMap(Self.readingNote)
        struct Model {
            let home: String; let weakNotes: Listing<String>?; let article: String; let moves: Listing<Link>?; let addRole: AddRoleForm?
        }
        let addRole = addRoleForm(lineup.roles, place: place)
        let model = Model(
            home: SiteURL.home.path, weakNotes: Listing(notes),
            article: HTMLRenderer.render(
                article, figures: pay.isEmpty ? [:] : [.lineup: pay],
                leads: [.lineup: placeForm(area: lineup.area, slug: article.slug)],
                href: { SiteURL.comparison(slug: $0, place: place).path }),
            moves: Listing(lineup.roles.map { Self.movesLink($0.occupation.code, name: $0.name.text) }),
            addRole: addRole)
        let description =
            "\(Self.series(lineup.roles.map(\.name.text))) side by side: pay, time to qualify, outlook, license, skills and working conditions"
            + "\(lineup.area.map { " in \($0.title)" } ?? "") from O*NET 30.1 and BLS data."
        let canonical = SiteURL.comparison(slug: article.slug, place: place)
        return html(
            Page(
                template: "lineup", model: model,
                head: .init(
                    title: article.title + (lineup.area.map { " in \($0.title)" } ?? "") + " · Versus", description: description, canonical: canonical
                )))
    }

    /// "A, B and C".
    static func series(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// A comparison address answered: two roles' page, or a lineup's.
    func page(_ answer: ComparisonAnswer) -> Rendered {
        switch answer {
        case .pair(let result): return comparison(result)
        case .lineup(let result): return lineup(result)
        }
    }

    func api(_ answer: ComparisonAnswer) -> Rendered { Rendered(kind: .json, body: answer.json) }
}
