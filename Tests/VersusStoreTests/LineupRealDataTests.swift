import Foundation
import Testing
@testable import VersusCore
import VersusService
@testable import VersusStore

/// Three and four roles side by side on the real data: every figure in the table is its raw row (read from the
/// files under Data/, not from the database), the working conditions shown differ as the notes say, and each pair's
/// link leads to a comparison of exactly the two occupations in its columns.
@Suite("Lineups on the real data")
struct LineupRealDataTests {
    static let lineups: [[String]] = [
        ["rn", "lpn", "cna"],
        ["operations manager", "coo", "financial manager", "accountant"],
        ["software developer", "data scientist", "web developer"],
        ["electrician", "plumber", "hvac technician", "carpenter"],
        ["paralegal", "lawyer", "31-9092.00"],
    ]

    @Test("each cell equals its raw row", arguments: lineups)
    func figuresEqualRawRows(titles: [String]) async throws {
        let raw = try RawRows.shared.get()
        let service = try await VersusService(store: LiveCareerStore(database: realDatabase()))
        guard case .lineup(let written) = try await service.compare(titles) else {
            Issue.record("\(titles) is not a lineup")
            return
        }
        let lineup = written.lineup
        #expect(lineup.roles.count == titles.count)
        let table = try #require(
            written.article.section(.lineup)?.blocks.compactMap { block -> Table? in
                if case .table(let table) = block { return table }
                return nil
            }.first)
        #expect(table.header.count == titles.count + 1)
        func row(_ label: String) -> [String]? { table.rows.first { $0[0] == label }.map { Array($0.dropFirst()) } }
        func value(_ file: DataFile, _ code: String, _ element: String) -> Double? {
            raw.values["\(file.rawValue)|\(code)|\(element)"].flatMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        }
        /// "$97,550 a year" → 97550; "8.4 (54,400 a year)" → 8.4; "+4.9%" → 4.9.
        func number(_ cell: String) -> Double? {
            let head = cell.split(separator: " ").first.map(String.init) ?? cell
            return Double(head.filter { $0.isNumber || $0 == "." || $0 == "-" })
        }
        let median = try #require(row("Median pay")), range = try #require(row("10th–90th percentile"))
        let change = try #require(row("Employment change, 2024–34")), openings = try #require(row("Openings a year per 100 jobs"))
        for (index, role) in lineup.roles.enumerated() {
            let name = "\(titles[index]) (\(role.occupation.code))"
            if let wage = role.profile.wageSource?.code.rawValue, let a = value(.oewsEstimates, wage, "A_MEDIAN, AREA 0000000") {
                #expect(number(median[index]) == a, "\(name) median: \(median[index])")
                let bounds = range[index].split(separator: "–").map { number(String($0.trimmingCharacters(in: .whitespaces))) }
                #expect(bounds.count == 2 && bounds[0] == value(.oewsEstimates, wage, "A_PCT10, AREA 0000000"), "\(name) p10: \(range[index])")
                #expect(bounds.count == 2 && bounds[1] == value(.oewsEstimates, wage, "A_PCT90, AREA 0000000"), "\(name) p90: \(range[index])")
            }
            if let p = role.profile.projections {
                let code = p.code.rawValue
                #expect(number(change[index]) == value(.projections, code, Cite.ProjectionColumn.changePercent.rawValue), "\(name) growth")
                if let jobs = value(.projections, code, Cite.ProjectionColumn.employment2024.rawValue),
                    let open = value(.projections, code, Cite.ProjectionColumn.openings.rawValue)
                {
                    let per100 = (open / jobs * 100 * 10).rounded() / 10
                    #expect(number(openings[index]) == per100, "\(name) openings per 100: \(openings[index])")
                }
            }
            if let survey = role.profile.requirementsSurvey, let license = row("Need a license (ORS)") {
                let soc = survey.socCode.rawValue.replacingOccurrences(of: "-", with: "")
                if let share = value(.ors, soc, "01087") { #expect(number(license[index]) == share, "\(name) license: \(license[index])") }
            }
            if let survey = role.profile.requirementsSurvey, let credential = row("Need a credential (ORS)") {
                let soc = survey.socCode.rawValue.replacingOccurrences(of: "-", with: "")
                if let share = value(.ors, soc, "00098") {
                    #expect(number(credential[index]) == share, "\(name) credential: \(credential[index])")
                }
            }
        }
        // Every working condition shown is one whose shares in the raw rows are 20 points apart or more, a share ORS
        // publishes only the other way ("not exposed" for one role, "exposed" for another) counted as its complement.
        for cells in table.rows where cells[0].hasSuffix("(ORS)") && !cells[0].hasPrefix("Need") {
            let measure = try #require(
                SurveyMeasure.environment.first { measure in
                    guard case .share(_, let yesPhrase, _, let noPhrase) = measure.kind else { return false }
                    return [yesPhrase, noPhrase].contains { $0.sentenceStart + " (ORS)" == cells[0] }
                }, "\(cells[0]) is a yes/no measure")
            guard case .share(let yes, _, let no, _) = measure.kind else { continue }
            let shares = lineup.roles.compactMap { role -> Double? in
                guard let soc = role.profile.requirementsSurvey?.socCode.rawValue.replacingOccurrences(of: "-", with: "") else { return nil }
                return value(.ors, soc, yes) ?? value(.ors, soc, no).map { 100 - $0 }
            }
            #expect((shares.max() ?? 0) - (shares.min() ?? 0) >= 20, "\(cells)")
        }
        // Each pair's link is a comparison of the two occupations in its columns.
        let pairs = Lineup.pairIndices(lineup.roles.count)
        #expect(lineup.pairs.count == pairs.count)
        for ((i, j), link) in zip(pairs, lineup.pairs) {
            guard case .pair(let pair) = try await service.compare(address: link.slug) else {
                Issue.record("\(link.slug) is not a pair")
                continue
            }
            let codes = Set(pair.comparison.roles.map(\.occupation.code))
            #expect(codes == Set([lineup.roles[i].occupation.code, lineup.roles[j].occupation.code]), "\(link.slug)")
        }
    }

    @Test("a lineup's address reads back as the same lineup, and two roles keep today's article")
    func addresses() async throws {
        let service = try await VersusService(store: LiveCareerStore(database: realDatabase()))
        let slug = try service.canonicalSlug(["rn", "lpn", "cna"])
        #expect(slug == "rn-vs-lpn-vs-cna")
        guard case .lineup(let lineup) = try await service.compare(address: slug) else {
            Issue.record("not a lineup")
            return
        }
        #expect(lineup.lineup.roles.map(\.occupation.code.rawValue) == ["29-1141.00", "29-2061.00", "31-1131.00"])
        guard case .pair(let pair) = try await service.compare(["operations manager", "coo"]) else {
            Issue.record("two roles are not a comparison")
            return
        }
        let today = try await service.compare("operations manager", "coo")
        #expect(pair.article == today.article)
        await #expect(throws: InputError.roleCount(5)) { try await service.compare(["a", "b", "c", "d", "e"]) }
        await #expect(throws: InputError.roleCount(5)) { try await service.compare(address: "a-vs-b-vs-c-vs-d-vs-e") }
    }
}
