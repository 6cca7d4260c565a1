import ArgumentParser
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import VersusService
import VersusStore
import VersusWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the website and the JSON API over the database (read-only; any number of replicas can serve one file).",
        discussion: "Stops gracefully on SIGTERM or SIGINT, finishing the requests in flight. /healthz answers ok; /metrics is Prometheus text.")

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .long, help: "The public origin for canonical links and the sitemap (default: this server's address).")
    var baseURL: String?

    @Option(name: .long, help: "Log level of the access log and the server (trace, debug, info, notice, warning, error).")
    var logLevel = "info"

    @Option(name: .long, help: "Seconds a connection may send nothing whole (a request head, a body part) before it is closed.")
    var idleTimeout = 30

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 3600 seconds") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: one of trace, debug, info, notice, warning, error") }
    }

    func run() async throws {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var logger = Logger(label: "versus")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let (database, release) = try store.openDatabaseForServing()
        let service = try await VersusService(store: LiveCareerStore(database: database))
        let base = baseURL ?? "http://\(host):\(port)"
        let app = try await WebApp.load(
            service: service, configuration: WebConfiguration(base: base, release: release, accessLog: logger.logLevel <= .info),
            metrics: { registry.emitToBuffer() })
        let host = host
        let application = app.buildApplication(host: host, port: port, idleTimeout: .seconds(idleTimeout), logger: logger) { channel in
            let bound = channel.localAddress?.port ?? 0
            // Written straight to the file descriptor: a pipe reader (a test, a supervisor) sees it at once.
            FileHandle.standardOutput.write(Data("Versus is serving at http://\(host):\(bound)\n".utf8))
        }
        try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole site as static files (hub, every catalog comparison, every occupation, assets, sitemap, API documents).")

    @Option(name: .long, help: "The folder to write into (created if missing).")
    var out: String

    @Option(name: .long, help: "The public origin the files will be served from, for canonical links and the sitemap.")
    var baseURL = "http://127.0.0.1:8080"

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let started = Date()
        let (database, release) = try store.openDatabaseForServing()
        let service = try await VersusService(store: LiveCareerStore(database: database))
        let app = try await WebApp.load(
            service: service, configuration: WebConfiguration(base: baseURL, release: release, cacheBytes: 0, isStatic: true))
        let folder = URL(fileURLWithPath: out)
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1 && !store.quiet)
        let report = try await SiteExport(app: app).write(to: folder) { done, total in bar.show(done, total) }
        bar.finish()
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print("Exported \(report.files.formatted()) files (\((report.bytes / 1_000_000).formatted()) MB) to \(folder.path) in \(seconds) s")
    }
}

/// A one-line progress bar on standard error, redrawn at most once per percent.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private var shown = -1

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(percent)% (\(done)/\(total))".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
