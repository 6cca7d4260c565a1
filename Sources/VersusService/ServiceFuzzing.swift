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

    /// Reads `slug` as an address (two to four titles), checks what it reads, and checks that the address written
    /// for what it read reads back the same.
    public static func slug(_ slug: String) {
        _ = titles(inSlug: slug)
        guard let titles = try? VersusService.titles(inAddress: slug) else { return }
        check((2...4).contains(titles.count), "two to four titles", slug)
        for title in titles {
            check(!title.isEmpty && !title.hasPrefix(" ") && !title.hasSuffix(" ") && !title.contains("  "), "a title with stray spaces", slug)
            // An O*NET code keeps its hyphen ("31-1121-00" reads as 31-1121.00); any other title is words.
            let isCode = OccupationCode(title) != nil
            check(
                title.utf8.allSatisfy {
                    $0 == 0x20 || $0 == 0x2E || (isCode && $0 == 0x2D) || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0)
                },
                "title bytes", slug)
        }
        let rewritten = titles.map { $0.replacingSpaces() }.joined(separator: "-vs-")
        check((try? VersusService.titles(inAddress: rewritten)) == titles, "the address rewritten", slug)
    }

    /// The address the service writes for two typed titles (the redirect of `/compare?a=&b=`), and for three (a
    /// lineup), must be an address it reads back as the same titles, for every title it accepts.
    public static func pair(_ first: String, _ second: String) {
        guard let a = try? TypedTitle(first), let b = try? TypedTitle(second) else { return }
        // The one rewrite an address makes: "vs" after a title's first word is left out.
        func expected(_ title: TypedTitle) -> String {
            let words = Slug.make(title.text).split(separator: "-")
            return ([words[0]] + words.dropFirst().filter { $0 != "vs" }).joined(separator: "-")
        }
        for typed in [[a, b], [a, b, a]] {
            let slug: String
            do {
                slug = try VersusService.addressSlug(typed.map(\.text))
            } catch {
                return  // refused up front, with a 400, rather than redirected to an address that fails
            }
            let input = typed.map(\.text).joined(separator: " / ") + " → " + slug
            guard let read = try? VersusService.titles(inAddress: slug) else {
                fatalError("address \(slug.debugDescription) is not read back, from \(input)")
            }
            check(read.map(Slug.make) == typed.map(expected), "the titles read back", input)
            check(read.allSatisfy { (try? TypedTitle($0)) != nil }, "the titles read back are accepted", input)
        }
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
