//! Search tokens: words of Arabic-normalized text with their byte spans in the original, and
//! the clitic-stripped forms that let `الصين` find `بالصين` and `والصين`.
//!
//! The full-text index stores exactly these tokens (space-separated, FTS5 `ascii` tokenizer),
//! and the highlighter re-tokenizes the original text the same way, so a hit in the index is
//! always a highlighted range in the reader.

use std::ops::Range;

use crate::text::fold_char;

/// One word: its span in the original text and its normalized spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub norm: String,
}

/// The words of `text`: maximal runs of letters and digits after folding, split where
/// Arabic letters meet other letters or digits (`الـ75` is `ال` and `75`). Characters that
/// folding drops (harakat, tatweel, invisible marks) stay inside the word they interrupt.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    let mut arabic = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match fold_char(c) {
            Some(f) if is_word_char(f) => match current.as_mut() {
                Some(t) if is_arabic_letter(f) == arabic => {
                    t.norm.push(f);
                    t.span.end = end;
                }
                _ => {
                    out.extend(current.take());
                    arabic = is_arabic_letter(f);
                    current = Some(Token {
                        span: i..end,
                        norm: f.to_string(),
                    })
                }
            },
            None => {
                if let Some(t) = current.as_mut() {
                    t.span.end = end;
                }
            }
            Some(_) => out.extend(current.take()),
        }
    }
    out.extend(current);
    out
}

/// Letters and digits, with a fast path for ASCII and the common Arabic letters (the
/// general Unicode lookup is the slowest part of indexing otherwise).
#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Letters of the Arabic script blocks (digits are folded to ASCII before this is asked).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Appends the normalized words of `text` to `words` and their clitic-stripped forms to
/// `alt`, each followed by a space: the two columns the index keeps for one field.
pub fn index_text(text: &str, words: &mut String, alt: &mut String) {
    for token in tokenize(text) {
        words.push_str(&token.norm);
        words.push(' ');
        for form in stripped_forms(&token.norm) {
            alt.push_str(&form);
            alt.push(' ');
        }
    }
}

/// Shortest stem a stripped form may have (in characters), so `من` never comes out of `ومن`.
const MIN_STEM_CHARS: usize = 3;

/// The forms of a normalized word without its proclitics: a conjunction (و ف), then a
/// preposition (ب ل, and ك before the article), then the article (ال, or the ل of `لل`).
/// `وبالصين` gives `بالصين`, `الصين`, `صين`; `للحكومه` gives `الحكومه`, `حكومه`.
/// The word itself is not included.
pub fn stripped_forms(word: &str) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    let mut push = |form: String| {
        if form != word && form.chars().count() >= MIN_STEM_CHARS && !forms.contains(&form) {
            forms.push(form);
        }
    };
    let after_conj = strip_one(word, &['و', 'ف']);
    for base in std::iter::once(word).chain(after_conj) {
        if base != word {
            push(base.to_owned());
        }
        if let Some(rest) = base.strip_prefix("لل") {
            // ل + ال: the article's alef is not written.
            push(format!("ال{rest}"));
            push(rest.to_owned());
            continue;
        }
        let after_prep = strip_one(base, &['ب', 'ل'])
            .or_else(|| base.strip_prefix('ك').filter(|rest| rest.starts_with("ال")));
        for stem in std::iter::once(base).chain(after_prep) {
            if stem != base {
                push(stem.to_owned());
            }
            if let Some(rest) = stem.strip_prefix("ال") {
                push(rest.to_owned());
            }
        }
    }
    forms
}

fn strip_one<'a>(word: &'a str, letters: &[char]) -> Option<&'a str> {
    let first = word.chars().next()?;
    letters.contains(&first).then(|| &word[first.len_utf8()..])
}

/// True when the token (or one of its stripped forms) is `term`, or starts with it when
/// `prefix` is set: the same test FTS5 applies to the indexed columns.
pub fn token_matches(norm: &str, term: &str, prefix: bool) -> bool {
    let hit = |form: &str| {
        if prefix {
            form.starts_with(term)
        } else {
            form == term
        }
    };
    hit(norm) || stripped_forms(norm).iter().any(|f| hit(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_original_spans() {
        let text = "قالَ الـرئيس: «٢٠٢٣»";
        let tokens = tokenize(text);
        let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["قال", "الرئيس", "2023"]);
        assert_eq!(&text[tokens[0].span.clone()], "قالَ");
        assert_eq!(&text[tokens[1].span.clone()], "الـرئيس");
        assert_eq!(&text[tokens[2].span.clone()], "٢٠٢٣");
        let norms: Vec<String> = tokenize("الـ75 كوفيد19 x")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(norms, ["ال", "75", "كوفيد", "19", "x"]);
    }

    #[test]
    fn clitics_are_stripped() {
        assert_eq!(stripped_forms("وبالصين"), ["بالصين", "الصين", "صين"]);
        assert_eq!(stripped_forms("للحكومه"), ["الحكومه", "حكومه"]);
        assert_eq!(stripped_forms("بتونس"), ["تونس"]);
        assert_eq!(stripped_forms("الصين"), ["صين"]);
        assert_eq!(stripped_forms("كالعاده"), ["العاده", "عاده"]);
        assert!(stripped_forms("كتاب").is_empty());
        assert!(stripped_forms("ومن").is_empty());
    }

    #[test]
    fn matching_uses_forms_and_prefixes() {
        assert!(token_matches("بتونس", "تونس", false));
        assert!(token_matches("التونسيه", "تونس", true));
        assert!(!token_matches("تونس", "تونسي", false));
    }
}
