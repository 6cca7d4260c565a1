import Foundation
import VersusCore

/// Every OEWS code's state wages, once a server has read them all at start-up; until then each page reads its own.
/// A read under load can open another SQLite connection (with its own page cache, on another thread), so a server
/// that read while serving would hold memory that depends on how many requests once arrived together.
final class StateWageTable: @unchecked Sendable {
    private let lock = NSLock()
    private var byCode: [String: [LocalWages]]?

    /// The kept wages of `code` (none where OEWS publishes no state estimate), or nil before the table is read.
    func wages(_ code: SOCCode) -> [LocalWages]? {
        lock.withLock { byCode.map { $0[code.rawValue] ?? [] } }
    }

    func keep(_ table: [String: [LocalWages]]) {
        lock.withLock { byCode = table }
    }
}
