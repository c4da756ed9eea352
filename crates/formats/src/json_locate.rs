//! Finds where a JSON path (`parts[3].connectors[1].type`) points in a JSON text, so that
//! problems found after parsing can still be reported with their line and column.

/// The 1-based line and column of the value at `path` in `text`, or of the deepest part of
/// the path that exists; `(1, 1)` when not even the document parses.
pub fn locate(text: &str, path: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut scanner = Scanner { bytes, at: 0 };
    scanner.space();
    let mut found = scanner.at;
    for segment in segments(path) {
        let next = match segment {
            Segment::Key(key) => scanner.member(key),
            Segment::Index(index) => scanner.element(index),
        };
        match next {
            Some(at) => {
                scanner.at = at;
                found = at;
            }
            None => break,
        }
    }
    line_and_column(text, found)
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// `a.b[2][0].c` as keys and indices.
fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut found = Vec::new();
    for part in path.split('.').filter(|part| !part.is_empty()) {
        let (key, rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            found.push(Segment::Key(key));
        }
        for index in rest.split(['[', ']']).filter(|index| !index.is_empty()) {
            if let Ok(index) = index.parse() {
                found.push(Segment::Index(index));
            }
        }
    }
    found
}

fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// A cursor over JSON text that can step over whole values.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while self.peek().is_some_and(|byte| byte.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let here = self.peek() == Some(byte);
        if here {
            self.at += 1;
        }
        here
    }

    /// The content of a string starting at the cursor, raw (escapes left in).
    fn string(&mut self) -> Option<&str> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        while let Some(byte) = self.peek() {
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'"' => return std::str::from_utf8(self.bytes.get(start..self.at - 1)?).ok(),
                _ => {}
            }
        }
        None
    }

    /// Steps over one value of any kind.
    fn skip_value(&mut self) -> Option<()> {
        self.space();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.at += 1;
                if self.eat(close) {
                    return Some(());
                }
                loop {
                    if open == b'{' {
                        self.string()?;
                        self.eat(b':').then_some(())?;
                    }
                    self.skip_value()?;
                    if self.eat(close) {
                        return Some(());
                    }
                    self.eat(b',').then_some(())?;
                }
            }
            _ => {
                while self.peek().is_some_and(|byte| {
                    !matches!(byte, b',' | b'}' | b']') && !byte.is_ascii_whitespace()
                }) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// Where the value of member `key` of the object at the cursor starts.
    fn member(&mut self, key: &str) -> Option<usize> {
        let mut probe = Scanner {
            bytes: self.bytes,
            at: self.at,
        };
        if !probe.eat(b'{') || probe.eat(b'}') {
            return None;
        }
        loop {
            let name = probe.string()?.to_owned();
            probe.eat(b':').then_some(())?;
            probe.space();
            if name == key {
                return Some(probe.at);
            }
            probe.skip_value()?;
            if !probe.eat(b',') {
                return None;
            }
        }
    }

    /// Where element `index` of the array at the cursor starts.
    fn element(&mut self, index: usize) -> Option<usize> {
        let mut probe = Scanner {
            bytes: self.bytes,
            at: self.at,
        };
        if !probe.eat(b'[') || probe.eat(b']') {
            return None;
        }
        for _ in 0..index {
            probe.skip_value()?;
            if !probe.eat(b',') {
                return None;
            }
        }
        probe.space();
        Some(probe.at)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TEXT: &str = "{\n  \"a\": 1,\n  \"parts\": [\n    {\"id\": \"x\"},\n    {\"id\": \"y\", \"tags\": [\"p\", \"q\\\"r\"]}\n  ]\n}\n";

    #[test]
    fn finds_members_and_elements() {
        assert_eq!(locate(TEXT, "a"), (2, 8));
        assert_eq!(locate(TEXT, "parts[1].id"), (5, 12));
        assert_eq!(locate(TEXT, "parts[1].tags[1]"), (5, 31));
        assert_eq!(locate(TEXT, ""), (1, 1));
    }

    #[test]
    fn stops_at_the_deepest_existing_part() {
        assert_eq!(locate(TEXT, "parts[1].missing"), locate(TEXT, "parts[1]"));
        assert_eq!(locate(TEXT, "parts[7].id"), locate(TEXT, "parts"));
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}", path in "[a-z\\[\\]0-9.]{0,20}") {
            let (line, column) = locate(&text, &path);
            prop_assert!(line >= 1 && column >= 1);
        }
    }
}
