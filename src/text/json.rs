//! JSON output that is safe to print: valid JSON whose strings carry no raw control or bidi
//! control characters (they are written as `\uXXXX` escapes).

use super::printable::is_unsafe;

/// Serializes `value`, then escapes every remaining unsafe character. serde_json already
/// escapes C0 controls; this adds DEL, C1 controls and the bidi controls.
pub fn to_safe_string(value: &serde_json::Value) -> String {
    let raw = value.to_string();
    if !raw.chars().any(is_unsafe) {
        return raw;
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
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
