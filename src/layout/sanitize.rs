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
//! A ZWJ that joins nothing is dropped: after an emoji when no emoji follows, or after a
//! character that is not drawn. It is invisible, and once reordered it could land between
//! two emoji, which a terminal would then draw joined in one glyph (two cells where the
//! layout counted four).

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

/// Whether sanitizing changes anything in `text`: the common case, checked a character at a
/// time; the neighbours matter only where there is a ZWJ.
pub(crate) fn needs_sanitizing(text: &str) -> bool {
    text.chars().any(|c| fate(c) != Fate::Keep)
        || text.contains('\u{200D}') && fates(text).any(|(_, _, f)| f != Fate::Keep)
}

/// Each character of `text` with its byte offset and [`Fate`]: [`fate`], except that a ZWJ
/// is dropped after an emoji it joins to no emoji, and after anything not drawn (a bidi
/// mark, a dropped control, the start): either way it joins nothing in layout, and once
/// reordered it could land between two emoji (see the module docs).
pub(crate) fn fates(text: &str) -> impl Iterator<Item = (usize, char, Fate)> + '_ {
    // The base of the drawn cluster right before (combining marks looked through), if any.
    let mut drawn_before: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (offset, c) = chars.next()?;
        let dangling = c == '\u{200D}'
            && drawn_before.is_none_or(|before| {
                is_emoji_part(before)
                    && !chars.peek().is_some_and(|&(_, next)| is_pictographic(next))
            });
        let f = if dangling { Fate::Drop } else { fate(c) };
        drawn_before = match f {
            Fate::Keep | Fate::Space if is_combining(c) => drawn_before,
            Fate::Keep | Fate::Space => Some(c),
            Fate::Drop | Fate::Mark => None,
        };
        Some((offset, c, f))
    })
}

/// Combining marks and variation selectors, which extend the cluster before them (the
/// common ones: Latin and Arabic marks, marks for symbols, variation selectors).
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}'
        | '\u{6D6}'..='\u{6DC}' | '\u{6DF}'..='\u{6E4}' | '\u{6E7}' | '\u{6E8}'
        | '\u{6EA}'..='\u{6ED}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whether a character can end an emoji: a pictograph, VS16 or a skin-tone modifier.
fn is_emoji_part(c: char) -> bool {
    is_pictographic(c) || c == '\u{FE0F}' || is_skin_tone(c)
}

/// The emoji skin-tone modifiers (Fitzpatrick types 1–2 to 6).
fn is_skin_tone(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// Extended_Pictographic, approximately: the blocks emoji come from (a ZWJ between two of
/// these is an emoji ZWJ sequence, UAX#29 GB11), without the regional indicators of flags
/// and the skin-tone modifiers, which are not pictographs.
fn is_pictographic(c: char) -> bool {
    let not = ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) || is_skin_tone(c);
    !not && matches!(c,
        '\u{A9}' | '\u{AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{21AA}' | '\u{2300}'..='\u{23FF}' | '\u{25AA}'..='\u{27BF}'
        | '\u{2934}' | '\u{2935}' | '\u{2B05}'..='\u{2B55}' | '\u{3030}' | '\u{303D}'
        | '\u{3297}' | '\u{3299}' | '\u{1F000}'..='\u{1FAFF}')
}

/// The text with controls dropped and whitespace controls turned into spaces (see the module
/// docs). Borrowed when nothing had to change. Use it for any untrusted text shown outside
/// `layout` too (e.g. logical-order display for terminals that do their own bidi).
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !needs_sanitizing(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        sanitized_chars(text, false)
            .filter_map(|(_, c)| c)
            .collect(),
    )
}

/// Each character of `text` with its byte offset and what sanitizing makes of it: itself, a
/// space (whitespace controls) or nothing (dropped; bidi marks too, unless `keep_marks`).
/// A character's fate can depend on its neighbours (a ZWJ after an emoji), so a part of a
/// text is judged within the whole.
pub fn sanitized_chars(
    text: &str,
    keep_marks: bool,
) -> impl Iterator<Item = (usize, Option<char>)> + '_ {
    fates(text).map(move |(offset, c, f)| {
        let kept = match f {
            Fate::Keep => Some(c),
            Fate::Space => Some(' '),
            Fate::Mark if keep_marks => Some(c),
            Fate::Drop | Fate::Mark => None,
        };
        (offset, kept)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_a_zwj_that_joins_an_emoji_to_no_emoji() {
        // Reordered, `😀` ZWJ could land before another emoji and draw as one glyph.
        assert_eq!(sanitize("😀\u{200d}ب😀"), "😀ب😀");
        assert_eq!(sanitize("👍\u{1F3FD}\u{200d}x"), "👍\u{1F3FD}x");
        assert_eq!(sanitize("😀\u{202a}\u{200d}ب"), "😀ب");
        assert_eq!(sanitize("😀\u{200e}\u{200d}😀"), "😀😀");
        assert_eq!(sanitize("\u{64b}\u{200f}\u{200d}😀"), "\u{64b}😀");
        assert_eq!(sanitize("😀\u{64b}\u{200d}\u{200e}😀"), "😀\u{64b}😀");
        // A flag's letters are no pictographs: the ZWJ before one joins nothing either.
        assert_eq!(
            sanitize("😀\u{200d}\u{1F1F8}\u{1F1E6}"),
            "😀\u{1F1F8}\u{1F1E6}"
        );
        // Sequences and joiners between letters stay.
        assert_eq!(sanitize("👨\u{200d}👩"), "👨\u{200d}👩");
        assert_eq!(sanitize("ب\u{200d}"), "ب\u{200d}");
    }

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
