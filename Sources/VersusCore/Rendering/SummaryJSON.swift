import Foundation

/// `versus show --json`: the summary as a stable JSON document. Not-published values are null;
/// top-coded values are the bound with `topCoded: true` beside them.
public struct SummaryJSON: Encodable {
    struct Figure: Encodable {
        let value: Double?
        let topCoded: Bool
        init(_ estimate: Estimate) {
            value = estimate.statedNumber
            topCoded = estimate.isTopCoded
        }
    }
    struct Wages: Encodable {
        let employment: Double?
        let annualMedian: Figure
        let annualMean: Figure
        let hourlyMedian: Figure
        let annualOnly: Bool
        let hourlyOnly: Bool
    }
    struct WageCode: Encodable {
        let code: String
        let title: String
        let basis: String
    }

    let code: String
    let title: String
    let description: String
    let socCode: String
    let jobZone: Int?
    let wageCode: WageCode?
    let national: Wages?
    let typicalEntryEducation: String?
    let sampleTitles: [String]
    let attribution: [String]

    public init(_ summary: OccupationSummary) {
        code = summary.occupation.code.rawValue
        title = summary.occupation.title
        description = summary.occupation.description
        socCode = summary.occupation.socCode.rawValue
        jobZone = summary.occupation.jobZone
        wageCode = summary.wageSource.map { WageCode(code: $0.code.rawValue, title: $0.title, basis: $0.basis.rawValue) }
        national = summary.nationalWages.map {
            Wages(employment: $0.employment.value, annualMedian: Figure($0.annualMedian), annualMean: Figure($0.annualMean),
                  hourlyMedian: Figure($0.hourlyMedian), annualOnly: $0.annualOnly, hourlyOnly: $0.hourlyOnly)
        }
        typicalEntryEducation = summary.typicalEntryEducation
        sampleTitles = summary.sampleTitles
        attribution = [Attribution.onet, Attribution.bls(["Occupational Employment and Wage Statistics (May 2025)", "Employment Projections (2024-34)"])]
    }

    public func render() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
