import GRDB
import VersusCore

/// Names derived from the titles by rules that live in Core (`TitleCasing`, `PopularTitle`): stored by the
/// importer in `derived_name`, each kind with its rules' version.
enum DerivedNames {
    struct Kind {
        let name: String
        let version: Int
    }

    static let titleCasing = Kind(name: "title-casing", version: TitleCasing.version)
    static let popularNames = Kind(name: "popular-names", version: PopularTitle.version)

    static func store(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO derived_name(kind, version, key, value) VALUES (?, ?, ?, ?)")
        for (kind, pairs) in [(titleCasing, try VersusDatabase.titleCasingPairs(db)), (popularNames, try VersusDatabase.popularNamePairs(db))] {
            for (key, value) in pairs { try insert.execute(arguments: [kind.name, kind.version, key, value]) }
        }
    }
}
