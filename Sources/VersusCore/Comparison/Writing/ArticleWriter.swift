/// Writes the comparison article from the facts, deterministically: the same comparison always gives the same article.
///
/// Every sentence states something about these two occupations taken from the data, with its figures;
/// where the data is missing, thin or identical for both, the sentence says so.
public enum ArticleWriter {
    public static func write(_ comparison: Comparison) -> Article {
        let context = WritingContext(comparison)
        let sections = [
            OverviewSection.write(context),
            DutiesSection.write(context),
            RequirementsSection.write(context),
            EnvironmentSection.write(context),
            SkillsSection.write(context),
            SalarySection.write(context),
            SourcesSection.write(context),
        ]
        return Article(title: comparison.title, slug: context.slug, sections: sections, navigation: comparison.catalog)
    }
}

/// What every section writer needs: the two roles, how to name them, and the phrasing variation.
struct WritingContext {
    typealias Role = Comparison.Role

    let comparison: Comparison
    let vary: Variation
    // Stored, not computed from `comparison`: a role is a large value, and every section reads them often.
    let a: Role
    let b: Role
    let roles: [Role]
    let same: Bool
    let slug: String
    /// Read by the overview's key differences and by the duties section: worked out once.
    let coreDuties: DutiesSection.CoreDuties
    /// A description or task of one role naming the other: read by the key differences and Job Requirements.
    let mention: StepAnalysis.Mention?

    init(_ comparison: Comparison) {
        self.comparison = comparison
        slug = comparison.slug
        vary = Variation(seed: slug)
        a = comparison.first
        b = comparison.second
        roles = [a, b]
        same = comparison.isSameOccupation
        coreDuties = DutiesSection.CoreDuties(a.profile, b.profile)
        mention = same ? nil : StepAnalysis.mention(a, b)
    }

    /// "General and Operations Managers (11-1021.00)".
    func occupationWithCode(_ role: Role) -> String { "\(role.occupation.title) (\(role.occupation.code))" }

    /// The occupation BLS figures (OEWS, Projections, ORS) describe for a role: its own title when BLS publishes
    /// exactly that occupation, else the BLS title of the wider occupation or group its SOC code belongs to.
    func blsTitle(_ role: Role) -> String {
        guard let source = role.profile.wageSource else { return role.occupation.title }
        return source.basis == .own && role.profile.socSiblings.isEmpty ? role.occupation.title : source.title
    }

    /// Whether BLS figures for a role describe more than its O*NET occupation.
    func blsIsBroader(_ role: Role) -> Bool { blsTitle(role) != role.occupation.title }

    /// " (Chief Executives)" after a role's name, naming the BLS occupation behind its figures, unless the name already says it ("Actor" for Actors).
    func blsAside(_ role: Role) -> String {
        let title = blsTitle(role)
        return Slug.make(title).hasPrefix(Slug.make(role.name.text)) ? "" : " (\(title))"
    }

    /// The other role.
    func other(_ role: Role) -> Role { role === a ? b : a }

    /// Both roles described by one occupation's BLS figures (same OEWS code): pay and counts cannot differ.
    var sharesBLSFigures: Bool { a.profile.sharesWageCode(with: b.profile) }

    /// Table header for a two-role table: a label column, then each role's name.
    func header(_ label: String) -> [String] { same ? [label, a.occupation.title] : [label, a.name.text, b.name.text] }

    /// One table row, a value per role (one column when both titles are the same occupation).
    func row(_ label: String, _ value: (Role) -> String) -> [String] {
        same ? [label, value(a)] : [label, value(a), value(b)]
    }
}

extension String {
    /// Capitalizes the first letter for the start of a sentence ("a COO …" → "A COO …").
    var sentenceStart: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }

    /// A capital first letter and no other capital. Checked on bytes for ASCII text (nearly all of it):
    /// Unicode property lookups per character cost more than the rest of the sentence.
    var isSentenceCased: Bool {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard let first = utf8.first, first >= 0x41 && first <= 0x5A else { return false }
            return !utf8.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
        }
        guard let first, first.isUppercase else { return false }
        return !dropFirst().contains(where: \.isUppercase)
    }

    /// Lowercases capitalized words ("High School Diploma" → "high school diploma"), keeping acronyms and mixed case ("GED", "iOS").
    var lowercasedWords: String {
        split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            String(word).isSentenceCased ? word.lowercased() : String(word)
        }.joined(separator: " ")
    }

    /// Lowercases the first letter of a phrase in sentence case ("Bachelor's degree" → "bachelor's degree",
    /// "Desktop computers" → "desktop computers"). Any other capital means a name or an acronym ("Apple iMacs",
    /// "Considerable Preparation Needed", "ENG cameras"), and the phrase is kept as written.
    var midSentence: String {
        guard isSentenceCased, let first else { return self }
        return first.lowercased() + dropFirst()
    }
}

/// Phrases for BLS education and experience categories, so sentences read naturally without changing their meaning.
enum EntryPhrases {
    /// "Bachelor's degree" → "a bachelor's degree"; "No formal educational credential" → "no formal educational credential".
    static func education(_ category: String) -> String {
        let lower = category.midSentence
        if lower.hasPrefix("no ") || lower.hasPrefix("some ") { return lower }
        return TitleWords.indefiniteArticle(for: lower) + " " + lower
    }

    /// "5 years or more" → "5 years or more of work experience in a related occupation"; "None" → "no work experience in a related occupation".
    static func experience(_ category: String) -> String {
        category == "None" ? "no work experience in a related occupation" : category.midSentence + " of work experience in a related occupation"
    }

    /// "Moderate-term on-the-job training" stays as is, lowercased; "None" → "no on-the-job training".
    static func training(_ category: String) -> String {
        category == "None" ? "no on-the-job training" : category.midSentence
    }
}
