import ArgumentParser
import Foundation
import VersusCore
import VersusService
import VersusWeb

struct Moves: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Where a role can go next: related occupations with the pay change, the preparation gap, the skills to add and the outlook.",
        discussion: """
            The title resolves as in `versus compare` (a job title or an O*NET-SOC code). Moves come from O*NET's related \
            occupations and from Versus's own similarity of skills, knowledge and work activities (Docs/moves.md), e.g. \
            versus moves "nursing assistant" --sort pay.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, markdown, json
    }

    @Argument(help: "The job title, or an O*NET-SOC code.")
    var title: String

    @Option(name: .long, help: "Pay in a state, by name, postal abbreviation or OEWS/FIPS code.")
    var state: String?

    @Option(name: .long, help: "Pay in a state or metropolitan area, by name or OEWS code.")
    var area: String?

    @Option(name: .long, help: "How many moves (1–\(MovePlanner.maximumLimit)).")
    var limit = MovePlanner.defaultLimit

    @Option(name: .long, help: "Order: match (O*NET's closest first), pay, similarity or openings.")
    var sort: MoveSort = .match

    @Flag(name: .long, help: "Only moves that pay more.")
    var paysMore = false

    @Flag(name: .long, help: "Only moves whose typical entry education is not higher.")
    var noMoreSchooling = false

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: Format = .text

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if state != nil && area != nil { throw ValidationError("use --state or --area, not both") }
        if !(1...MovePlanner.maximumLimit).contains(limit) { throw ValidationError("--limit must be 1 to \(MovePlanner.maximumLimit)") }
    }

    func run() async throws {
        let service = try await store.startService()
        service.prefetch(for: title)
        let place = state.map(Place.state) ?? area.map(Place.area)
        let result = try await service.moves(
            title, place: place, limit: limit, sort: sort, filters: MoveFilters(paysMore: paysMore, noMoreSchooling: noMoreSchooling))
        FileHandle.standardOutput.write(Data(Self.output(result, format: format)))
    }

    /// What `versus moves` prints, as UTF-8; the JSON is the API's document.
    static func output(_ result: MovesResult, format: Format) -> [UInt8] {
        let address = { (move: Move) in MovesDocument.comparison(move, from: result).path }
        switch format {
        case .text: return Array(MovesRenderer.text(result, comparison: address).utf8)
        case .markdown: return Array(MovesRenderer.markdown(result, comparison: address).utf8)
        case .json: return MovesDocument.utf8(result)
        }
    }
}

extension MoveSort: ExpressibleByArgument {}
