//! JSON locations: a path into a document (`$.records.region[532]`) and the
//! line:column where the value at that path starts.

use std::collections::HashMap;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Seg {
    Key(String),
    Index(usize),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    pub fn key(&self, k: &str) -> JsonPath {
        let mut v = self.0.clone();
        v.push(Seg::Key(k.to_string()));
        JsonPath(v)
    }

    pub fn index(&self, i: usize) -> JsonPath {
        let mut v = self.0.clone();
        v.push(Seg::Index(i));
        JsonPath(v)
    }

    /// Shorthand for `$.a.b.c`.
    pub fn keys(keys: &[&str]) -> JsonPath {
        JsonPath(keys.iter().map(|k| Seg::Key((*k).to_string())).collect())
    }

    /// The path with every index written `[*]`: where in each record.
    pub fn pattern(&self) -> String {
        let generic = JsonPath(
            self.0.iter().map(|s| if let Seg::Index(_) = s { Seg::Key("*".into()) } else { s.clone() }).collect(),
        );
        generic.to_string().replace("[\"*\"]", "[*]")
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for s in &self.0 {
            match s {
                Seg::Index(i) => write!(f, "[{i}]")?,
                Seg::Key(k) if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                    write!(f, ".{k}")?
                }
                Seg::Key(k) => write!(f, "[{k:?}]")?,
            }
        }
        Ok(())
    }
}

/// Finds where the values at `targets` start in `text` (1-based line and
/// column, columns in characters). One pass over the text whatever the number
/// of targets; targets not present get `None`. The text is assumed to be JSON
/// that already parsed; on anything else the scan stops early, never panics.
pub fn locate(text: &str, targets: &[JsonPath]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; targets.len()];
    if targets.is_empty() {
        return out;
    }
    // Group targets by their parent so that, inside a million-element array,
    // each element costs one small map lookup only when the array is a parent.
    let mut by_parent: HashMap<&[Seg], Vec<(&Seg, usize)>> = HashMap::new();
    let mut root_targets = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        match t.0.split_last() {
            Some((last, parent)) => by_parent.entry(parent).or_default().push((last, i)),
            None => root_targets.push(i),
        }
    }
    let mut s = Scanner {
        b: text.as_bytes(),
        text,
        pos: 0,
        line: 1,
        line_start: 0,
        path: Vec::new(),
        by_parent: &by_parent,
        out: &mut out,
    };
    s.ws();
    let here = s.here();
    for i in root_targets {
        s.out[i] = Some(here);
    }
    s.value(0);
    out
}

struct Scanner<'a, 'o> {
    b: &'a [u8],
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
    path: Vec<Seg>,
    by_parent: &'o HashMap<&'o [Seg], Vec<(&'o Seg, usize)>>,
    out: &'o mut Vec<Option<(usize, usize)>>,
}

/// Deeper documents are rejected by serde_json anyway (its limit is 128).
const MAX_DEPTH: usize = 256;

impl<'o> Scanner<'_, 'o> {
    fn here(&self) -> (usize, usize) {
        let start = self.line_start.min(self.pos);
        let col = self.text.get(start..self.pos).map_or(0, |s| s.chars().count());
        (self.line, col + 1)
    }

    fn ws(&mut self) {
        while let Some(&c) = self.b.get(self.pos) {
            match c {
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                // A UTF-8 byte order mark at the start is not an error here.
                0xEF if self.pos == 0 && self.b.starts_with(&[0xEF, 0xBB, 0xBF]) => {
                    self.pos += 3;
                    self.line_start = self.pos;
                }
                _ => break,
            }
        }
    }

    fn child_targets(&self) -> Option<&'o Vec<(&'o Seg, usize)>> {
        let map: &'o HashMap<&'o [Seg], Vec<(&'o Seg, usize)>> = self.by_parent;
        map.get(self.path.as_slice())
    }

    fn mark(&mut self, children: Option<&Vec<(&Seg, usize)>>, seg: &Seg) {
        if let Some(list) = children {
            let here = self.here();
            for (s, i) in list {
                if *s == seg {
                    self.out[*i] = Some(here);
                }
            }
        }
    }

    /// Returns false when the text stops making sense.
    fn value(&mut self, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self.b.get(self.pos) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().is_some(),
            Some(_) => {
                while let Some(&c) = self.b.get(self.pos) {
                    if matches!(c, b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.pos += 1;
                }
                true
            }
            None => false,
        }
    }

    fn object(&mut self, depth: usize) -> bool {
        let children = self.child_targets();
        self.pos += 1;
        loop {
            self.ws();
            match self.b.get(self.pos) {
                Some(b'}') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(b'"') => {}
                _ => return false,
            }
            let Some(key) = self.string() else {
                return false;
            };
            self.ws();
            if self.b.get(self.pos) != Some(&b':') {
                return false;
            }
            self.pos += 1;
            self.ws();
            let seg = Seg::Key(key);
            self.mark(children, &seg);
            self.path.push(seg);
            let ok = self.value(depth + 1);
            self.path.pop();
            if !ok {
                return false;
            }
        }
    }

    fn array(&mut self, depth: usize) -> bool {
        let children = self.child_targets();
        self.pos += 1;
        let mut index = 0;
        loop {
            self.ws();
            match self.b.get(self.pos) {
                Some(b']') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(_) => {}
                None => return false,
            }
            let seg = Seg::Index(index);
            self.mark(children, &seg);
            // Only descend with a path when someone may be looking inside.
            self.path.push(seg);
            let ok = self.value(depth + 1);
            self.path.pop();
            if !ok {
                return false;
            }
            index += 1;
        }
    }

    /// Skips a string and returns its contents (escapes decoded).
    fn string(&mut self) -> Option<String> {
        let end = string_end(self.b, self.pos)?;
        let s = string_text(self.text, self.pos, end);
        self.pos = end;
        s
    }
}

/// The byte just after the closing quote of the JSON string whose opening quote is at byte
/// `start` of `b`; `None` if it never closes.
pub(super) fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The contents of the JSON string `text[start..end]` (quotes included), its escapes decoded.
pub(super) fn string_text(text: &str, start: usize, end: usize) -> Option<String> {
    let raw = text.get(start..end)?;
    if raw.contains('\\') {
        serde_json::from_str(raw).ok()
    } else {
        raw.get(1..raw.len() - 1).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_paths() {
        let p = JsonPath::keys(&["records", "region"]).index(532);
        assert_eq!(p.to_string(), "$.records.region[532]");
        assert_eq!(JsonPath::root().key("a b").to_string(), "$[\"a b\"]");
    }

    #[test]
    fn locates_values_in_nested_documents() {
        let text = "{\n  \"a\": [1, 2,\n    3],\n  \"b\": {\"c\": \"x\\\"y\", \"d\": null}\n}";
        let targets = [
            JsonPath::keys(&["a"]).index(2),
            JsonPath::keys(&["b", "d"]),
            JsonPath::keys(&["a"]),
            JsonPath::keys(&["zzz"]),
            JsonPath::root(),
        ];
        let found = locate(text, &targets);
        assert_eq!(found[0], Some((3, 5)));
        assert_eq!(found[1], Some((4, 27)));
        assert_eq!(found[2], Some((2, 8)));
        assert_eq!(found[3], None);
        assert_eq!(found[4], Some((1, 1)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"é\": [\"ção\", 5]}";
        let found = locate(text, &[JsonPath::keys(&["é"]).index(1)]);
        assert_eq!(found[0], Some((1, 15)));
    }

    #[test]
    fn garbage_never_panics() {
        for t in ["", "{", "[1,", "{\"a\"", "{\"a\":", "\"abc", "}{", "[[[[[[", "{\"a\\"] {
            let _ = locate(t, &[JsonPath::keys(&["a"]).index(0)]);
        }
    }
}
