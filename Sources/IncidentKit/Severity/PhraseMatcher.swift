/// Finds a phrase in free text as a run of whole words, ignoring case and punctuation.
enum PhraseMatcher {
    /// A word of the text, lowercased, with where it stands in the text.
    struct Word {
        var text: String
        var range: Range<String.Index>
    }

    /// The words of `text`: runs of letters and digits, lowercased.
    static func words(of text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let first = start {
                words.append(Word(text: text[first..<index].lowercased(), range: first..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let first = start {
            words.append(Word(text: text[first...].lowercased(), range: first..<text.endIndex))
        }
        return words
    }

    /// Where `phrase` occurs in the text `words` came from, as consecutive whole words; nil when it does not.
    static func find(_ phrase: String, in words: [Word]) -> Range<String.Index>? {
        let wanted = Self.words(of: phrase).map(\.text)
        guard !wanted.isEmpty, wanted.count <= words.count else { return nil }
        for start in 0...(words.count - wanted.count)
        where zip(words[start...], wanted).allSatisfy({ $0.text == $1 }) {
            return words[start].range.lowerBound..<words[start + wanted.count - 1].range.upperBound
        }
        return nil
    }
}
