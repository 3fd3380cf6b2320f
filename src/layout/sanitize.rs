//! Untrusted text → text that is safe to lay out and to send to a terminal.
//!
//! Dropped: C0/C1 control characters and the explicit bidi controls (LRE RLE PDF LRO RLO
//! U+202A–202E, LRI RLI FSI PDI U+2066–2069). They must go: akhbar produces visual order
//! itself, the terminal must not reorder again, and unicode-bidi 0.3.18 panics on ~140 nested
//! isolates (servo/unicode-bidi#145). Overrides are not honoured on purpose: they are how
//! "Trojan Source" text shows one thing and means another.
//! The bidi marks (LRM RLM ALM) are never output either, but layout keeps them while it
//! resolves the paragraph's direction and levels ([`Fate::Mark`]): they are ordinary strong
//! characters there, and the writer's way to keep `\u{200E}71 000\u{200E}` a left-to-right
//! number in Arabic text (UAX#9 W7).
//! U+FEFF (byte-order mark / zero-width no-break space) and the soft hyphen U+00AD are dropped
//! too: both are invisible in text, the reader promises never to output U+FEFF, and terminals
//! disagree on the soft hyphen's width (glibc's `wcwidth` gives it a cell, unicode-width
//! none), which would misalign lines. Whitespace controls (tab, LF, VT, FF, CR, NEL) and
//! the Unicode line/paragraph separators become a plain space, so the words they separated
//! stay separate.

use std::borrow::Cow;

/// What sanitizing does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate {
    Keep,
    Space,
    Drop,
    /// A bidi mark: weighs in the bidi algorithm, then dropped (see the module docs).
    Mark,
}

pub(crate) fn fate(c: char) -> Fate {
    match c {
        // Printable ASCII and everything from NBSP to the Arabic letters, the common case.
        '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{061b}' => Fate::Keep,
        '\u{061d}'..='\u{06ff}' => Fate::Keep,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Fate::Space,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => Fate::Mark,
        '\u{feff}' | '\u{ad}' => Fate::Drop,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Fate::Drop,
        c if c.is_control() => Fate::Drop,
        _ => Fate::Keep,
    }
}

/// The text with controls dropped and whitespace controls turned into spaces (see the module
/// docs). Borrowed when nothing had to change. Use it for any untrusted text shown outside
/// `layout` too (e.g. logical-order display for terminals that do their own bidi).
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| fate(c) == Fate::Keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fate(c) {
            Fate::Keep => out.push(c),
            Fate::Space => out.push(' '),
            Fate::Drop | Fate::Mark => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_controls_and_bidi_controls() {
        let dirty =
            "a\u{1b}[31mb\u{7}\u{9b}c\u{202e}d\u{2067}e\u{2069}\u{200f}\u{200e}\u{61c}f\u{ad}g";
        assert_eq!(sanitize(dirty), "a[31mbcdefg");
    }

    #[test]
    fn whitespace_controls_become_spaces() {
        assert_eq!(sanitize("a\tb\nc\r\nd"), "a b c  d");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("مرحبا (1)"), Cow::Borrowed(_)));
    }

    #[test]
    fn joiners_survive() {
        assert_eq!(
            sanitize("👨\u{200d}👩 a\u{200c}b"),
            "👨\u{200d}👩 a\u{200c}b"
        );
    }
}
