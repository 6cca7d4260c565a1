import Hummingbird
import VersusCore

/// The web front end (job-search hub, comparison pages, JSON API) is built here on Hummingbird 2;
/// routes arrive with the website issue. The router stays small and testable in-process.
public enum VersusWeb {
    public static func buildRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in "ok" }
        return router
    }
}
