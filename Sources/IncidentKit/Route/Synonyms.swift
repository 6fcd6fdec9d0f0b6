/// A small table of operations vocabulary whose words stand for each other in symptoms: a responder
/// who types "pods keep restarting" means what a runbook calls "CrashLooping". Each group lists words
/// before stemming; a query word from a group also searches the group's other words, at a lower weight.
public enum Synonyms {
    /// The groups, documented in docs/FORMAT.md.
    public static let groups: [[String]] = [
        ["restart", "restarting", "crashloop", "crashloopbackoff", "crashlooping", "crash", "crashing", "backoff"],
        ["full", "exhausted", "capacity", "filling", "nospace", "space"],
        ["disk", "filesystem", "partition"],
        ["volume", "pvc", "persistentvolume", "persistentvolumeclaim"],
        ["cert", "certificate", "certs", "x509"],
        ["tls", "ssl"],
        ["expired", "expiry", "expire", "expiring", "expiration", "expires"],
        ["oom", "oomkilled", "oomkill", "memory"],
        ["slow", "latency", "sluggish", "lag"],
        ["down", "unavailable", "unreachable", "outage", "offline", "disappeared", "absent"],
        ["notready", "unready"],
        ["dns", "coredns", "nxdomain", "servfail"],
        ["notify", "notification", "slack", "pagerduty", "opsgenie", "webhook", "receiver"],
        ["cpu", "throttling", "throttled"],
        ["timeout", "deadline", "timedout"],
        ["node", "host", "worker"],
        ["master", "controlplane"],
        ["quota", "limit"],
        ["inode", "inodes"],
        ["nic", "interface"],
        ["router", "ingress"],
        ["vm", "vmi", "virtualmachine", "virtualmachineinstance"],
        ["evict", "eviction", "evicted"],
        ["config", "configuration"],
        ["error", "errs", "err"],
        ["receive", "rx", "recv"],
        ["transmit", "tx"],
        ["database", "db"],
        ["flapping", "flipping", "flap", "oscillating"],
        ["usage", "utilization", "utilisation"],
        ["hang", "hangs", "stuck", "unresponsive", "frozen"],
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

    /// The stemmed synonyms of a stemmed term; a 4xx or 5xx status code also stands for its class
    /// (`503` for `5xx`), as runbooks name their alerts (`Ingress5xxErrors`).
    static func of(_ term: String) -> [String] {
        let utf8 = term.utf8
        if utf8.count == 3, let first = utf8.first, first == 0x34 || first == 0x35,
            utf8.dropFirst().allSatisfy(TextAnalyzer.isDigit)
        {
            return [String(decoding: [first, 0x78, 0x78], as: UTF8.self)]
        }
        return table[term] ?? []
    }
}
