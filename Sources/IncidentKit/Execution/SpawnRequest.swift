#if canImport(Glibc)
    import Glibc
#endif

/// The `posix_spawn` call for one shell: file actions, attributes, argv and envp.
struct SpawnRequest {
    var command: String
    var workingDirectory: String?
    var environment: [String: String]
    var stdout: Int32
    var stderr: Int32

    /// Spawns `/bin/sh -c command` and returns its pid.
    func spawn() throws(RunnerError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // Belt and braces: descriptors other code opened without close-on-exec stay out too.
        if let addCloseFrom = GlibcExtensions.addCloseFrom {
            _ = addCloseFrom(&actions, 3)
        }
        if let directory = workingDirectory {
            guard let addChdir = GlibcExtensions.addChdir else {
                throw .spawnFailed(
                    command: command, reason: "this C library cannot set a child's working directory")
            }
            let rc = directory.withCString { addChdir(&actions, $0) }
            guard rc == 0 else { throw .spawnFailed(command: command, reason: errnoText(rc)) }
        }

        // Own process group: a timeout or Ctrl-C can then signal the shell and every grandchild
        // at once, and the terminal's own SIGINT does not reach the child behind our back.
        // Empty mask and default dispositions: the child must not inherit our blocked signals or
        // our ignored ones (SIGPIPE, and SIGINT once the interrupt forwarder is installed).
        let flags = Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, flags)
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)

        let argv = CStringArray(["/bin/sh", "-c", command])
        let envp = CStringArray(Self.mergedEnvironment(environment))
        defer {
            argv.free()
            envp.free()
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv.pointers, envp.pointers)
        guard rc == 0 else {
            var reason = errnoText(rc)
            if let directory = workingDirectory, rc == ENOENT || rc == ENOTDIR || rc == EACCES {
                reason += " (working directory \(directory))"
            }
            throw .spawnFailed(command: command, reason: reason)
        }
        return pid
    }

    /// This process's environment with `overrides` on top, as `KEY=VALUE` strings.
    static func mergedEnvironment(_ overrides: [String: String]) -> [String] {
        var merged: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            let key = text.prefix { $0 != "=" }
            if overrides[String(key)] == nil { merged.append(text) }
            pointer += 1
        }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key })
        where !key.isEmpty && !key.contains("=") && !key.utf8.contains(0) && !value.utf8.contains(0) {
            merged.append("\(key)=\(value)")
        }
        return merged
    }
}

/// A NULL-terminated array of C strings owned until `free()`.
private struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            pointers[index] = strdup(string)
        }
        pointers[strings.count] = nil
    }

    func free() {
        var index = 0
        while let string = pointers[index] {
            Glibc.free(string)
            index += 1
        }
        pointers.deallocate()
    }
}
