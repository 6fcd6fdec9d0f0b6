extension MarkdownReader {
    /// Reads a list whose first item starts at the current line.
    mutating func readList(startingWith first: ListMarker) -> ListBlock {
        var items: [ListItem] = []
        var marker = first
        while true {
            items.append(readItem(marker))
            guard position < lines.count, let next = ListMarker(lines[position]), next.continues(first),
                next.indent <= first.indent + 1
            else { break }
            marker = next
        }
        return ListBlock(isOrdered: first.isOrdered, items: items)
    }

    /// Reads one item: its first line and every line that belongs to it.
    private mutating func readItem(_ marker: ListMarker) -> ListItem {
        let opening = lines[position]
        var content = marker.content
        var task: ListItem.Task?
        if content.hasPrefix("[ ] ") || content == "[ ]" {
            task = .open
        } else if content.hasPrefix("[x] ") || content.hasPrefix("[X] ") || content == "[x]" || content == "[X]" {
            task = .done
        }
        if task != nil { content = content.dropFirst(3).trimmingWhitespace() }
        var inner = [SourceLine(number: opening.number, text: content)]
        // Children may sit at the content column or, as many runbooks write them, two columns in.
        let threshold = min(marker.contentOffset, marker.indent + 2)
        position += 1
        var pendingBlank: [SourceLine] = []
        while position < lines.count {
            let line = lines[position]
            if line.isBlank {
                pendingBlank.append(SourceLine(number: line.number, text: ""))
                position += 1
                continue
            }
            if line.indent >= threshold {
                inner += pendingBlank
                pendingBlank = []
                inner.append(line.removingIndent(min(line.indent, marker.contentOffset)))
                position += 1
                continue
            }
            if pendingBlank.isEmpty, let last = inner.last, !last.isBlank, isLazyContinuation(line, after: inner) {
                inner.append(SourceLine(number: line.number, text: line.text.trimmingWhitespace()))
                position += 1
                continue
            }
            break
        }
        let blocks = readNested(inner)
        return ListItem(number: marker.number, task: task, blocks: blocks, line: opening.number)
    }

    /// A non-indented line continues the item's paragraph when it would not start a block of its own
    /// and the item has no code fence left open.
    private func isLazyContinuation(_ line: SourceLine, after inner: [SourceLine]) -> Bool {
        var fenceOpen = false
        for previous in inner {
            let text = previous.text.trimmingWhitespace()
            if text.hasPrefix("```") || text.hasPrefix("~~~") { fenceOpen.toggle() }
        }
        if fenceOpen { return false }
        let text = line.text.trimmingWhitespace()
        if ListMarker(line) != nil || Self.isThematicBreak(text) { return false }
        switch text.first {
        case "#", ">", "`", "~", "|", "<": return false
        default: return true
        }
    }
}
