//! Arabic-insensitive normalization for matching and search.
//!
//! Folds the spellings that readers treat as the same word: the hamza forms of alef
//! (أ إ آ ٱ → ا), alef maqsura and yeh (ى → ي), teh marbuta and heh (ة → ه), drops harakat,
//! the superscript alef and tatweel, maps Arabic-Indic and Persian digits to ASCII and
//! lower-cases Latin. The output is for comparison only; it is never displayed.

/// What one character becomes after folding: nothing (dropped) or one character.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    match c {
        // Harakat, shadda, sukun, superscript alef, small high marks, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => None,
        // Invisible format characters (ZWJ/ZWNJ, bidi marks, BOM) never matter for matching.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Some('ا'),
        'ى' | 'ی' => Some('ي'),
        'ة' => Some('ه'),
        'ک' => Some('ك'),
        '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + u32::from(b'0')),
        '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')),
        // Other Arabic letters stay; answered here so they skip the Unicode case tables.
        '\u{0600}'..='\u{06FF}' => Some(c),
        c if c.is_ascii_uppercase() => Some(c.to_ascii_lowercase()),
        c if c.is_uppercase() => c.to_lowercase().next(),
        c => Some(c),
    }
}

/// Normalizes `s` for Arabic-insensitive comparison.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`], appended to `out` (for keys built from several words without a string per
/// word).
pub fn normalize_into(s: &str, out: &mut String) {
    out.extend(s.chars().filter_map(fold_char));
}

/// [`normalize`] for names, which also folds the hamza seats yeh and waw (ئ → ي, ؤ → و):
/// the same name is spelt both ways (`قائد` / `قايد` in `الباجي قائد السبسي`, `رؤوف` /
/// `رووف`). Entities are grouped, indexed and searched by this form; the tagger, trained on
/// `normalize`, keeps those letters apart.
pub fn normalize_name(s: &str) -> String {
    s.chars()
        .filter_map(fold_char)
        .map(|c| match c {
            'ئ' => 'ي',
            'ؤ' => 'و',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_hamza_seats() {
        assert_eq!(
            normalize_name("الباجي قائد السبسي"),
            normalize_name("الباجي قايد السبسي")
        );
        assert_eq!(normalize_name("رؤوف"), "رووف");
        assert_eq!(normalize_name("مؤسسة"), normalize_name("موسسه"));
        // Plain normalization keeps them apart.
        assert_ne!(normalize("قائد"), normalize("قايد"));
    }

    #[test]
    fn folds_table() {
        let cases = [
            ("أحمد", "احمد"),
            ("إسلام", "اسلام"),
            ("آمال", "امال"),
            ("مستشفى", "مستشفي"),
            ("مدرسة", "مدرسه"),
            ("تَعَزَّزَتْ", "تعززت"),
            ("الـ75", "ال75"),
            ("٢٠٢٣", "2023"),
            ("۱۴۰۲", "1402"),
            ("Expo", "expo"),
            ("بو\u{200f}تين", "بوتين"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "normalize({input})");
        }
    }
}
