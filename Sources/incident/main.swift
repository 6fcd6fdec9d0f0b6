import IncidentKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The variables `incident` reads, taken with getenv: building a dictionary of the whole environment
/// through Foundation costs a millisecond at start-up, which `incident route` cannot spare. Commands that
/// run children pass them the inherited environment themselves.
func processEnvironment() -> [String: String] {
    var environment: [String: String] = [:]
    for name in ["INCIDENT_LIBRARY", "INCIDENT_HOME", "NO_COLOR", "TERM", "HOME", "PATH", "CI", "XDG_CACHE_HOME"] {
        if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return environment
}

func currentDirectory() -> String {
    guard let path = getcwd(nil, 0) else { return "." }
    defer { free(path) }
    return String(cString: path)
}

// Output piped into `head` that closes early must not kill a run halfway through its record: writes to
// a closed pipe fail (and are dropped) instead. Children get the default disposition back when spawned.
signal(SIGPIPE, SIG_IGN)
let environment = processEnvironment()
let console = StandardConsole(environment: environment)
var context = CommandContext(console: console, environment: environment, currentDirectory: currentDirectory())
context.lookup = { name in getenv(name).map { String(cString: $0) } }
var status = IncidentCLI(context: context).run(Array(CommandLine.arguments.dropFirst()))
if let failure = console.outputFailure {
    console.error("incident: error: could not write the output: \(failure)\n")
    if status == 0 { status = 1 }
}
exit(status)
