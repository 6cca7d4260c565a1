import VersusCore

/// The store's twin in memory: the same answers as the database for the values it is given, for tests of the
/// service and of every front end that need no SQLite file.
public struct InMemoryCareerStore: CareerStore {
    public let referenceData: ReferenceData
    public let profilesByCode: [OccupationCode: OccupationProfile]
    /// All-industry wages by OEWS area code, then by OEWS occupation code.
    public let wagesByArea: [String: [SOCCode: WageEstimate]]

    public init(reference: ReferenceData, profiles: [OccupationProfile], wagesByArea: [String: [SOCCode: WageEstimate]] = [:]) {
        referenceData = reference
        profilesByCode = Dictionary(profiles.map { ($0.occupation.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.wagesByArea = wagesByArea
    }

    public func reference() async throws -> ReferenceData { referenceData }

    public func profiles(_ codes: [OccupationCode], area: OEWSAreaRef?) async throws -> [PlacedProfile] {
        try codes.map { code in
            guard let profile = profilesByCode[code] else { throw InMemoryStoreError.unknownOccupation(code) }
            let local = area.map { area in
                LocalWages(area: area, estimate: profile.wageSource.flatMap { wagesByArea[area.code]?[$0.code] })
            }
            return PlacedProfile(profile: profile, local: local)
        }
    }

    public func stateWages(_ wageCode: SOCCode) async throws -> [LocalWages] {
        try referenceData.areas.states.compactMap { state in
            wagesByArea[state.code]?[wageCode].map { LocalWages(area: state, estimate: $0) }
        }
    }

    public func summary(_ code: OccupationCode) async throws -> OccupationSummary? {
        guard let profile = profilesByCode[code] else { return nil }
        return OccupationSummary(
            occupation: profile.occupation, wageSource: profile.wageSource, nationalWages: profile.nationalWages,
            typicalEntryEducation: profile.projections?.typicalEducation, sampleTitles: Array(profile.reportedTitles.prefix(5)))
    }
}

public enum InMemoryStoreError: Error, Equatable {
    case unknownOccupation(OccupationCode)
}
