/// A small table of operations vocabulary whose words stand for each other in symptoms: a responder
/// who types "pods keep restarting" means what a runbook calls "CrashLooping". Each group lists words
/// before stemming; a query word from a group also searches the group's other words, at a lower weight.
public enum Synonyms {
    /// The groups, documented in docs/FORMAT.md.
    public static let groups: [[String]] = [
        ["restart", "restarting", "crashloop", "crashloopbackoff", "crash", "crashing", "looping", "backoff"],
        ["full", "space", "quota", "capacity", "filling", "exhausted"],
        ["disk", "filesystem", "volume", "storage", "partition"],
        ["cert", "certificate", "x509", "tls", "ssl"],
        ["expired", "expiry", "expire", "expiring", "expiration"],
        ["oom", "oomkilled", "memory", "oomkill"],
        ["slow", "latency", "latent", "sluggish"],
        ["down", "unavailable", "unreachable", "outage", "offline"],
        ["dns", "coredns", "nxdomain", "resolve", "resolution"],
        ["scrape", "target", "scraping"],
        ["alert", "notification", "notify", "page"],
        ["cpu", "throttling", "throttled"],
        ["error", "errors", "failing", "failure", "failed", "fail"],
        ["timeout", "deadline", "timed"],
        ["node", "host", "machine", "server"],
    ]

    /// Stemmed word → the stemmed words of its groups (without itself).
    static let table: [String: [String]] = {
        var table: [String: [String]] = [:]
        for group in groups {
            var stems: [String] = []
            for word in group {
                let stem = Stemmer.stem(word)
                if !stems.contains(stem) { stems.append(stem) }
            }
            for stem in stems {
                for other in stems where other != stem && !(table[stem]?.contains(other) ?? false) {
                    table[stem, default: []].append(other)
                }
            }
        }
        return table
    }()

    /// The stemmed synonyms of a stemmed term.
    static func of(_ term: String) -> [String] { table[term] ?? [] }
}
