/// Finds SQL statements that change data or schema in text handed to a database client.
enum SQLRisk {
    private static let keywords: Set<String> = [
        "DROP", "DELETE", "UPDATE", "TRUNCATE", "ALTER", "INSERT", "CREATE", "GRANT", "REVOKE", "MERGE",
        "UPSERT",
        "VACUUM", "REINDEX", "KILL", "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "COPY", "RENAME", "REPLACE",
        "DROPDATABASE", "DELETEMANY", "DELETEONE", "UPDATEMANY", "UPDATEONE", "INSERTONE", "INSERTMANY",
        "REMOVE",
    ]

    /// The first changing keyword (upper-cased) outside SQL string literals, or nil.
    ///
    /// Words are compared whole, so `updated_at`, `deleted_rows` and `SHOW GRANTS` do not count;
    /// `REPLACE` counts only as `REPLACE INTO`, and Mongo methods only when called (`.drop(`).
    static func firstChange(in text: String) -> String? {
        var words: [(word: String, next: Character?)] = []
        var current = ""
        var quote: Character?
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            if character == "'" {
                quote = character
                continue
            }
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if !current.isEmpty { words.append((current.uppercased(), character)) }
                current = ""
            }
            if index == characters.count - 1 && !current.isEmpty { words.append((current.uppercased(), nil)) }
        }
        for (offset, entry) in words.enumerated() where keywords.contains(entry.word) {
            let following = offset + 1 < words.count ? words[offset + 1].word : ""
            switch entry.word {
            case "REPLACE" where following != "INTO": continue
            case "RENAME" where following != "TABLE" && following != "COLUMN" && following != "TO": continue
            case "COPY" where !words.dropFirst(offset).prefix(8).contains { $0.word == "FROM" }: continue
            case "REMOVE", "DROPDATABASE", "DELETEMANY", "DELETEONE", "UPDATEMANY", "UPDATEONE", "INSERTONE",
                "INSERTMANY":
                if entry.next != "(" { continue }
            default: break
            }
            return entry.word
        }
        return nil
    }
}
