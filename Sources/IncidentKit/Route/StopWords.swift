/// Words too common to route on, plus month and weekday names that only date a pasted log line.
enum StopWords {
    static func contains(_ word: String) -> Bool { words.contains(word) }
    static func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count <= 12 && word.allSatisfy { $0 < 0x80 } && words.contains(String(decoding: word, as: UTF8.self))
    }

    private static let words: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "being", "but", "by", "can", "could", "did", "do", "does", "doing", "each", "for", "from", "had", "has",
        "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "just", "keep", "keeps", "me", "more", "most", "my", "of", "on", "once", "only", "or", "other", "our",
        "out", "over", "own", "same", "seem", "seems", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "why", "will", "with", "would", "you", "your", "getting", "get", "got", "still", "again", "seeing",
        "see", "showing", "shows", "show", "happening", "help", "please", "anyone", "now", "since", "may", "might",
        "must", "one", "two", "use", "using", "used",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
        "wed", "thu", "fri", "sat", "sun", "utc", "gmt", "am", "pm",
    ]
}
