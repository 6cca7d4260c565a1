extension Array where Element: Comparable {
    /// How many elements this sorted array of unique elements shares with `other` (sorted and unique too), counting
    /// only those `counts` accepts: one walk, no hashing, no allocation. Task words and work activities are compared
    /// this way many times per comparison and per move.
    func sortedIntersectionCount(_ other: [Element], counting counts: (Element) -> Bool = { _ in true }) -> Int {
        var (i, j, count) = (0, 0, 0)
        while i < self.count && j < other.count {
            if self[i] == other[j] {
                if counts(self[i]) { count += 1 }
                i += 1
                j += 1
            } else if self[i] < other[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }
}
