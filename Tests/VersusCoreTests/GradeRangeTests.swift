import Testing
@testable import VersusCore

@Suite struct GradeRangeTests {
    @Test("a grade range within one school level is read as that level")
    func oneLevel() {
        #expect(GradeRange.schoolLevels(in: "Teacher - K-5") == "Teacher - elementary")
        #expect(GradeRange.schoolLevels(in: "Math Teacher 6-8") == "Math Teacher middle school")
        #expect(GradeRange.schoolLevels(in: "Science Teacher 9-12") == "Science Teacher high school")
        #expect(GradeRange.schoolLevels(in: "English Teacher 7th-12th") == "English Teacher secondary")
        #expect(GradeRange.schoolLevels(in: "Pre-K-3 Teacher") == "elementary Teacher")
        #expect(GradeRange.schoolLevels(in: "PreK-2 Aide, Grades 3-5") == "elementary Aide, Grades elementary")
    }

    @Test("ranges across levels, numbers outside school, and other hyphens stay as typed")
    func asTyped() {
        for query in [
            "K-12 Principal", "Teacher K-8", "Grades 6-12 Counselor", "Tier 1-2 Support", "Level 3-5 Engineer", "CDL-A Driver",
            "Back-5 Roofer", "Teacher 5-13", "Teacher 8-6", "Teacher K-", "-5", "Teacher 05x-7",
        ] {
            let read = GradeRange.schoolLevels(in: query)
            #expect(read == query, "\(query) → \(read)")
        }
    }

    @Test("one grade named with the word grade is read as its school level; the ends of a range are not")
    func oneGrade() {
        #expect(GradeRange.schoolLevels(in: "2nd Grade Teacher") == "elementary Teacher")
        #expect(GradeRange.schoolLevels(in: "Third grade teacher") == "elementary teacher")
        #expect(GradeRange.schoolLevels(in: "7th grade math teacher") == "middle school math teacher")
        #expect(GradeRange.schoolLevels(in: "Grade 10 English Teacher") == "high school English Teacher")
        for query in [
            "Kindergarten Through Twelfth Grade Principal", "Grades 9 to 12 Teacher", "Grade School Teacher", "Grade II Clerk",
        ] {
            let read = GradeRange.schoolLevels(in: query)
            #expect(read == query, "\(query) → \(read)")
        }
    }
}
