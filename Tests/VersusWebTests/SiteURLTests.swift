import Testing

@testable import VersusWeb

/// Every link the site writes goes through `SiteURL`: a slug passes as it is, anything else is escaped byte by byte.
@Suite("Links")
struct SiteURLTests {
    @Test("unreserved text passes as it is; every other byte becomes %XX")
    func percentEncoding() {
        #expect(SiteURL.percentEncode("registered-nurse-vs-nurse-practitioner") == "registered-nurse-vs-nurse-practitioner")
        #expect(SiteURL.percentEncode("A-Z_a.z~09") == "A-Z_a.z~09")
        #expect(SiteURL.percentEncode("") == "")
        #expect(SiteURL.percentEncode("ops mgr/&é") == "ops%20mgr%2F%26%C3%A9")
        #expect(SiteURL.search(query: "rn - icu").path == "/search?q=rn%20-%20icu")
    }
}
