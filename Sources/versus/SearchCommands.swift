import ArgumentParser
import Foundation
import VersusCore
import VersusService

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the occupations a job title names, best first.",
        discussion: """
            With no QUERY, reads queries from standard input, one per line, and answers each in order.
            Each result shows the O*NET-SOC code, the occupation, a score from 0 to 1 and the title it matched.
            """
    )

    @Argument(help: "A job title, e.g. \"ops mgr\" (several words may go unquoted). Omit to read queries from standard input.")
    var query: [String] = []

    @Option(name: .long, help: "At most this many occupations per query (1-50).")
    var limit = 5

    @Flag(name: .long, help: "Print one line of JSON per query.")
    var json = false

    @Flag(name: .long, help: "The last word may be unfinished (type-ahead): complete it even when it is a word of its own.")
    var typing = false

    @Flag(name: .long, help: "Before the results, show how the query was read: each word, what it may stand for, the variants tried.")
    var explain = false

    @Flag(name: .long, help: ArgumentHelp("Print the abbreviations and acronyms the index learnt, then exit.", visibility: .hidden))
    var showLexicon = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...50).contains(limit) else { throw ValidationError("--limit must be between 1 and 50") }
    }

    func run() async throws {
        let service = try await store.startService()
        if showLexicon {
            print(try service.lexiconSummary.joined(separator: "\n"))
            return
        }
        if query.isEmpty {
            try answerStandardInput(service)
        } else {
            let text = query.joined(separator: " ")
            do {
                let answer = try service.answer(text, limit: limit, typing: typing)
                if explain && !json { print(try service.explain(text) + "\n") }
                print(render(text, answer))
            } catch let error as InputError {
                if json { print(TitleSearchRendering.jsonLine(query: text, error: error.description, kind: error.kind)) }
                throw error  // printed as "Error: <what is wrong>", exit status 1
            }
        }
    }

    private func render(_ text: String, _ answer: VersusService.SearchAnswer) -> String {
        json
            ? TitleSearchRendering.jsonLine(query: text, results: answer.results, verdictFrom: answer.asTyped)
            : TitleSearchRendering.text(query: text, results: answer.results, verdictFrom: answer.asTyped)
    }

    /// Batch mode: one answer per input line, in order; a line that cannot be searched gets its error
    /// in place of results, and the batch goes on.
    private func answerStandardInput(_ service: VersusService) throws {
        var output = ""
        func flush() {
            FileHandle.standardOutput.write(Data(output.utf8))
            output.removeAll(keepingCapacity: true)
        }
        for line in StandardInputLines() {
            let text = String(validating: line, as: UTF8.self)
            do {
                guard let text else { throw InputError.badTitle(.binary) }
                let answer = try service.answer(text, limit: limit, typing: typing)
                output += json ? render(text, answer) : text + "\n" + render(text, answer) + "\n"
            } catch let error as InputError {
                let shown = text ?? String(decoding: line, as: UTF8.self)
                output +=
                    json
                    ? TitleSearchRendering.jsonLine(query: shown, error: error.description, kind: error.kind)
                    : shown + "\nerror: \(error)\n"
            }
            output += "\n"
            if output.utf8.count > 64 * 1024 { flush() }
        }
        flush()
    }
}

/// Lines of standard input as bytes (so that invalid UTF-8 is reported, not replaced), without their line ends.
struct StandardInputLines: Sequence, IteratorProtocol {
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var line = Array(buffer[position..<newline])
                position = newline + 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                var line = Array(buffer[position...])
                position = buffer.count
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the product against files of queries with known answers.",
        subcommands: [EvalTitles.self]
    )
}

struct EvalTitles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "titles",
        abstract: "Top-1 and top-5 accuracy of title search at the 6-digit SOC level, with the misses.",
        discussion: "FILE is a TSV of query<TAB>accepted SOC codes (space-separated)<TAB>note, with a header line."
    )

    @Argument(help: "The TSV file of queries and accepted SOC codes.")
    var file: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let cases = try TitleEvaluation.parseCases(text)
        let evaluation = try await store.startService().evaluate(cases)
        print(TitleEvaluationRendering.text(evaluation))
    }
}
