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
