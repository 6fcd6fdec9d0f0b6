/// Finds SQL statements that change data or schema in text handed to a database client.
enum SQLRisk {
    private static let keywords: Set<String> = [
        "DROP", "DELETE", "UPDATE", "TRUNCATE", "ALTER", "INSERT", "CREATE", "GRANT", "REVOKE", "MERGE",
        "UPSERT",
        "VACUUM", "REINDEX", "KILL", "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "COPY", "RENAME", "REPLACE",
        "DROPDATABASE", "DELETEMANY", "DELETEONE", "UPDATEMANY", "UPDATEONE", "INSERTONE", "INSERTMANY",
        "REMOVE",
        // Statements and functions that change a server without a DDL or DML word (found in review).
        "PG_PROMOTE", "PG_RELOAD_CONF", "PG_DROP_REPLICATION_SLOT", "PG_CREATE_PHYSICAL_REPLICATION_SLOT",
        "PG_CREATE_LOGICAL_REPLICATION_SLOT", "PG_SWITCH_WAL", "PG_ROTATE_LOGFILE", "PG_WAL_REPLAY_PAUSE",
        "PG_WAL_REPLAY_RESUME", "PG_STAT_RESET", "DBLINK_EXEC", "LO_UNLINK", "LO_IMPORT", "LO_EXPORT", "CHECKPOINT",
        "CALL", "REFRESH", "LOCK", "SHUTDOWN", "SET", "STOP", "START", "CHANGE", "PURGE", "RESET", "FLUSH", "LOAD",
        "OUTFILE", "DUMPFILE", "INSTALL", "UNINSTALL", "OPTIMIZE", "REPAIR", "SYSTEM", "DETACH", "ATTACH",
        "EXCHANGE",
        // Mongo methods that change data or the server, when called.
        "FINDONEANDDELETE", "FINDONEANDUPDATE", "FINDONEANDREPLACE", "FINDANDMODIFY", "DROPINDEX", "DROPINDEXES",
        "CREATEINDEX", "CREATEINDEXES", "CREATECOLLECTION", "RENAMECOLLECTION", "BULKWRITE", "SHUTDOWNSERVER",
        "STEPDOWN", "KILLOP", "ADMINCOMMAND", "DROPUSER", "CREATEUSER", "GRANTROLESTOUSER", "REPLACEONE",
        // A PostgreSQL anonymous code block, which runs any statement, also one built in a string
        // (`DO $$ BEGIN EXECUTE 'DROP TABLE x'; END $$`); Mongo's aggregation stage that writes a collection.
        "DO", "OUT",
        // Found in a later probe: a slot or a sequence moved, a table rewritten in index order, a replica set
        // reconfigured, writes blocked, balancing and elections changed (`rs.freeze(`), a prepared transaction ended.
        "PG_REPLICATION_SLOT_ADVANCE", "PG_REPLICATION_ORIGIN_ADVANCE", "PG_LOGICAL_SLOT_GET_CHANGES",
        "PG_LOGICAL_SLOT_GET_BINARY_CHANGES", "PG_CREATE_RESTORE_POINT", "PG_START_BACKUP", "PG_STOP_BACKUP",
        "PG_BACKUP_START", "PG_BACKUP_STOP", "PG_STAT_STATEMENTS_RESET", "PG_STAT_RESET_SHARED",
        "PG_STAT_RESET_SINGLE_TABLE_COUNTERS", "SETVAL", "NEXTVAL", "CLUSTER", "COMMENT", "COMMIT", "ROLLBACK",
        "RECONFIG", "FSYNCLOCK", "FSYNCUNLOCK", "FREEZE", "ADD", "ADDARB", "STOPBALANCER", "STARTBALANCER",
        "SETBALANCERSTATE", "ENABLESHARDING", "SHARDCOLLECTION", "MOVECHUNK", "SPLITAT", "ADDSHARD",
        "REMOVESHARD", "SETPROFILINGLEVEL", "DROPALLUSERS", "UPDATEUSER", "CHANGEUSERPASSWORD",
        "REVOKEROLESFROMUSER", "CREATEROLE", "DROPROLE",
        // Found in review 5: `SELECT … INTO new_table`, a server restart, clones, backups and restores, a
        // database export, SQL run on another server (`dblink(…, 'DELETE …')`), Mongo's `runCommand` and
        // methods that write or move a replica.
        "INTO", "RESTART", "CLONE", "BACKUP", "RESTORE", "UNDROP", "EXPORT", "DBLINK", "RUNCOMMAND", "SYNCFROM", "SAVE",
        "DISABLEBALANCING", "ENABLEBALANCING", "MAPREDUCE",
        // Found in review 6: PostgreSQL's pre-10 names and functions that write or signal, T-SQL's EXEC and
        // DBCC, MySQL's XA and sys procedures, Mongo's views, index hiding and settings.
        "PG_SWITCH_XLOG", "PG_XLOG_REPLAY_PAUSE", "PG_XLOG_REPLAY_RESUME", "PG_COPY_PHYSICAL_REPLICATION_SLOT",
        "PG_COPY_LOGICAL_REPLICATION_SLOT", "PG_REPLICATION_ORIGIN_CREATE", "PG_REPLICATION_ORIGIN_DROP", "LO_CREATE",
        "LO_PUT", "LO_FROM_BYTEA", "PG_FILE_WRITE", "NOTIFY", "PG_NOTIFY", "PG_LOGICAL_EMIT_MESSAGE", "PREPARE",
        "SECURITY", "PG_IMPORT_SYSTEM_COLLATIONS", "EXEC", "EXECUTE", "DBCC", "RECONFIGURE", "XA",
        "PS_TRUNCATE_ALL_TABLES", "CREATEVIEW", "HIDEINDEX", "UNHIDEINDEX", "SETLOGLEVEL", "ROTATECERTIFICATES",
    ]

    /// Database commands of Mongo's `runCommand({ … })` and `adminCommand({ … })` that only show.
    private static let mongoReadCommands: Set<String> = [
        "SERVERSTATUS", "REPLSETGETSTATUS", "REPLSETGETCONFIG", "PING", "BUILDINFO", "DBSTATS", "COLLSTATS",
        "CURRENTOP", "LISTDATABASES", "LISTCOLLECTIONS", "ISMASTER", "HELLO", "GETLOG", "HOSTINFO",
        "CONNECTIONSTATUS", "GETPARAMETER", "TOP", "GETCMDLINEOPTS", "LISTINDEXES", "COUNT", "FIND", "AGGREGATE",
    ]

    /// The first changing keyword (upper-cased) outside SQL string literals, or nil.
    ///
    /// Words are compared whole, so `updated_at`, `deleted_rows` and `SHOW GRANTS` do not count;
    /// `REPLACE` counts only as `REPLACE INTO`, and Mongo methods only when called (`.drop(`).
    /// What keeps a `;` from ending a statement.
    private enum Shield {
        case none, double, dollar([Character]), line, block
    }

    /// The dollar-quote delimiter starting at `index` (`$$`, `$body$`); nil for a parameter (`$1`) or an
    /// operator's `$`.
    private static func dollarTag(_ characters: [Character], at index: Int) -> [Character]? {
        guard let end = characters[(index + 1)...].firstIndex(of: "$") else { return nil }
        let tag = characters[(index + 1)..<end]
        guard tag.first?.isNumber != true, tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            return nil
        }
        return Array(characters[index...end])
    }

    /// T-SQL system procedures that only show (`EXEC sp_who2`); any other procedure may change anything.
    private static let readProcedures: Set<String> = [
        "SP_WHO", "SP_WHO2", "SP_HELPDB", "SP_SPACEUSED", "SP_WHOISACTIVE", "SP_LOCK", "SP_READERRORLOG",
        "XP_READERRORLOG", "XP_FIXEDDRIVES", "SP_HELP", "SP_HELPTEXT", "SP_HELPINDEX", "SP_HELPFILE", "SP_COLUMNS",
        "SP_TABLES", "SP_DATABASES", "SP_SERVER_INFO", "SP_MONITOR", "SP_HELP_JOB", "SP_HELP_JOBHISTORY",
        "SP_HELPLOGINS", "SP_HELPROLEMEMBER", "SP_HELPSERVER", "SP_BLITZ", "SP_BLITZFIRST", "SP_BLITZCACHE",
    ]

    /// DBCC commands that only show or check (a CHECK… with a REPAIR option repairs).
    private static let readDBCC: Set<String> = [
        "SQLPERF", "OPENTRAN", "INPUTBUFFER", "OUTPUTBUFFER", "SHOW_STATISTICS", "SHOWCONTIG", "USEROPTIONS",
        "TRACESTATUS", "CHECKDB", "CHECKTABLE", "CHECKALLOC", "CHECKCATALOG", "CHECKFILEGROUP", "CHECKCONSTRAINTS",
        "PROCCACHE", "MEMORYSTATUS", "HELP", "LOGINFO", "PAGE",
    ]

    /// `whole`: the texts of a command joined into one, where a word of another command (the `exec` of
    /// `kubectl exec … -- psql`) may stand before SQL: a procedure call is judged in each text alone.
    static func firstChange(in text: String, whole: Bool = false) -> String? {
        // Each word with the characters around it and the number of its statement: a `;` ends one outside
        // quotes (`'…'`, `"…"`, `$$…$$`, `$tag$…$tag$`) and comments (`-- …`, `/* … */`). Words inside
        // all but `'…'` still count.
        var words: [(word: String, next: Character?, previous: Character?, statement: Int, commented: Bool)] = []
        var current = ""
        var previous: Character?
        var quote: Character?
        var statement = 0
        let characters = Array(text)
        var shield = Shield.none
        var resume = 0
        var wordCommented = false
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if quote == nil, index >= resume {
                switch shield {
                case .none:
                    if character == "\"" {
                        shield = .double
                    } else if character == "$", let tag = dollarTag(characters, at: index) {
                        shield = .dollar(tag)
                        resume = index + tag.count
                    } else if character == "-", next == "-" {
                        shield = .line
                    } else if character == "/", next == "*" {
                        shield = .block
                        resume = index + 2
                    }
                case .double where character == "\"": shield = .none
                case .dollar(let tag) where characters[index...].starts(with: tag):
                    shield = .none
                    resume = index + tag.count
                case .line where character == "\n": shield = .none
                case .block where character == "*" && next == "/":
                    shield = .none
                    resume = index + 2
                default: break
                }
            }
            // A word in a comment or a dollar quote is text, not the statement's own (for COPY's direction).
            let commented: Bool
            switch shield {
            // (A double-quoted name is no direction either: `FORCE_NULL ("to", stdout)`.)
            case .line, .block, .dollar, .double: commented = true
            case .none: commented = false
            }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            if character == "'", case .none = shield {
                quote = character
                continue
            }
            if character.isLetter || character.isNumber || character == "_" {
                if current.isEmpty {
                    previous = index > 0 ? characters[index - 1] : nil
                    wordCommented = commented
                }
                current.append(character)
            } else {
                if !current.isEmpty {
                    words.append((current.uppercased(), character, previous, statement, wordCommented))
                }
                current = ""
                if character == ";", case .none = shield { statement += 1 }
            }
            if index == characters.count - 1 && !current.isEmpty {
                words.append((current.uppercased(), nil, previous, statement, wordCommented))
            }
        }
        // Every `pg_stat_reset…` function clears statistics.
        if let reset = words.first(where: { $0.word.hasPrefix("PG_STAT_RESET") && $0.next == "(" }) {
            return reset.word
        }
        for (offset, entry) in words.enumerated() where keywords.contains(entry.word) {
            let following = offset + 1 < words.count ? words[offset + 1].word : ""
            switch entry.word {
            case "REPLACE" where following != "INTO": continue
            // `PREPARE TRANSACTION` ends a transaction half way; `PREPARE stmt AS …` only names a query.
            case "PREPARE" where following != "TRANSACTION": continue
            case "NOTIFY" where offset > 0 && ![";", "\n"].contains(words[offset - 1].next ?? " "): continue
            case "SECURITY" where following != "LABEL": continue
            case "XA" where !["COMMIT", "ROLLBACK", "START", "BEGIN", "END", "PREPARE"].contains(following): continue
            // `EXECUTE name` runs a prepared statement, in PostgreSQL, whatever it is; T-SQL's EXEC runs a
            // procedure: at the start of a statement, neither is known to only read.
            case "EXEC", "EXECUTE":
                // At the start of a statement, naming a procedure (T-SQL's `EXEC usp_cleanup`, PostgreSQL's
                // `EXECUTE stmt`): a change unless the procedure only shows (`EXEC sp_who2`, also
                // `EXEC master.dbo.sp_who2`).
                if whole || following.isEmpty { continue }
                if offset > 0 && ![";", "\n"].contains(words[offset - 1].next ?? " ") { continue }
                let named = words.dropFirst(offset + 1).prefix(3).map(\.word)
                if named.contains(where: readProcedures.contains) { continue }
            case "DBCC":
                let statement = words.dropFirst(offset + 1).prefix { $0.statement == entry.statement }.map(\.word)
                if readDBCC.contains(following), !statement.contains(where: { $0.hasPrefix("REPAIR") }) { continue }
            case "CREATEVIEW", "HIDEINDEX", "UNHIDEINDEX", "SETLOGLEVEL", "ROTATECERTIFICATES":
                if entry.previous != "." || entry.next != "(" { continue }
            // `SELECT … INTO new_table` makes a table; `INSERT`, `MERGE` and `REPLACE INTO` are found by their
            // own word, and `INTO @var` only sets a variable.
            case "INTO":
                let next = offset + 1 < words.count ? words[offset + 1] : nil
                if next == nil || next?.previous == "@" || ["OUTFILE", "DUMPFILE", "STRICT"].contains(following) {
                    continue
                }
                if offset > 0, ["INSERT", "MERGE", "REPLACE", "UPSERT"].contains(words[offset - 1].word) { continue }
            case "RESTART" where offset > 0 && ![";", "\n"].contains(words[offset - 1].next ?? " "): continue
            case "CLONE" where !["INSTANCE", "LOCAL"].contains(following): continue
            case "BACKUP", "RESTORE":
                if !["TABLE", "DATABASE", "ALL", "DICTIONARY", "TEMPORARY"].contains(following) { continue }
            case "EXPORT" where following != "DATABASE": continue
            case "DBLINK" where entry.next != "(": continue
            case "RUNCOMMAND", "ADMINCOMMAND":
                if entry.next != "(" || mongoReadCommands.contains(following) { continue }
            case "SYNCFROM", "SAVE", "DISABLEBALANCING", "ENABLEBALANCING", "MAPREDUCE":
                if entry.previous != "." || entry.next != "(" { continue }
            // `SELECT … FOR UPDATE` locks rows only for its own statement; `SHOW CREATE TABLE` shows one.
            case "UPDATE" where offset > 0 && ["FOR", "NO"].contains(words[offset - 1].word): continue
            case "CREATE" where offset > 0 && words[offset - 1].word == "SHOW": continue
            case "RENAME" where following != "TABLE" && following != "COLUMN" && following != "TO": continue
            case "COPY":
                // `COPY … FROM` loads a table; `COPY … TO` writes a file or runs a program, unless to STDOUT.
                // The direction is the statement's last TO or FROM: a query copied out has a FROM of its own.
                let statement = words.dropFirst(offset + 1).prefix { $0.statement == entry.statement }
                    .filter { !$0.commented }.map(\.word)
                // A COPY whose direction is not seen is not known to be read-only.
                guard let direction = statement.lastIndex(where: { $0 == "TO" || $0 == "FROM" }) else { break }
                // (`PSTDOUT` is psql's `\copy` to its own output.)
                if statement[direction] == "TO",
                    ["STDOUT", "PSTDOUT"].contains(statement.dropFirst(direction + 1).first)
                {
                    continue
                }
            case "LOCK" where following != "TABLE" && following != "TABLES": continue
            case "SET" where !["GLOBAL", "PERSIST", "PERSIST_ONLY"].contains(following): continue
            case "STOP", "START":
                if !["REPLICA", "SLAVE", "GROUP_REPLICATION", "MERGES", "FETCHES", "TTL", "SENDS", "MOVES"].contains(
                    following)
                {
                    continue
                }
            case "CHANGE" where following != "MASTER" && following != "REPLICATION": continue
            case "PURGE" where following != "BINARY" && following != "MASTER": continue
            case "RESET" where !["MASTER", "SLAVE", "REPLICA", "BINARY", "PERSIST", "QUERY"].contains(following):
                continue
            case "LOAD" where following != "DATA" && following != "XML": continue
            case "REFRESH" where following != "MATERIALIZED": continue
            case "INSTALL", "UNINSTALL":
                // (A `where` after two patterns guards only the second: `INSTALL PLUGIN` was never found.)
                if following != "PLUGIN" && following != "COMPONENT" { continue }
            case "OPTIMIZE", "REPAIR", "DETACH", "ATTACH", "EXCHANGE":
                if !["TABLE", "TABLES", "DATABASE", "DICTIONARY", "PARTITION", "VIEW"].contains(following) { continue }
            case "SYSTEM" where entry.next == "." || entry.next == "_": continue
            case "CALL", "DO":
                // At the start of a statement: `ON CONFLICT DO NOTHING` is part of an `INSERT`.
                if offset > 0 && ![";", "\n"].contains(words[offset - 1].next ?? " ") { continue }
            case "OUT" where entry.previous != "$": continue
            case "CLUSTER" where offset > 0 && ![";", "\n"].contains(words[offset - 1].next ?? " "): continue
            case "COMMENT" where following != "ON": continue
            case "COMMIT", "ROLLBACK":
                if following != "PREPARED" { continue }
            // `rs.add(host)`, not JavaScript's `set.add(x)`.
            case "ADD" where offset == 0 || words[offset - 1].word != "RS": continue
            case "RECONFIG", "FSYNCLOCK", "FSYNCUNLOCK", "FREEZE", "ADD", "ADDARB", "STOPBALANCER", "STARTBALANCER",
                "SETBALANCERSTATE", "ENABLESHARDING", "SHARDCOLLECTION", "MOVECHUNK", "SPLITAT", "ADDSHARD",
                "REMOVESHARD", "SETPROFILINGLEVEL", "DROPALLUSERS", "UPDATEUSER", "CHANGEUSERPASSWORD",
                "REVOKEROLESFROMUSER", "CREATEROLE", "DROPROLE":
                // Mongo shell methods, only as called methods (`rs.reconfig(cfg)`, `db.fsyncLock()`).
                if entry.previous != "." || entry.next != "(" { continue }
            case "REMOVE", "DROPDATABASE", "DELETEMANY", "DELETEONE", "UPDATEMANY", "UPDATEONE", "INSERTONE",
                "INSERTMANY", "FINDONEANDDELETE", "FINDONEANDUPDATE", "FINDONEANDREPLACE", "FINDANDMODIFY",
                "DROPINDEX", "DROPINDEXES", "CREATEINDEX", "CREATEINDEXES", "CREATECOLLECTION", "RENAMECOLLECTION",
                "BULKWRITE", "SHUTDOWNSERVER", "STEPDOWN", "KILLOP", "DROPUSER", "CREATEUSER",
                "GRANTROLESTOUSER", "REPLACEONE":
                if entry.next != "(" { continue }
            default: break
            }
            return entry.word
        }
        return nil
    }
}
