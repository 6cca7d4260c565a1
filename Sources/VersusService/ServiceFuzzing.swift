import VersusCore

/// The service's parsing of addresses over plain strings, for the libFuzzer targets in `Fuzz/`.
///
/// A thrown `InputError` is the right answer to a bad address; what the fuzzer looks for is a crash, a hang, or a
/// comparison address the service writes and then cannot read back (those trap, with the input in the message).
@_spi(Fuzzing) public enum ServiceFuzzing {
    /// The two titles of a comparison address, or nil where the service answers "no such comparison".
    public static func titles(inSlug slug: String) -> (String, String)? {
        try? VersusService.titles(inSlug: slug)
    }

    /// Reads `slug` as an address, checks what it reads, and checks that the address written for what it read
    /// reads back the same.
    public static func slug(_ slug: String) {
        guard let (first, second) = titles(inSlug: slug) else { return }
        for title in [first, second] {
            check(!title.isEmpty && !title.hasPrefix(" ") && !title.hasSuffix(" ") && !title.contains("  "), "a title with stray spaces", slug)
            // An O*NET code keeps its hyphen ("31-1121-00" reads as 31-1121.00); any other title is words.
            let isCode = OccupationCode(title) != nil
            check(
                title.utf8.allSatisfy {
                    $0 == 0x20 || $0 == 0x2E || (isCode && $0 == 0x2D) || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0)
                },
                "title bytes", slug)
        }
        let rewritten = first.replacingSpaces() + "-vs-" + second.replacingSpaces()
        check(titles(inSlug: rewritten).map { [$0.0, $0.1] } == [first, second], "the address rewritten", slug)
    }

    /// The address the service writes for two typed titles (the redirect of `/compare?a=&b=`) must be an address
    /// it reads back as the same two titles, for every pair of titles it accepts.
    public static func pair(_ first: String, _ second: String) {
        guard let a = try? TypedTitle(first), let b = try? TypedTitle(second) else { return }
        let slug: String
        do {
            slug = try VersusService.pairSlug(a.text, b.text)
        } catch {
            return  // refused up front, with a 400, rather than redirected to an address that fails
        }
        guard let (x, y) = titles(inSlug: slug) else { fatalError("pair slug \(slug.debugDescription) is not read back, from \(a.text) / \(b.text)") }
        // The one rewrite pairSlug makes: "vs" after the first word of the first title is left out.
        let words = Slug.make(a.text).split(separator: "-")
        let expected = ([words[0]] + words.dropFirst().filter { $0 != "vs" }).joined(separator: "-")
        check(Slug.make(x) == expected && Slug.make(y) == Slug.make(b.text), "the pair read back", "\(a.text) / \(b.text) → \(slug)")
        check((try? TypedTitle(x)) != nil && (try? TypedTitle(y)) != nil, "the titles read back are accepted", "\(a.text) / \(b.text) → \(slug)")
    }

    private static func check(_ holds: Bool, _ what: String, _ input: String) {
        if !holds { fatalError("\(what) fails for \(input.debugDescription)") }
    }
}

extension String {
    /// The title as an address spells it: words joined by hyphens, a code as "31-1121-00".
    fileprivate func replacingSpaces() -> String {
        OccupationCode(self) != nil ? Slug.make(self) : split(separator: " ").joined(separator: "-")
    }
}
