//! Making untrusted text safe to print on a terminal outside the layout engine (file names,
//! error messages, headless output): control characters become visible Control Pictures and
//! bidi controls are dropped, so no byte of article text can act as an escape sequence.

use std::borrow::Cow;

/// True for characters that must never reach a terminal as they are.
#[inline]
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Explicit bidi formatting characters (embeddings, overrides, isolates, marks).
#[inline]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Replaces C0 controls with their Control Picture (ESC → ␛), other controls with U+FFFD,
/// and drops bidi controls. Borrowed when nothing needed changing.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_bidi_control(c))
            .map(|c| match c {
                '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                '\u{7F}' => '\u{2421}',
                c if c.is_control() => '\u{FFFD}',
                // Line and paragraph separators would break a line on some terminals.
                '\u{2028}' | '\u{2029}' => ' ',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_and_bidi_controls_vanish() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(printable("x\u{9b}y\u{7}"), "x\u{FFFD}y\u{2407}");
        assert_eq!(printable("\u{202e}abc\u{2066}"), "abc");
        assert_eq!(printable("file\nname"), "file\u{240a}name");
        assert!(matches!(printable("بوتين"), Cow::Borrowed(_)));
    }
}
