/// One secret found by the scanner: the bytes to replace and the context it was recognized by.
struct RedactionMatch: Hashable {
    /// The bytes replaced by the kind's marker.
    var range: Range<Int>
    /// Where the text that identifies the secret starts (a key, a scheme); at most `range.lowerBound`.
    var anchor: Int
    /// What was found.
    var kind: RedactionKind
    /// True for a block whose end was not seen yet (a private key without its END line).
    var isOpenEnded = false
}
