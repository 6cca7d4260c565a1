import Foundation
import Testing
@testable import VersusCore
@testable import VersusStore

/// Every comparing sentence of every catalog pair, checked the way a fact-checker would: each row it cites is read
/// from the upstream file under `Data/` (not from the database) and must hold the cited value, and each kind of claim
/// must agree with its own rows: an "only" task has no same-worded task in the other role, "most" is over half,
/// "more" pay and a "better outlook" agree with the figures, a stated route quotes a row that names the other role.
@Suite("Claims and their evidence over the whole catalog")
struct ClaimEvidenceTests {
    @Test("every claim of every catalog pair rests on rows that say what it says")
    func everyCatalogClaimHoldsAgainstTheRawRows() throws {
        let raw = try RawRows.shared.get()
        let reader = try ComparisonReader(database: realDatabase())
        let catalog = try CompareSupport.catalog()
        var problems: [String] = []
        var counts: [Claim.Kind: Int] = [:]
        for entry in catalog.entries {
            let (a, b) = (entry.first.code, entry.second.code)
            let comparison = try reader.comparison(
                RoleRequest(query: a.rawValue, resolved: a, matchedTitle: nil, nameWhenQueryIsCode: entry.first.name),
                RoleRequest(query: b.rawValue, resolved: b, matchedTitle: nil, nameWhenQueryIsCode: entry.second.name))
            let article = ArticleWriter.write(comparison)
            for claim in Self.claims(in: article) {
                counts[claim.kind, default: 0] += 1
                for problem in ClaimCheck(claim: claim, comparison: comparison, raw: raw).problems() {
                    problems.append("\(entry.slug) [\(claim.kind.rawValue)] \(problem): \(claim.text.plainText)")
                }
            }
            if problems.count > 20 { break }
        }
        #expect(problems.isEmpty, "\(problems.count) claims fail:\n\(problems.prefix(20).joined(separator: "\n"))")
        // The walk covered every kind of claim the article makes.
        for kind in Claim.Kind.allCases { #expect(counts[kind, default: 0] > 0, "no \(kind) claim in the catalog") }
    }

    @Test("the check can fail: a figure, an only-task and a majority that the rows do not support are caught")
    func theCheckCatchesFalseClaims() throws {
        let raw = try RawRows.shared.get()
        let comparison = try ArticleTrustTests.comparison("31-1131.00", "29-2061.00")
        let (a, b) = (comparison.first, comparison.second)
        let wrongPay = Claim(
            .pay, "\(a.name.withArticle.sentenceStart) earns more.",
            evidence: [Evidence(.oewsEstimates, code: "31-1131", element: "A_MEDIAN, AREA 0000000", value: "99999")])
        #expect(!ClaimCheck(claim: wrongPay, comparison: comparison, raw: raw).problems().isEmpty)
        // An LPN task that a CNA task repeats word for word is not the LPN's alone.
        let cnaTask = try #require(a.profile.tasks.first)
        let fakeOnly = Claim(
            .only, Inlines(stringLiteral: cnaTask.statement),
            evidence: [Evidence(.onetTasks, code: b.occupation.code.rawValue, element: String(cnaTask.id), value: cnaTask.statement)])
        #expect(!ClaimCheck(claim: fakeOnly, comparison: comparison, raw: raw).problems().isEmpty)
        let fakeMost = Claim(
            .preparation, "Up to 1 month for most Nursing Assistants (43%).",
            evidence: [Evidence(.ors, code: "311131", element: "00065", value: "43")])
        #expect(!ClaimCheck(claim: fakeMost, comparison: comparison, raw: raw).problems().isEmpty)
    }

    static func claims(in article: Article) -> [Claim] {
        article.sections.flatMap(\.blocks).flatMap { block -> [Claim] in
            switch block {
            case .claims(let claims): return claims
            case .claim(let claim): return [claim]
            default: return []
            }
        }
    }
}

/// One claim against its rows.
struct ClaimCheck {
    let claim: Claim
    let comparison: Comparison
    let raw: RawRows

    func problems() -> [String] {
        var problems: [String] = []
        for evidence in claim.evidence {
            if let problem = raw.mismatch(evidence) { problems.append(problem) }
        }
        let text = claim.text.plainText
        if [.pay, .duties, .outlook, .conditions, .shared, .only].contains(claim.kind), claim.evidence.isEmpty {
            problems.append("no evidence")
        }
        // "most X (57.3%)" is a majority; "the largest group of X (33.8%)" is not.
        for match in text.matches(of: /for most [^()]*\((\d+(?:\.\d+)?)%\)/) where Double(match.1)! <= 50 {
            problems.append("'most' for \(match.1)%")
        }
        for match in text.matches(of: /largest group of [^()]*\((\d+(?:\.\d+)?)%\)/) where Double(match.1)! > 50 {
            problems.append("'largest group' for a majority, \(match.1)%")
        }
        switch claim.kind {
        case .only:
            guard let cited = claim.evidence.first else { break }
            let other = cited.code == comparison.first.occupation.code.rawValue ? comparison.second : comparison.first
            let words = Self.normalized(cited.value)
            if raw.tasks[other.occupation.code.rawValue, default: []].contains(where: { Self.normalized($0) == words }) {
                problems.append("the other role has the same task")
            }
        case .pay:
            if text.contains(" earns more") || text.contains(" earn more") {
                let values = claim.evidence.compactMap { Double($0.value) }
                let higher = comparison.roles.first {
                    text.hasPrefix($0.name.withArticle.sentenceStart) || text.contains(", \($0.name.withArticle) earn")
                }
                if let higher, values.count == 2, let source = higher.profile.wageSource?.code.rawValue,
                    let own = claim.evidence.first(where: { $0.code == source }).flatMap({ Double($0.value) })
                {
                    if own < values.max()! { problems.append("the role said to earn more has the lower median") }
                }
            }
        case .outlook:
            if let match = text.firstMatch(of: /better outlook for (.+?) on both counts/) {
                let named = String(match.1)
                for role in comparison.roles where role.name.withArticle == named {
                    let other = comparison.roles.first { $0 !== role }!
                    func value(_ r: Comparison.Role, _ column: String) -> Double? {
                        claim.evidence.first { $0.code == r.profile.projections?.code.rawValue && $0.element == column }.flatMap { Double($0.value) }
                    }
                    let growth = "Employment change, percent, 2024–34", openings = "Occupational openings, 2024–34 annual average"
                    let jobs = "Employment, 2024"
                    if let g1 = value(role, growth), let g2 = value(other, growth), g1 <= g2 { problems.append("better outlook, lower growth") }
                    if let o1 = value(role, openings), let j1 = value(role, jobs), let o2 = value(other, openings), let j2 = value(other, jobs),
                        o1 / j1 <= o2 / j2
                    {
                        problems.append("better outlook, fewer openings per job")
                    }
                }
            }
        case .route:
            if text.hasPrefix("The data names") || text.hasPrefix("The data states a route") {
                let quoting = claim.evidence.filter { $0.file == .onetOccupations || $0.file == .onetTasks }
                if quoting.isEmpty { problems.append("a stated route without the row that states it") }
            }
        default:
            break
        }
        return problems
    }

    static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0 == " " })
    }
}

/// The upstream rows claims cite, read from the files under `Data/` with the importer's file reader only.
final class RawRows: Sendable {
    static let shared: Result<RawRows, Error> = Result { try RawRows() }

    /// "file|code|element" → value.
    let values: [String: String]
    /// Task statements by O*NET-SOC code.
    let tasks: [String: [String]]
    let descriptions: [String: String]

    private init() throws {
        var values: [String: String] = [:]
        var tasks: [String: [String]] = [:]
        var descriptions: [String: String] = [:]
        func each(_ file: DataFile, csv: Bool = false, _ body: ([String: Int], [String]) -> Void) throws {
            let plain = repositoryData.url.appendingPathComponent(file.rawValue)
            let url = FileManager.default.fileExists(atPath: plain.path) ? plain : plain.appendingPathExtension("gz")
            var reader = DelimitedReader(bytes: try FileBytes.read(url, displayName: file.rawValue), file: file.rawValue, format: csv ? .csv : .tsv)
            var fields: [String] = []
            guard try reader.next(into: &fields) else { return }
            var header: [String: Int] = [:]
            for (index, name) in fields.enumerated() { header[name] = index }
            while try reader.next(into: &fields) { body(header, fields) }
        }
        func key(_ file: DataFile, _ code: String, _ element: String) -> String { "\(file.rawValue)|\(code)|\(element)" }
        try each(.onetTasks) { h, f in
            values[key(.onetTasks, f[h["O*NET-SOC Code"]!], f[h["Task ID"]!])] = f[h["Task"]!]
            tasks[f[h["O*NET-SOC Code"]!], default: []].append(f[h["Task"]!])
        }
        var dwaTitles: [String: String] = [:]
        let reference = repositoryData.url.appendingPathComponent("onet/30.1/DWA Reference.txt.gz")
        var dwaReader = DelimitedReader(
            bytes: try FileBytes.read(reference, displayName: "DWA Reference.txt"), file: "DWA Reference.txt", format: .tsv)
        var row: [String] = []
        _ = try dwaReader.next(into: &row)
        while try dwaReader.next(into: &row) { dwaTitles[row[2]] = row[3] }
        try each(.onetTasksToDWAs) { h, f in
            let dwa = f[h["DWA ID"]!]
            values[key(.onetTasksToDWAs, f[h["O*NET-SOC Code"]!], f[h["Task ID"]!] + " " + dwa)] = dwaTitles[dwa] ?? ""
        }
        try each(.onetOccupations) { h, f in descriptions[f[h["O*NET-SOC Code"]!]] = f[h["Description"]!] }
        try each(.onetJobZones) { h, f in values[key(.onetJobZones, f[h["O*NET-SOC Code"]!], "Job Zone")] = f[h["Job Zone"]!] }
        try each(.onetRelated) { h, f in
            values[key(.onetRelated, f[h["O*NET-SOC Code"]!], f[h["Related O*NET-SOC Code"]!])] =
                "\(f[h["Relatedness Tier"]!]), index \(f[h["Index"]!])"
        }
        try each(.oewsEstimates, csv: true) { h, f in
            guard f[h["AREA"]!] == "0000000", f[h["NAICS"]!] == "000000" else { return }
            for column in ["A_MEDIAN", "H_MEDIAN", "TOT_EMP", "A_PCT10", "A_PCT90"] {
                values[key(.oewsEstimates, f[h["OCC_CODE"]!], column + ", AREA 0000000")] = f[h[column]!]
            }
        }
        let columns = Cite.ProjectionColumn.self
        try each(.projections) { h, f in
            for column in [columns.employment2024, .changePercent, .openings, .education, .experience, .training] {
                values[key(.projections, f[h["2024 National Employment Matrix code"]!], column.rawValue)] = f[h[column.rawValue]!]
            }
        }
        try each(.ors) { h, f in
            values[key(.ors, f[h["SOC 2018 CODE"]!], f[h["ESTIMATE CODE"]!])] = f[h["ESTIMATE"]!]
        }
        self.values = values
        self.tasks = tasks
        self.descriptions = descriptions
    }

    /// Why a cited row does not hold the cited value, or nil when it does.
    func mismatch(_ evidence: Evidence) -> String? {
        if evidence.file == .onetOccupations {
            guard let description = descriptions[evidence.code] else { return "no description for \(evidence.code)" }
            let quote = evidence.value.hasSuffix(".") ? String(evidence.value.dropLast()) : evidence.value
            return description.contains(quote) ? nil : "the description of \(evidence.code) does not say “\(evidence.value)”"
        }
        guard let published = values["\(evidence.file.rawValue)|\(evidence.code)|\(evidence.element)"] else {
            return "no row \(evidence.code) \(evidence.element) in \(evidence.file.rawValue)"
        }
        if published == evidence.value { return nil }
        if let x = Double(published), let y = Double(evidence.value), x == y { return nil }
        // ORS writes "-" with a "less than" footnote where the evidence says "<0.5".
        if evidence.value.hasPrefix("<"), published == "-" { return nil }
        return "\(evidence.file.rawValue) \(evidence.code) \(evidence.element) is “\(published)”, cited as “\(evidence.value)”"
    }
}
