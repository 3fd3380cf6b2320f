//! Tokenizer: words (folded for lookup), numbers (as written), punctuation and line breaks, each
//! with byte offsets into the original text.

use crate::text::digits::{RawNumber, is_bidi_mark, is_digit, lex_number};
use crate::text::fold_char;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// A word; its folded form is `norm` (byte range into [`Tokens::norms`]).
    Word {
        norm_start: u32,
        norm_end: u32,
    },
    /// A number; index into [`Tokens::numbers`].
    Num(u32),
    Punct(char),
    Newline,
}

/// One token and where it is in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub tok: Tok,
}

/// The tokens of a text plus the side tables they point into.
#[derive(Debug, Default)]
pub struct Tokens {
    pub list: Vec<Token>,
    pub numbers: Vec<RawNumber>,
    norms: String,
}

impl Tokens {
    /// The folded form of token `i` ("" for non-words).
    pub fn norm(&self, i: usize) -> &str {
        match self.list.get(i).map(|t| t.tok) {
            Some(Tok::Word {
                norm_start,
                norm_end,
            }) => self
                .norms
                .get(norm_start as usize..norm_end as usize)
                .unwrap_or(""),
            _ => "",
        }
    }

    /// The number of token `i`, if it is one.
    pub fn number(&self, i: usize) -> Option<&RawNumber> {
        match self.list.get(i).map(|t| t.tok) {
            Some(Tok::Num(n)) => self.numbers.get(n as usize),
            _ => None,
        }
    }

    /// Replaces the number of token `i` (used when a doubtful separator is undone).
    pub fn set_number(&mut self, i: usize, raw: RawNumber) {
        if let Some(Tok::Num(n)) = self.list.get(i).map(|t| t.tok) {
            if let Some(slot) = self.numbers.get_mut(n as usize) {
                *slot = raw;
            }
            if let Some(t) = self.list.get_mut(i) {
                t.end = raw.end;
            }
        }
    }

    /// True when token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.list.get(i).map(|t| t.tok), Some(Tok::Punct(p)) if p == c)
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.list.get(i).map(|t| t.tok), Some(Tok::Word { .. }))
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Byte gap between the end of token `a` and the start of token `b` (0 when glued).
    pub fn gap(&self, a: usize, b: usize) -> usize {
        match (self.list.get(a), self.list.get(b)) {
            (Some(x), Some(y)) => y.start.saturating_sub(x.end),
            _ => usize::MAX,
        }
    }
}

/// Characters that belong inside a word: letters, Arabic marks and tatweel.
/// Arabic and ASCII are decided by range (the generic Unicode lookup is slow).
#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{0620}'..='\u{065F}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06ED}' => true,
        '\u{06EE}' | '\u{06EF}' | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        c => c.is_alphabetic() && !is_digit(c),
    }
}

/// [`fold_char`] with a fast path for Arabic and ASCII.
#[inline]
fn fold(c: char) -> Option<char> {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' | 'ی' => Some('ي'),
        'ة' => Some('ه'),
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => None,
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\0'..='\u{7F}' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Some(c),
        c => fold_char(c),
    }
}

/// Characters skipped between tokens.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || is_bidi_mark(c) || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens {
        list: Vec::with_capacity(text.len() / 5),
        numbers: Vec::new(),
        norms: String::with_capacity(text.len()),
    };
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let next = i + c.len_utf8();
        if c == '\n' {
            out.list.push(Token {
                start: i,
                end: next,
                tok: Tok::Newline,
            });
            i = next;
        } else if is_space(c) {
            i = next;
        } else if is_digit(c) {
            i = push_number(&mut out, text, i, next);
        } else if is_word_char(c) {
            i = push_word(&mut out, text, i);
        } else {
            out.list.push(Token {
                start: i,
                end: next,
                tok: Tok::Punct(c),
            });
            i = next;
        }
    }
    out
}

fn push_number(out: &mut Tokens, text: &str, i: usize, next: usize) -> usize {
    match lex_number(text, i) {
        Some(raw) => {
            let end = raw.end.max(next);
            out.list.push(Token {
                start: i,
                end,
                tok: Tok::Num(out.numbers.len() as u32),
            });
            out.numbers.push(raw);
            end
        }
        None => next,
    }
}

fn push_word(out: &mut Tokens, text: &str, start: usize) -> usize {
    let norm_start = out.norms.len() as u32;
    let mut i = start;
    let mut end = start;
    while let Some(c) = text[i..].chars().next() {
        if is_word_char(c) {
            if let Some(f) = fold(c) {
                out.norms.push(f);
            }
            i += c.len_utf8();
            end = i;
        } else if (is_bidi_mark(c) || c == '\u{200C}')
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
        {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    out.list.push(Token {
        start,
        end,
        tok: Tok::Word {
            norm_start,
            norm_end: out.norms.len() as u32,
        },
    });
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_clitics_digits_and_words() {
        let t = tokenize("بـ20 مليار، الـ75\nو٣مليون");
        let kinds: Vec<&str> = (0..t.len())
            .map(|i| match t.list[i].tok {
                Tok::Word { .. } => t.norm(i),
                Tok::Num(_) => "#",
                Tok::Punct(_) => "p",
                Tok::Newline => "nl",
            })
            .collect();
        assert_eq!(
            kinds,
            ["ب", "#", "مليار", "p", "ال", "#", "nl", "و", "#", "مليون"]
        );
    }
}
