/// A small table of operations vocabulary whose words stand for each other in symptoms: a responder
/// who types "pods keep restarting" means what a runbook calls "CrashLooping". Each group lists words
/// before stemming; a query word from a group also searches the group's other words, at a lower weight.
public enum Synonyms {
    /// The groups, documented in docs/FORMAT.md.
    public static let groups: [[String]] = [
        ["restart", "restarting", "crashloop", "crashloopbackoff", "crashlooping", "crash", "crashing", "backoff"],
        ["full", "exhausted", "capacity", "filling", "nospace", "space", "enospc"],
        ["disk", "filesystem", "partition"],
        ["volume", "pvc", "persistentvolume", "persistentvolumeclaim", "pv"],
        ["cert", "certificate", "certs", "x509", "ca", "crt", "csr", "pem"],
        ["tls", "ssl"],
        ["expired", "expiry", "expire", "expiring", "expiration", "expires"],
        ["oom", "oomkilled", "oomkill", "memory", "oomkiller", "outofmemory", "ram", "memorypressure"],
        ["slow", "latency", "sluggish", "lag"],
        ["down", "unavailable", "unreachable", "outage", "offline", "disappeared", "absent"],
        ["notready", "unready"],
        ["dns", "coredns", "nxdomain", "servfail"],
        [
            "notify", "notification", "slack", "pagerduty", "opsgenie", "webhook", "receiver", "email", "smtp",
            "integration",
        ],
        ["cpu", "throttling", "throttled"],
        ["timeout", "deadline", "timedout", "etimedout", "deadlineexceeded"],
        ["node", "host", "worker"],
        ["master", "controlplane"],
        ["quota", "limit"],
        ["nic", "interface"],
        ["router", "ingress", "haproxy"],
        ["vm", "vmi", "virtualmachine", "virtualmachineinstance", "guest"],
        ["evict", "eviction", "evicted"],
        ["config", "configuration", "cfg", "conf", "configmap", "misconfigured", "misconfiguration"],
        ["error", "errs", "err"],
        ["receive", "rx", "recv"],
        ["transmit", "tx"],
        ["database", "db"],
        ["flapping", "flipping", "flap", "oscillating"],
        ["usage", "utilization", "utilisation"],
        ["hang", "hangs", "stuck", "unresponsive", "frozen", "hung", "wedged"],
        ["mtu", "jumbo"],
        ["hpa", "horizontalpodautoscaler", "autoscaler"],
        ["pdb", "poddisruptionbudget"],
        ["readonly", "erofs"],
        ["ntp", "chrony", "chronyd", "ntpd", "timesyncd"],
        [
            "synchronising", "synchronizing", "synchronised", "synchronized", "synchronisation", "synchronization",
            "unsynchronised", "unsynchronized",
        ],
        ["unschedulable", "failedscheduling"],
        ["rollout", "rolled", "rolling"],
        ["fsync", "fdatasync"],
        ["bandwidth", "throughput"],
        ["saturation", "saturated", "congestion", "congested"],
        ["link", "carrier"],
        ["drop", "discard"],
        ["rtt", "roundtrip", "ping", "icmp"],
        ["descriptor", "fd", "fds", "filedescriptor", "nofile", "emfile", "ulimit"],
        ["iops", "iowait", "iostat"],
        ["raid", "mdadm", "mdstat"],
        ["odf", "ocs"],
        ["backfill", "backfilling", "rebalance"],
        ["panic", "bsod", "bugcheck", "oops"],
        ["watchdog", "deadmanssnitch", "deadmansswitch"],
        ["netpol", "networkpolicy"],
        ["forbidden", "403"],
        ["leader", "leadership"],
        ["migration", "livemigration", "vmotion"],
        ["drain", "cordon"],
        ["overcommit", "overcommitted", "oversubscribed", "oversubscription", "overprovisioned"],
        ["mismatch", "inconsistent", "inconsistency", "discrepancy"],
        ["renew", "renewal"],
        ["duplicate", "collision"],
        ["subnet", "cidr", "ipam"],
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
    /// (`503` for `5xx`), as runbooks name their alerts (`Ingress5xxErrors`), before its table entries
    /// (`403` for `forbidden`).
    static func of(_ term: String) -> [String] {
        let utf8 = term.utf8
        if utf8.count == 3, let first = utf8.first, first == 0x34 || first == 0x35,
            utf8.dropFirst().allSatisfy(TextAnalyzer.isDigit)
        {
            return [String(decoding: [first, 0x78, 0x78], as: UTF8.self)] + (table[term] ?? [])
        }
        return table[term] ?? []
    }
}
