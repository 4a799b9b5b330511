//! The JSON path of the value a deserializer was reading when it stopped: serde_json gives the
//! line:column where it stopped, and one scan of the text up to there gives the path
//! (`$.records.region[532]`). This replaces following the path while deserializing
//! (`serde_path_to_error`), whose wrappers were instantiated for every type of every format and
//! made the largest share of the dataset worker's module (~80 KB of 885 KB before `wasm-opt`,
//! issue #12). `tests/path_at.rs` compares the two on broken copies of every bundled file.

use super::path::{string_end, string_text, JsonPath, Seg};

/// What a deserializer's failure is about, which decides whether the member it stopped at or
/// after belongs to the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum About {
    /// A value: a wrong type or value, an unknown variant, a syntax error inside it. The path
    /// ends with the member being read, or just read.
    Value,
    /// An unknown field: reported just after its key, and under it.
    Field,
    /// The object or array being read as a whole: a missing or duplicate field, a wrong length,
    /// an array longer than its type. The path ends with the container (serde_json reports a
    /// missing field after the object's `}`, a wrong length before the array's `]`).
    Container,
}

impl About {
    /// From serde's message (its wording is pinned by `tests/serde_wording.rs`).
    pub fn of(message: &str) -> About {
        let container = ["missing field", "duplicate field", "invalid length", "trailing characters"];
        if container.iter().any(|p| message.starts_with(p)) {
            About::Container
        } else if message.starts_with("unknown field") {
            About::Field
        } else {
            About::Value
        }
    }
}

/// Where a container stands in the scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    /// After `{`, `[` or `,`: before a key (object) or an element (array).
    Before,
    /// Reading a key, or after it and before its `:`.
    Key,
    /// After `:` (object) or inside an element (array): a value started or about to start.
    Value,
    /// The last member's value is complete.
    Done,
}

struct Frame {
    array: bool,
    at: At,
    seg: Option<Seg>,
    index: usize,
}

/// The byte where 1-based `line` of `text` starts (0 for line 0 or 1); `None` if there is no
/// such line.
pub(super) fn line_start(text: &str, line: usize) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    text.bytes().enumerate().filter(|&(_, c)| c == b'\n').nth(line - 2).map(|(i, _)| i + 1)
}

/// The byte offset of serde_json's `line` (1-based) and `column` (bytes consumed on that line),
/// at most the text's length.
fn offset(text: &str, line: usize, column: usize) -> usize {
    line_start(text, line).map_or(text.len(), |start| (start + column).min(text.len()))
}

/// The path of what a deserializer was reading when it stopped at `line`:`column` of `text`
/// (serde_json's position of an error: line 1-based, column in bytes consumed on that line).
/// `about` says whether the failure is about a value or about its container ([`About::of`]
/// serde's message). Never panics: a text that stops making sense ends the scan, and the path
/// found so far is returned (the root for a position 0:0, which serde_json gives for an error
/// it could not place).
pub fn path_at(text: &str, line: usize, column: usize, about: About) -> JsonPath {
    let end = offset(text, line, column);
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut pos = 0;
    // Whether the last thing read closed an object or an array, and that container's last member.
    let mut closed = false;
    let mut closed_last: Option<Seg> = None;
    // A value starts at `pos`: the array's next element, or the object's member after `:`.
    fn start_value(stack: &mut [Frame]) {
        if let Some(f) = stack.last_mut() {
            if f.array {
                f.seg = Some(Seg::Index(f.index));
            }
            f.at = At::Value;
        }
    }
    fn done(stack: &mut [Frame]) {
        if let Some(f) = stack.last_mut() {
            f.at = At::Done;
        }
    }
    while pos < end {
        let Some(&c) = b.get(pos) else { break };
        closed = matches!(c, b'}' | b']');
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => pos += 1,
            // A leading byte order mark (the text serde_json read has none, but be safe).
            0xEF if pos == 0 && b.starts_with(&[0xEF, 0xBB, 0xBF]) => pos += 3,
            b'{' | b'[' => {
                start_value(&mut stack);
                stack.push(Frame { array: c == b'[', at: At::Before, seg: None, index: 0 });
                pos += 1;
            }
            // A bracket that does not close the innermost container: serde_json stops on it, where
            // that container expected its next member.
            b'}' | b']' if stack.last().is_some_and(|f| f.array != (c == b']')) => {
                start_value(&mut stack);
                closed = false;
                break;
            }
            b'}' | b']' => {
                closed_last = stack.pop().filter(|f| f.at == At::Done).and_then(|f| f.seg);
                done(&mut stack);
                pos += 1;
            }
            // A comma where a value was expected (`"place": ,` or `[1, ,`): serde_json stops on it,
            // at the member with no value.
            b',' if stack.last().is_some_and(|f| f.at == if f.array { At::Before } else { At::Value }) => {
                start_value(&mut stack);
                closed = false;
                break;
            }
            b',' => {
                if let Some(f) = stack.last_mut() {
                    if f.array && f.at == At::Done {
                        f.index += 1;
                    }
                    f.at = At::Before;
                    f.seg = None;
                }
                pos += 1;
            }
            b':' => {
                if let Some(f) = stack.last_mut() {
                    f.at = At::Value;
                }
                pos += 1;
            }
            b'"' => {
                let close = string_end(b, pos);
                let is_key = stack.last().is_some_and(|f| !f.array && f.at == At::Before);
                if is_key {
                    let key = close.and_then(|e| string_text(text, pos, e));
                    if let Some(f) = stack.last_mut() {
                        f.at = At::Key;
                        f.seg = key.map(Seg::Key);
                    }
                } else {
                    start_value(&mut stack);
                }
                match close {
                    Some(e) if e < end => {
                        pos = e;
                        if !is_key {
                            done(&mut stack);
                        }
                    }
                    // Stopped inside the string (or it never ends).
                    _ => break,
                }
            }
            _ => {
                start_value(&mut stack);
                let mut e = pos;
                while let Some(&d) = b.get(e) {
                    if matches!(d, b',' | b']' | b'}' | b':' | b'"' | b'[' | b'{' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    e += 1;
                }
                if e > end || e == pos {
                    break;
                }
                pos = e;
                done(&mut stack);
            }
        }
    }
    // An array's element about to start: part of the path when the failure is about it (a
    // value of the wrong kind is reported before it is read).
    let next = b.get(end..).and_then(|rest| rest.iter().find(|c| !c.is_ascii_whitespace()));
    let last = stack.len().saturating_sub(1);
    let mut path = Vec::new();
    let mut complete = true;
    for (i, f) in stack.iter().enumerate() {
        let include = match f.at {
            At::Value => true,
            At::Done => i < last || about != About::Container || closed,
            // (At the end of a text cut short: the element that was to come.)
            At::Before => i == last && f.array && about == About::Value && next.is_none_or(|&c| c != b']'),
            At::Key => about == About::Field,
        };
        if !include {
            complete = false;
            break;
        }
        match (&f.seg, f.array, f.at) {
            (_, true, At::Before) => path.push(Seg::Index(f.index)),
            (Some(s), _, _) => path.push(s.clone()),
            (None, _, _) => {
                complete = false;
                break;
            }
        }
    }
    // A failure inside a value serde read ahead of time (an internally tagged enum, as GeoJSON's
    // geometry) gets its position only once the object holding it has been closed, when that
    // value was the object's last member: the path ends with that member.
    if complete && closed && about == About::Value {
        path.extend(closed_last);
    }
    JsonPath(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path where serde_json stops on `text` for `T`.
    fn stop<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        let message = e.to_string();
        path_at(text, e.line(), e.column(), About::of(&message)).to_string()
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        a: u32,
        b: Vec<u32>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        recs: Vec<Rec>,
        pair: Option<(u8, u8)>,
    }

    #[test]
    fn values_end_the_path_with_their_member() {
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": [1, "x"]}]}"#), "$.recs[0].b[1]");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": "1", "b": []}]}"#), "$.recs[0].a");
        assert_eq!(stop::<Doc>("{\"recs\": [{\"a\": 1, \"b\": []},\n {\"a\": {}, \"b\": []}]}"), "$.recs[1].a");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": [1, {"c": 2}]}]}"#), "$.recs[0].b[1]");
        assert_eq!(stop::<Doc>(r#"{"recs": [5]}"#), "$.recs[0]");
        assert_eq!(stop::<Doc>(r#"{"recs": {}}"#), "$.recs");
    }

    #[test]
    fn containers_end_the_path_with_themselves() {
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1}]}"#), "$.recs[0]");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": [2]}, {"b": [{"x":1}]}]}"#), "$.recs[1].b[0]");
        assert_eq!(stop::<Doc>(r#"{"recs": [], "pair": [1]}"#), "$.pair");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": [], "z": 1}]}"#), "$.recs[0].z");
        assert_eq!(stop::<Doc>(r#"{"recs": [], "pair": [1, 2, 3]}"#), "$.pair");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": []}, {"a": 1}]}"#), "$.recs[1]");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "a": 2, "b": []}]}"#), "$.recs[0]");
        assert_eq!(stop::<Doc>(r#"{"pair": null}"#), "$");
    }

    #[test]
    fn syntax_errors_and_escapes() {
        assert_eq!(stop::<Doc>("{\"recs\": [{\"a\": 1, \"b\": [1, 2"), "$.recs[0].b[1]");
        assert_eq!(stop::<Doc>(r#"{"r\u0065cs": [{"a": 1x}]}"#), "$.recs[0].a");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": ["\"]"]}]}"#), "$.recs[0].b[0]");
        // A value left out, and a text cut short after a comma: the member that has no value.
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": , "b": []}]}"#), "$.recs[0].a");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": [1, , 2]}]}"#), "$.recs[0].b[1]");
        assert_eq!(stop::<Doc>(r#"{"recs": [{"a": 1, "b": [1, "#), "$.recs[0].b[1]");
    }

    #[test]
    fn garbage_never_panics() {
        for t in ["", "{", "[1,", "{\"a\"", "{\"a\":", "\"abc", "}{", "[[[[[[", "{\"a\\", "]]]", ",,:"] {
            for (l, c) in [(0, 0), (1, 0), (1, 3), (2, 5), (9, 99)] {
                let _ = path_at(t, l, c, About::Value);
                let _ = path_at(t, l, c, About::Container);
            }
        }
    }
}
