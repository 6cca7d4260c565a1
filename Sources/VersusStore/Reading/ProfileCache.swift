import Foundation
import VersusCore

/// Profiles read so far, by occupation code. The database is read-only under a running process, so a profile
/// read once stays true for the process's life; there are about a thousand occupations, so the data bounds the
/// cache (all of them together are tens of megabytes).
final class ProfileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var profiles: [OccupationCode: OccupationProfile] = [:]

    /// The cached profiles of `codes`, in order, or nil for each one not read yet.
    func cached(_ codes: [OccupationCode]) -> [OccupationProfile?] {
        lock.lock()
        defer { lock.unlock() }
        return codes.map { profiles[$0] }
    }

    func keep(_ read: [OccupationProfile]) {
        lock.lock()
        defer { lock.unlock() }
        for profile in read { profiles[profile.occupation.code] = profile }
    }
}

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
