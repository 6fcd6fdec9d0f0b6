/// Paths the tests read real markdown from.
enum Paths {
    /// The package root (the default library lives in its top-level folders).
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    static let fixtures = packageRoot + "/Tests/IncidentKitTests/Fixtures"
    static let golden = fixtures + "/golden"
    static let corpora = packageRoot + "/../shared/corpora"
    static let prometheusCorpus = corpora + "/prometheus-operator-runbooks"
    static let openshiftCorpus = corpora + "/openshift-runbooks"
}
