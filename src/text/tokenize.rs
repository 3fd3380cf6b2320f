//! Word tokenizer that keeps byte offsets, and Arabic proclitic splitting.
//!
//! Tokenization follows ANERcorp's conventions: words are split on whitespace and every
//! punctuation or symbol character becomes a token of its own (Latin and Arabic punctuation
//! alike: `، ؛ ؟ « » “ ” ( ) / -` …). Clitics stay attached to words, as in the corpus. A run
//! of digits is a token of its own (`الـ75` → `الـ` `75`); separators between digits stay
//! inside the number (`3.5`, `1,000`, `٢٫٥`). Invisible format characters (ZWNJ, bidi marks)
//! inside a word stay part of it.

use std::ops::Range;

/// One token: its text and its byte range in the string it was cut from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Letter,
    Digit,
    /// Zero-width format characters: part of a word only when inside one.
    Format,
    Punct,
}

fn class(c: char) -> Class {
    match c {
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Class::Format,
        // Harakat, superscript alef, Quranic marks and tatweel belong to the word.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => {
            Class::Letter
        }
        // Fast paths for the common letters (the general Unicode tables below are slow).
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => {
            Class::Letter
        }
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        ' ' => Class::Space,
        c if c.is_whitespace() => Class::Space,
        c if c.is_numeric() => Class::Digit,
        c if c.is_alphabetic() => Class::Letter,
        _ => Class::Punct,
    }
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Splits `text` into tokens with byte offsets (see the module documentation).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let end_index = match class(c) {
            Class::Space | Class::Format => {
                i += 1;
                continue;
            }
            Class::Punct => i + 1,
            Class::Digit => scan_number(&chars, i),
            Class::Letter => scan_word(&chars, i),
        };
        let end = chars.get(end_index).map_or(text.len(), |&(b, _)| b);
        tokens.push(Token {
            text: &text[start..end],
            range: start..end,
        });
        i = end_index;
    }
    tokens
}

/// Index one past the last character of the digit run starting at `i`.
fn scan_number(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let next_is_digit = chars
            .get(i + 1)
            .is_some_and(|&(_, n)| class(n) == Class::Digit);
        if class(c) == Class::Digit || (is_number_separator(c) && next_is_digit && i > 0) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Index one past the last character of the word starting at `i` (letters, and format
/// characters that sit between letters).
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        match class(chars[i].1) {
            Class::Letter => i += 1,
            Class::Format => {
                let mut j = i;
                while j < chars.len() && class(chars[j].1) == Class::Format {
                    j += 1;
                }
                if j < chars.len() && class(chars[j].1) == Class::Letter {
                    i = j;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    i
}

/// A word with its proclitics split off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clitics<'a> {
    /// The conjunction and/or preposition in front (`و`, `ف`, `ب`, `ل`, `ك`, `وب`, `فل` …),
    /// empty when none. The definite article is never part of it.
    pub prefix: &'a str,
    /// The word without `prefix`, with `ال` restored when the preposition `ل` had fused with
    /// the article (`للصين` → `الصين`).
    pub stem: String,
    /// Byte length of the part of the word that `stem` covers on the surface: the word minus
    /// `prefix`, except for the fused `لل` where the whole word is kept (its first `ل`
    /// cannot be separated on screen from the article).
    pub surface_start: usize,
}

const MIN_STEM_CHARS: usize = 2;

/// All ways to split proclitics off `word`, longest prefix first, ending with the word itself
/// (no split). Only splits that leave at least two letters (after the article, if any) are
/// offered. Pure orthography: whether a split is right depends on the word (`بكين` is not
/// `ب` + `كين`); see [`split_proclitics`] for the greedy choice.
pub fn proclitic_splits(word: &str) -> Vec<Clitics<'_>> {
    let mut out = Vec::new();
    let mut cuts: Vec<usize> = Vec::new();
    let conj = ['و', 'ف'];
    let prep = ['ب', 'ل', 'ك'];
    let mut first = word.chars();
    let c1 = first.next();
    let c2 = first.next();
    if let Some(c) = c1.filter(|c| conj.contains(c)) {
        cuts.push(c.len_utf8());
        if let Some(p) = c2.filter(|p| prep.contains(p)) {
            cuts.push(c.len_utf8() + p.len_utf8());
        }
    } else if let Some(p) = c1.filter(|p| prep.contains(p)) {
        cuts.push(p.len_utf8());
    }
    for &cut in cuts.iter().rev() {
        if let Some(split) = split_at(word, cut) {
            out.push(split);
        }
    }
    out.push(Clitics {
        prefix: "",
        stem: word.to_string(),
        surface_start: 0,
    });
    out
}

/// The split of `word` at byte `cut`, if the rest is a plausible stem.
fn split_at(word: &str, cut: usize) -> Option<Clitics<'_>> {
    let (prefix, rest) = word.split_at(cut);
    if prefix.ends_with('ل') && rest.starts_with('ل') && rest.chars().count() > MIN_STEM_CHARS {
        // ل + ال fuse into لل: للصين → ل + الصين.
        let stem = format!("ا{rest}");
        let surface_start = cut - 'ل'.len_utf8();
        return Some(Clitics {
            prefix,
            stem,
            surface_start,
        });
    }
    let letters = rest.strip_prefix("ال").unwrap_or(rest).chars().count();
    (letters >= MIN_STEM_CHARS).then(|| Clitics {
        prefix,
        stem: rest.to_string(),
        surface_start: cut,
    })
}

/// The longest orthographically possible proclitic split of `word` (greedy; wrong for words
/// that merely start with one of the letters, such as `بكين`). Use a lexicon to choose among
/// [`proclitic_splits`] when it matters.
pub fn split_proclitics(word: &str) -> Clitics<'_> {
    let mut splits = proclitic_splits(word);
    splits.swap_remove(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokenize_table() {
        let cases: &[(&str, &[&str])] = &[
            ("وأشار بوتين، خلال", &["وأشار", "بوتين", "،", "خلال"]),
            (
                "“استقرار” و”سلام”",
                &["“", "استقرار", "”", "و", "”", "سلام", "”"],
            ),
            ("فبراير/شباط 2022.", &["فبراير", "/", "شباط", "2022", "."]),
            ("الـ75 لإقامة", &["الـ", "75", "لإقامة"]),
            ("220 مليار؟", &["220", "مليار", "؟"]),
            ("نمو 3.5% و1,000", &["نمو", "3.5", "%", "و", "1,000"]),
            (
                "«الشراكة»؛ (د ب أ)",
                &["«", "الشراكة", "»", "؛", "(", "د", "ب", "أ", ")"],
            ),
            ("٢٠٢٣ ٢٫٥", &["٢٠٢٣", "٢٫٥"]),
            ("بو\u{200f}تين \u{200f}", &["بو\u{200f}تين"]),
            ("Expo 2023!", &["Expo", "2023", "!"]),
            ("تُعتبر لقاءً", &["تُعتبر", "لقاءً"]),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(texts(input), *want, "tokenize({input})");
        }
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "زار بوتين، مدينة هاربين.\nثم عاد";
        for t in tokenize(text) {
            assert_eq!(&text[t.range.clone()], t.text);
        }
    }

    #[test]
    fn clitic_table() {
        let cases = [
            ("وموسكو", "و", "موسكو"),
            ("لموسكو", "ل", "موسكو"),
            ("بالصين", "ب", "الصين"),
            ("للصين", "ل", "الصين"),
            ("وللصين", "ول", "الصين"),
            ("وبكين", "وب", "كين"),
            ("فالرئيس", "ف", "الرئيس"),
            ("كالعادة", "ك", "العادة"),
            ("موسكو", "", "موسكو"),
            ("وزير", "و", "زير"),
            ("بل", "", "بل"),
            ("وال", "", "وال"),
        ];
        for (word, prefix, stem) in cases {
            let c = split_proclitics(word);
            assert_eq!((c.prefix, c.stem.as_str()), (prefix, stem), "split({word})");
        }
    }

    #[test]
    fn splits_list_every_option() {
        let all: Vec<String> = proclitic_splits("وبكين")
            .into_iter()
            .map(|c| c.stem)
            .collect();
        assert_eq!(all, ["كين", "بكين", "وبكين"]);
        let fused = split_proclitics("للصين");
        assert_eq!(fused.surface_start, 0);
        let plain = split_proclitics("وموسكو");
        assert_eq!(plain.surface_start, "و".len());
    }
}
