//! Paragraph base direction.
//!
//! `Direction::Auto` (documented on [`super::Direction`]): UAX#9 P2/P3 first-strong detection,
//! overridden by the higher-level rule HL1 for Arabic articles: in an article whose letters are
//! mostly Arabic, any paragraph containing an Arabic letter is RTL, even when it starts with a
//! Latin word ("Expo 2024 في …" would otherwise be laid out LTR and read backwards). A
//! paragraph without any strong character takes the article default.

use unicode_bidi::{BidiClass, bidi_class};

/// A letter of a right-to-left script written with the Arabic bidi class (Arabic, also
/// Syriac and Thaana). Marks, digits and punctuation are not letters.
pub(crate) fn is_arabic_letter(c: char) -> bool {
    match c {
        '\u{0000}'..='\u{05FF}' => false,
        // The Arabic block without the table search: letters (tatweel, a modifier letter,
        // included) versus marks, digits and punctuation.
        '\u{0620}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06E5}'..='\u{06E6}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic() && bidi_class(c) == BidiClass::AL,
    }
}

/// A strong letter of any script (counted by [`article_is_rtl`]).
fn is_strong_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // Arabic letters were counted by the caller; the rest of the block is marks,
        // digits and punctuation.
        return false;
    }
    c.is_alphabetic() && matches!(bidi_class(c), BidiClass::L | BidiClass::R | BidiClass::AL)
}

/// True when most letters (strictly more than half) of the article are Arabic letters.
/// Harakat, digits and punctuation do not count. Use it as [`super::LayoutOptions::article_rtl`].
pub fn article_is_rtl(paragraphs: &[&str]) -> bool {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in paragraphs.iter().flat_map(|p| p.chars()) {
        if is_arabic_letter(c) {
            arabic += 1;
            letters += 1;
        } else if is_strong_letter(c) {
            letters += 1;
        }
    }
    arabic * 2 > letters
}

/// The first strong direction of `text` (P2; explicit controls are sanitized away before).
/// `Some(true)` for R/AL, `Some(false)` for L, `None` when there is no strong character.
fn first_strong_is_rtl(text: &str) -> Option<bool> {
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    })
}

/// The Auto rule: HL1 for Arabic articles, else first strong, else the article default.
pub(crate) fn auto_is_rtl(text: &str, article_rtl: bool) -> bool {
    if article_rtl && text.chars().any(is_arabic_letter) {
        return true;
    }
    first_strong_is_rtl(text).unwrap_or(article_rtl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_first_paragraph_of_an_arabic_article_is_rtl() {
        assert!(auto_is_rtl("Expo 2024 في هاربين", true));
        // outside an Arabic article, first strong decides
        assert!(!auto_is_rtl("Expo 2024 في هاربين", false));
    }

    #[test]
    fn english_paragraph_is_ltr_even_in_an_arabic_article() {
        assert!(!auto_is_rtl("The ministry said (in 2023) that…", true));
    }

    #[test]
    fn no_strong_character_takes_the_article_default() {
        assert!(auto_is_rtl("2023 - 2024", true));
        assert!(!auto_is_rtl("2023 - 2024", false));
        assert!(!auto_is_rtl("", false));
    }

    #[test]
    fn arabic_block_shortcut_agrees_with_the_unicode_properties() {
        for c in ('\u{0600}'..='\u{06FF}').filter(|c| !c.is_control()) {
            let slow = c.is_alphabetic() && bidi_class(c) == BidiClass::AL;
            assert_eq!(is_arabic_letter(c), slow, "{:04X}", c as u32);
        }
    }

    #[test]
    fn article_rtl_counts_letters_only() {
        assert!(article_is_rtl(&["بوتين في Harbin", "١٢٣ 456"]));
        assert!(!article_is_rtl(&["Putin in Harbin في"]));
        assert!(!article_is_rtl(&[]));
        // harakat are not letters
        assert!(!article_is_rtl(&["بَ abc"]));
    }
}
