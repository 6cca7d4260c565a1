import Foundation
import Mustache
import VersusCore
import VersusService

/// A page: a model value rendered by a template, then wrapped in the layout. The router and the exporter
/// call the same `Site.page(_:)`, so the export is the site.
struct Page {
    let template: String
    let model: Any
    let head: Head

    struct Head {
        let title: String
        let description: String
        let canonical: SiteURL
        /// What the header's search box shows: the query of a search page, so it can be refined.
        var query: String = ""
    }
}

/// What a link shows: an address and its words. Read by name, without reflection (see `MustacheTree`).
struct Link: MustacheParent {
    let href: String
    let title: String

    init(_ url: SiteURL, _ title: String) {
        href = url.path
        self.title = title
    }

    init(href: String, title: String) {
        self.href = href
        self.title = title
    }

    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        default: nil
        }
    }
}

/// A list a template shows under a heading of its own: nil when empty, so `{{#list}}…{{#items}}…{{/items}}…{{/list}}`
/// shows the heading once, or not at all. (swift-mustache cannot test an array's first element: `{{#list.0}}` is
/// never true.)
struct Listing<Item>: MustacheParent {
    let items: [Item]

    init?(_ items: some Collection<Item>) {
        guard !items.isEmpty else { return nil }
        self.items = Array(items)
    }

    func child(named name: String) -> Any? { name == "items" ? items : nil }
}

/// A state in a page's place selector. Read by name, without reflection: every page lists them all.
struct StateOption: MustacheParent {
    let state: OEWSAreaRef
    let selected: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "code": state.code
        case "title": state.title
        case "selected": selected
        default: nil
        }
    }
}

struct LayoutModel {
    let title: String
    let description: String
    let canonical: String
    let query: String
    let stylesheet = SiteURL.stylesheet.path
    let script = SiteURL.script.path
    let home = SiteURL.home.path
    let occupations = SiteURL.occupations.path
    let searchAction = "/search"
    let suggestAction = SiteURL.Pattern.apiSuggest
    let openAPI = SiteURL.openAPI.path
    let sitemap = SiteURL.sitemap.path
    let attribution = Attribution.onet
    let blsAttribution = Attribution.bls([
        "Occupational Employment and Wage Statistics (May 2025)", "Employment Projections (2024-34)",
        "Occupational Requirements Survey (2020, preliminary)",
    ])
    let body: String
}

// Read by name, without reflection: every page is wrapped in the layout.
extension LayoutModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "canonical": canonical
        case "query": query
        case "stylesheet": stylesheet
        case "script": script
        case "home": home
        case "occupations": occupations
        case "searchAction": searchAction
        case "suggestAction": suggestAction
        case "openAPI": openAPI
        case "sitemap": sitemap
        case "attribution": attribution
        case "blsAttribution": blsAttribution
        case "body": body
        default: nil
        }
    }
}

/// The templates, loaded once from the module's resources.
struct Templates: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Templates {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates") else { throw WebError.missingResources }
        MustacheContentTypes.register(ByteEscapedHTML(), named: ByteEscapedHTML.name)
        return Templates(library: try await MustacheLibrary(directory: folder.path))
    }

    func render(_ page: Page, base: String) -> String {
        let body = library.render(MustacheTree.make(page.model), withTemplate: page.template) ?? ""
        let layout = LayoutModel(
            title: page.head.title, description: page.head.description, canonical: page.head.canonical.absolute(base),
            query: page.head.query, body: body)
        return library.render(MustacheTree.make(layout), withTemplate: "layout") ?? ""
    }
}

/// HTML escaping by bytes (`HTMLRenderer.escape`), which every template asks for on its first line
/// (`{{% CONTENT_TYPE: HTML_BYTES }}`). swift-mustache's own escaper looks Characters up in a table, so a quote
/// followed by a combining mark (U+0022 U+0301) is one Character it does not know, and went out unescaped: a typed
/// query could leave the search box's value attribute. Escaping by bytes has no such gap, and takes a tenth of the time.
struct ByteEscapedHTML: MustacheContentType {
    static let name = "HTML_BYTES"

    func escapeText(_ text: String) -> String { HTMLRenderer.escape(text) }
}

enum WebError: Error {
    case missingResources
}

enum Assets {
    static func load(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Assets").appendingPathComponent(name) else {
            throw WebError.missingResources
        }
        return Array(try Data(contentsOf: url))
    }
}

// MARK: Pieces the comparison and the lineup pages share

extension Site {
    /// The form that sets one more role beside these (to the compare form, which only a live server answers); nil
    /// when there are four already.
    func addRoleForm(_ roles: [Comparison.Role], place: PlaceParameter?) -> AddRoleForm? {
        guard !isStatic, roles.count < Lineup.roleCounts.upperBound else { return nil }
        let names = ["a", "b", "c", "d"]
        return AddRoleForm(
            action: SiteURL.Pattern.compareForm,
            held: zip(names, roles).map { AddRoleForm.Held(name: $0, value: $1.request.query) }
                + (place?.pairs ?? []).map { AddRoleForm.Held(name: $0.0, value: $0.1) },
            name: names[roles.count], label: roles.count == 2 ? "Add a third role, side by side" : "Add a fourth role")
    }

    /// "“COO” was read as the title “Chief Operating Officer (COO)” (Chief Executives).": how a typed title was read,
    /// unless the title it matched is the same words, or their plural ("Financial Manager", "Financial Managers").
    static func readingNote(_ role: Comparison.Role) -> String? {
        guard let matched = role.request.matchedOtherTitle else { return nil }
        return "“\(role.request.query)” was read as the title “\(matched)” (\(role.occupation.title))."
    }
}

/// A form that adds a role to those on the page: their titles as typed, held, and a field for one more.
struct AddRoleForm: MustacheParent {
    struct Held { let name: String; let value: String }
    let action: String
    let held: [Held]
    /// The field's name: "c" for a third role, "d" for a fourth.
    let name: String
    let label: String

    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "held": held.map { MustacheTree.make($0) }
        case "name": self.name
        case "label": label
        default: nil
        }
    }
}
