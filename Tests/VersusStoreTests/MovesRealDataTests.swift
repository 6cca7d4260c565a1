import Foundation
import Testing
import VersusCore
import VersusService
@testable import VersusStore

/// The moves on the real data: every figure a move shows is its raw row (read from the files under Data/, not from
/// the database), and O*NET's Primary-Short related occupations lead the default order.
@Suite("Moves on the real data")
struct MovesRealDataTests {
    /// One service for the suite: its moves index is built once.
    actor Shared {
        static let instance = Shared()
        private var service: VersusService?

        func get() async throws -> VersusService {
            if let service { return service }
            let made = try await VersusService(store: LiveCareerStore(database: realDatabase()))
            service = made
            return made
        }
    }

    /// Roles from several families and preparation levels, with the pairs the issue names.
    static let roles = ["31-1131.00", "29-1141.00", "31-9091.00", "43-4051.00", "15-1252.00", "47-2111.00", "25-2021.00", "11-1021.00"]

    @Test("pay change, openings per 100 jobs and the ORS band equal their raw rows", arguments: roles)
    func figuresEqualRawRows(code: String) async throws {
        let raw = try RawRows.shared.get()
        let result = try await Shared.instance.get().moves(code, limit: 20)
        #expect(!result.moves.isEmpty)
        func value(_ file: DataFile, _ code: String, _ element: String) -> Double? {
            raw.values["\(file.rawValue)|\(code)|\(element)"].flatMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        }
        func median(_ figures: RoleFigures) -> Double? {
            figures.profile.wageSource.flatMap { value(.oewsEstimates, $0.code.rawValue, "A_MEDIAN, AREA 0000000") }
        }
        for row in [result.stay] + result.moves.map(\.target) {
            #expect(row.annualMedian == median(row), "\(row.code) median")
            if let p = row.profile.projections, let openings = row.openingsPer100 {
                let rawOpenings = try #require(value(.projections, p.code.rawValue, "Occupational openings, 2024–34 annual average"))
                let rawJobs = try #require(value(.projections, p.code.rawValue, "Employment, 2024"))
                #expect(abs(openings - rawOpenings / rawJobs * 100) < 1e-9, "\(row.code) openings per 100")
            }
            if let band = row.preparationBand, let survey = row.profile.requirementsSurvey {
                let soc = survey.socCode.rawValue.replacingOccurrences(of: "-", with: "")
                #expect(value(.ors, soc, band.answer.code) == band.share, "\(row.code) ORS band \(band.answer.code)")
                // The band is the mode: no other published band of the role has a larger share.
                for code in (64...72).map({ String(format: "%05d", $0) }) {
                    if let other = value(.ors, soc, code) { #expect(other <= band.share, "\(row.code) band \(code) is larger") }
                }
            }
        }
        for move in result.moves {
            if move.sharesWageEstimate {
                // One OEWS estimate for both: no change is stated, and the two wage codes are indeed one.
                #expect(move.payChange == nil && result.stay.profile.wageSource?.code == move.target.profile.wageSource?.code)
            } else if let stay = median(result.stay), let target = median(move.target) {
                #expect(move.payChange == target - stay, "\(move.target.code) pay change")
            } else {
                #expect(move.payChange == nil)
            }
            if let related = move.related {
                #expect(
                    raw.values["\(DataFile.onetRelated.rawValue)|\(code)|\(move.target.code.rawValue)"] == "\(related.tier), index \(related.rank)")
            }
        }
    }

    @Test("O*NET's Primary-Short related occupations are among the first ten moves of every occupation")
    func primaryShortLead() async throws {
        let service = try await Shared.instance.get()
        var problems: [String] = []
        for occupation in try service.occupations {
            let result = try await service.moves(occupation.code.rawValue)
            let firstTen = Set(result.moves.prefix(10).map(\.target.code))
            let primaryShort = result.stay.profile.related.filter { $0.tier == "Primary-Short" }
            for related in primaryShort where !firstTen.contains(related.code) {
                problems.append("\(occupation.code) → \(related.code)")
            }
        }
        #expect(problems.isEmpty, "\(problems.count) missing: \(problems.prefix(10))")
    }

    @Test("Versus's similarity finds moves O*NET does not list, and ranks related occupations above unrelated ones")
    func similarityAddsMoves() async throws {
        let service = try await Shared.instance.get()
        let result = try await service.moves("29-1141.00", limit: 30)
        #expect(result.moves.contains { $0.related == nil })
        let world = try await service.movesIndexForTesting()
        let nurse = try #require(OccupationCode("29-1141.00"))
        let practitioner = try #require(OccupationCode("29-1171.00")), roofer = try #require(OccupationCode("47-2181.00"))
        #expect(world.similarity(nurse, practitioner)!.score > world.similarity(nurse, roofer)!.score + 0.3)
    }

    @Test("filters hold: pays more is higher pay, no more schooling is no higher entry education")
    func filtersHold() async throws {
        let service = try await Shared.instance.get()
        let paysMore = try await service.moves("31-1131.00", limit: 30, filters: MoveFilters(paysMore: true))
        #expect(!paysMore.moves.isEmpty)
        #expect(paysMore.moves.allSatisfy { ($0.payChange ?? 0) > 0 })
        let noSchool = try await service.moves("31-1131.00", limit: 30, filters: MoveFilters(noMoreSchooling: true))
        #expect(noSchool.moves.allSatisfy { ($0.educationGap ?? 1) <= 0 })
        let byPay = try await service.moves("31-1131.00", sort: .pay).moves.compactMap(\.payChange)
        #expect(byPay == byPay.sorted(by: >))
    }

    @Test("entry education steps follow BLS's order: a postsecondary nondegree award is one step above some college")
    func educationStepsFollowBLS() async throws {
        #expect(EntryEducation.step("Some college, no degree")! < EntryEducation.step("Postsecondary nondegree award")!)
        // Medical assistants (postsecondary nondegree award) to registered nurses (bachelor's): award, associate's, bachelor's.
        let moves = try await Shared.instance.get().moves("31-9092.00", limit: 50).moves
        let nurses = try #require(moves.first { $0.target.code.rawValue == "29-1141.00" })
        #expect(nurses.educationGap == 2)
    }

    @Test("a time to learn too close to the next band to call counts as either: the least gap both allow, none when they disagree")
    func closeBandsAreEither() async throws {
        // Paralegals to secretaries (26.3% against 25.6%): one reading is a band shorter, the other the same.
        let moves = try await Shared.instance.get().moves("23-2011.00", limit: 50).moves
        let secretaries = try #require(moves.first { $0.target.code.rawValue == "43-6014.00" })
        #expect(secretaries.target.preparationBand?.close != nil)
        #expect(secretaries.preparationBandGap == nil)
        // Retail salespersons (up to 1 month) to their supervisors (2–4 years, or 4–10 years within the margin): at least 5.
        let retail = try await Shared.instance.get().moves("41-2031.00", limit: 50).moves
        let supervisors = try #require(retail.first { $0.target.code.rawValue == "41-1011.00" })
        #expect(supervisors.preparationBandGap == 5 && supervisors.preparationBandGapIsBound)
        #expect(MoveText.gap(supervisors).contains("ORS time to learn at least 5 bands longer"))
    }

    @Test("the work a move says both do is linked to tasks the comparison compares for both, never a supplemental task")
    func sharedWorkRestsOnComparedTasks() async throws {
        func compared(_ profile: OccupationProfile) -> [OccupationTask] {
            profile.tasks.contains { $0.kind != nil } ? profile.tasks.filter { $0.kind == .core } : profile.tasks
        }
        func does(_ profile: OccupationProfile, _ activity: String) -> Bool {
            compared(profile).contains { task in task.activities.contains { $0.title == activity } }
        }
        // Paralegals to court reporters: "prepare legal documents" is only a supplemental task of court reporters.
        let result = try await Shared.instance.get().moves("23-2011.00", limit: 20)
        #expect(!result.moves.isEmpty)
        for move in result.moves {
            for activity in move.sharedActivities {
                #expect(does(result.stay.profile, activity) && does(move.target.profile, activity), "\(move.target.title): \(activity)")
            }
        }
    }

    @Test("a move whose BLS figures are a group's or a split SOC code's says whose they are")
    func sharedFiguresAreNamed() async throws {
        let moves = try await Shared.instance.get().moves("47-2031.00", limit: 50).moves
        let weatherization = try #require(moves.first { $0.target.code.rawValue == "47-4099.03" })
        #expect(
            MoveText.pay(weatherization.target).hasSuffix(
                "; pay, outlook and entry education are BLS’s for the group Miscellaneous Construction and Related Workers (47-4090)"))
        let bricklayers = try #require(moves.first { $0.target.code.rawValue == "47-2021.00" })
        #expect(!MoveText.pay(bricklayers.target).contains("BLS’s for"))
    }

    @Test("stepping stones: nursing assistant → registered nurse goes through licensed practical nurse, each step its own figures")
    func steppingStones() async throws {
        let service = try await Shared.instance.get()
        let result = try await service.moves("31-1131.00")
        let nurse = try #require(result.moves.first { $0.target.code.rawValue == "29-1141.00" })
        let stone = try #require(nurse.steppingStone)
        #expect(stone.via.code.rawValue == "29-2061.00")
        // The two steps add up to the move: pay and every preparation gap.
        #expect(stone.first.payChange! + stone.second.payChange! == nurse.payChange!)
        #expect(stone.first.educationGap! + stone.second.educationGap! == nurse.educationGap!)
        #expect(stone.first.preparationBandGap! + stone.second.preparationBandGap! == nurse.preparationBandGap!)
        // Only a target that needs much more preparation gets one, and never through itself.
        for move in try await service.moves("29-1141.00", limit: 30).moves + result.moves {
            if let stone = move.steppingStone {
                #expect(MovePlanner.needsMuchMore(move))
                #expect(stone.via.code != move.target.code)
            }
        }
    }
}
