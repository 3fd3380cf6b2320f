//! Terminal cell widths, measured per grapheme cluster.
//!
//! Never measure visual-order Arabic with `str::width`: unicode-width treats a lam followed by
//! an alef as one cell (`"لا".width() == 1`), but terminals draw two, and after reversal every
//! "ال" becomes "لا". Measuring each grapheme cluster on its own sidesteps that rule, because
//! lam and alef are always separate clusters.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cells a terminal uses for one grapheme cluster. Control characters count 0 (they are never
/// drawn; `str::width` would count them 1).
pub fn grapheme_width(g: &str) -> usize {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (None, _) => 0,
        (Some(c), None) => char_width(c),
        _ if g.chars().any(char::is_control) => g.chars().map(char_width).sum(),
        // Multi-char clusters (emoji ZWJ sequences, VS16, flags, base + marks): unicode-width's
        // string rules give what terminals and ratatui use for them.
        _ => g.width(),
    }
}

/// Cells of a string: the sum of its grapheme clusters' widths.
pub fn text_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// Width of a single char drawn on its own; controls count 0.
pub(crate) fn char_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        // Arabic block: the marks are zero width, everything else one cell.
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => 0,
        '\u{0620}'..='\u{064A}' | '\u{0660}'..='\u{066F}' | '\u{0671}'..='\u{06D5}' => 1,
        '\u{FB50}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => 1,
        _ => c.width().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lam_alef_is_two_cells_not_one() {
        assert_eq!(
            UnicodeWidthStr::width("لا"),
            1,
            "the pitfall this module avoids"
        );
        assert_eq!(text_width("لا"), 2);
        assert_eq!(text_width("العلاقة"), 7);
    }

    #[test]
    fn marks_are_zero_and_stay_on_their_base() {
        assert_eq!(grapheme_width("ي\u{64b}"), 1);
        assert_eq!(text_width("حيويًا"), 5);
    }

    #[test]
    fn shortcuts_agree_with_unicode_width() {
        let ranges = [
            0x20..0x7F,
            0x0610..0x061B,
            0x0620..0x06D6,
            0xFB50..0xFE00,
            0xFE70..0xFEFD,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(char_width(c), c.width().unwrap_or(0), "{:04X}", c as u32);
        }
    }

    #[test]
    fn controls_count_zero() {
        assert_eq!(grapheme_width("\u{1b}"), 0);
        assert_eq!(text_width("a\u{7}b\u{9b}"), 2);
        assert_eq!(grapheme_width("\r\n"), 0);
    }

    #[test]
    fn emoji_sequences_are_two_cells() {
        assert_eq!(grapheme_width("😀"), 2);
        assert_eq!(grapheme_width("❤\u{fe0f}"), 2);
        assert_eq!(grapheme_width("👨\u{200d}👩\u{200d}👧"), 2);
        assert_eq!(grapheme_width("🇸🇦"), 2);
        assert_eq!(text_width(""), 0);
    }
}
