// Fuzzes the title normalizer (validate, fold, tokenize, singular), TypedTitle and Slug.make: the rules every
// typed title and every title of the index go through. Crashes, and broken invariants (they trap):
//   - a token is a non-empty word of letters, digits and marks, its word the singular of its typed form, segments
//     in order; folding leaves no ASCII capital;
//   - a TypedTitle shows back text that reads as the same TypedTitle, with no stray white space;
//   - a slug is lowercase ASCII words joined by single hyphens, and the slug of a slug is itself.
import FuzzDriver
import Foundation
import VersusCore

func check(_ holds: Bool, _ what: String, _ input: String) {
    if !holds { fatalError("\(what) fails for \(input.debugDescription)") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // The normalizer runs only on what validation lets through, but the index builds from any title the data has,
    // so every rule must hold for any text; long text is cut to keep each run short, as validation would.
    let sample = String(text.unicodeScalars.prefix(4 * TitleNormalizer.maximumLength))
    let valid = (try? TitleNormalizer.validate(text)) != nil

    check(!TitleNormalizer.fold(sample).utf8.contains { (0x41...0x5A).contains($0) }, "fold leaves no ASCII capital", sample)
    var segment = 0
    for token in TitleNormalizer.tokenize(sample) {
        check(!token.word.isEmpty && !token.typed.isEmpty, "non-empty token", sample)
        check(token.typed.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0 != "-" && $0 != "," }, "a word has no separator", sample)
        check(token.word == TitleNormalizer.singular(token.typed), "word is the singular of the typed form", sample)
        check(token.segment >= segment, "segments in order", sample)
        segment = token.segment
    }

    if let typed = try? TypedTitle(text) {
        check(valid, "a TypedTitle from text that does not validate", text)
        check((try? TypedTitle(typed.text)) == typed, "a TypedTitle's text reads back as itself", text)
        if case .title(let title) = typed {
            check(!title.hasPrefix(" ") && !title.hasSuffix(" ") && !title.contains("  "), "no stray spaces", text)
            check(!title.unicodeScalars.contains { $0.properties.isWhitespace && $0 != " " }, "one kind of space", text)
        }
    } else {
        check(!valid, "validated text refused by TypedTitle", text)
    }

    let slug = Slug.make(sample)
    check(!slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "slug hyphens", sample)
    check(slug.utf8.allSatisfy { $0 == 0x2D || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }, "slug bytes", sample)
    check(Slug.make(slug) == slug, "the slug of a slug is itself", sample)
    return 0
}

var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { testOneInput($0, $1) })
