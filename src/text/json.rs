//! JSON output that is safe to print: valid JSON whose strings carry no raw control or bidi
//! control characters (they are written as `\uXXXX` escapes).

use super::printable::is_unsafe;

/// Serializes `value`, then escapes every remaining unsafe character. serde_json already
/// escapes C0 controls; this adds DEL, C1 controls and the bidi controls.
pub fn to_safe_string(value: &serde_json::Value) -> String {
    escape_unsafe(&value.to_string())
}

/// Escapes, as `\uXXXX`, every character of serialized JSON a terminal could act on. Such
/// characters only occur inside JSON strings, where the escape means the same character.
pub fn escape_unsafe(json: &str) -> String {
    if !json.chars().any(is_unsafe) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_json_stays_valid() {
        let value = serde_json::json!({"t": "a\u{1b}[2J\u{202e}b\u{9b}c\u{7f}"});
        let text = to_safe_string(&value);
        assert!(!text.chars().any(is_unsafe), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
