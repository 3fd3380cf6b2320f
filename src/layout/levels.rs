//! Embedding levels for the common case without calling unicode-bidi.
//!
//! unicode-bidi allocates several per-byte vectors per paragraph and looks every char's class
//! up in a table; most news paragraphs are Arabic with some digits and punctuation and no LTR
//! letters. For an RTL paragraph with no L, no BN and no explicit controls (sanitizing removed
//! them), UAX#9 reduces to: W1–W6 decide which characters are numbers, every number ends at
//! level 2 and everything else at level 1 (N0–N2 can only resolve neutrals to R, because EN
//! and AN count as R and there is no L). Anything else returns `None` and goes to unicode-bidi.
//! A property test checks these levels against unicode-bidi's.

use unicode_bidi::{BidiClass, bidi_class};

/// The bidi class of `c`, without the table search for ASCII and the Arabic letters.
pub(crate) fn class_of(c: char) -> BidiClass {
    use BidiClass::*;
    match c {
        'a'..='z' | 'A'..='Z' => L,
        '0'..='9' => EN,
        ' ' => WS,
        '+' | '-' => ES,
        '#'..='%' => ET,
        ',' | '.' | '/' | ':' => CS,
        '!'..='~' => ON,
        '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{FE70}'..='\u{FEFC}' => AL,
        '\u{064B}'..='\u{065F}' => NSM,
        _ => bidi_class(c),
    }
}

/// Levels (1 or 2) of the clusters of an RTL paragraph, given the class of each cluster's
/// first char, into `levels`; `false` (and `levels` unspecified) when the fast rules do not
/// apply. `classes` is scratch space and is overwritten.
pub(crate) fn rtl_without_ltr(classes: &mut [BidiClass], levels: &mut Vec<u8>) -> bool {
    use BidiClass::*;
    if classes
        .iter()
        .any(|c| !matches!(c, R | AL | NSM | WS | ON | CS | ES | ET | EN | AN))
    {
        return false;
    }
    let n = classes.len();
    // W1: marks take the class of what they follow (sos is R in an RTL paragraph).
    // W2: EN after AL becomes AN. W3: AL becomes R.
    let mut previous = R;
    let mut last_strong_is_al = false;
    for class in classes.iter_mut() {
        if *class == NSM {
            *class = previous;
        }
        previous = *class;
        match *class {
            AL => {
                last_strong_is_al = true;
                *class = R;
            }
            R => last_strong_is_al = false,
            EN if last_strong_is_al => *class = AN,
            _ => {}
        }
    }
    // W4: one separator between two numbers of the same kind joins them.
    for i in 1..n.saturating_sub(1) {
        let (before, after) = (classes[i - 1], classes[i + 1]);
        classes[i] = match (classes[i], before, after) {
            (ES, EN, EN) | (CS, EN, EN) => EN,
            (CS, AN, AN) => AN,
            (class, _, _) => class,
        };
    }
    // W5: terminators next to a European number belong to it.
    let mut i = 0;
    while i < n {
        if classes[i] != ET {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && classes[i] == ET {
            i += 1;
        }
        let touches_en = (start > 0 && classes[start - 1] == EN) || (i < n && classes[i] == EN);
        if touches_en {
            classes[start..i].fill(EN);
        }
    }
    // W6 leaves the other separators and terminators neutral; N0–N2 make every neutral R;
    // I1: numbers at odd level 1 go up to 2.
    levels.clear();
    levels.extend(
        classes
            .iter()
            .map(|c| if matches!(c, EN | AN) { 2 } else { 1 }),
    );
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_bidi::{Level, ParagraphBidiInfo};

    fn fast(text: &str) -> Option<Vec<u8>> {
        let mut classes: Vec<BidiClass> = text.chars().map(class_of).collect();
        let mut levels = Vec::new();
        rtl_without_ltr(&mut classes, &mut levels).then_some(levels)
    }

    fn reference(text: &str) -> Vec<u8> {
        let info = ParagraphBidiInfo::new(text, Some(Level::rtl()));
        text.char_indices()
            .map(|(i, _)| info.levels[i].number())
            .collect()
    }

    #[test]
    fn numbers_go_up_a_level() {
        assert_eq!(
            fast("في 24 فبراير"),
            Some(vec![1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1])
        );
        assert_eq!(fast("abc"), None);
    }

    #[test]
    fn a_mark_after_an_arabic_letter_keeps_the_arabic_context() {
        // W1 before W2/W3: the mark is AL, so the digit after it is AN and "%" stays neutral.
        assert_eq!(fast("ب\u{300}0%ب"), Some(vec![1, 1, 2, 1, 1]));
        assert_eq!(fast("ب\u{300}0%ب"), Some(reference("ب\u{300}0%ب")));
    }

    const PIECES: &[&str] = &[
        "ب", "ع", "א", "\u{64E}", "0", "7", "٣", "۴", "%", "٪", "#", "$", "+", "-", ".", ",", ":",
        "/", "،", "٫", "٬", "(", ")", "[", "]", "«", "»", " ", "!", "\u{a0}", "°", "€", "😀",
        "\u{300}",
    ];

    proptest! {
        #[test]
        fn agree_with_unicode_bidi(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
            let text = pieces.concat();
            if let Some(levels) = fast(&text) {
                prop_assert_eq!(levels, reference(&text), "{:?}", text);
            }
        }
    }
}
