//! Search queries: words, "quoted phrases" and qualifiers.
//!
//! - words match Arabic-insensitively (see `text::normalize`) and through proclitics
//!   (`الصين` finds `بالصين`); the last word (of two letters or more) also matches as a
//!   prefix unless the query ends with a space; `word*` is a prefix anywhere;
//! - `"two words"` is a phrase;
//! - `source:NAME` (or `source:"Two Words"`) keeps articles whose source contains NAME;
//! - `date:2023`, `date:2022..2024`, `date:2022..`, `date:..2020` keep articles by year;
//! - `@name` (or `@"two words"`) keeps articles in which the entity extractor found `name`
//!   (the whole name, its last word, or the tail of a longer name).

use super::cache::entity_norm;
use super::tokens::tokenize;
use crate::text::normalize;

/// The last word matches as a prefix from this many characters on.
const MIN_AUTO_PREFIX_CHARS: usize = 2;

/// Proclitics that begin a large share of all Arabic words: never a prefix on their own.
const BARE_PROCLITICS: &[&str] = &["ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل"];

/// One searchable part of the query, normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word { norm: String, prefix: bool },
    Phrase(Vec<String>),
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Normalized text the source must contain.
    pub source: Option<String>,
    /// Inclusive year range; `None` ends are open.
    pub years: Option<(Option<i32>, Option<i32>)>,
    /// Normalized entity names; every one must be linked to the article.
    pub entities: Vec<String>,
}

impl Query {
    /// True when the query has no words or phrases (only qualifiers, or nothing).
    pub fn has_text(&self) -> bool {
        !self.terms.is_empty()
    }

    /// True when the query asks for nothing at all (no words, no qualifiers).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.source.is_none()
            && self.years.is_none()
            && self.entities.is_empty()
    }

    /// The words to highlight: every word and every word of every phrase, with its prefix flag.
    pub fn highlight_terms(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for term in &self.terms {
            match term {
                Term::Word { norm, prefix } => out.push((norm.clone(), *prefix)),
                Term::Phrase(words) => out.extend(words.iter().map(|w| (w.clone(), false))),
            }
        }
        out
    }

    /// The FTS5 MATCH expression, or `None` when there is nothing to match.
    pub fn fts_expression(&self) -> Option<String> {
        let parts: Vec<String> = self.terms.iter().map(fts_term).collect();
        (!parts.is_empty()).then(|| parts.join(" AND "))
    }
}

fn fts_term(term: &Term) -> String {
    match term {
        Term::Word { norm, prefix } => {
            format!("{}{}", quote(norm), if *prefix { "*" } else { "" })
        }
        // Phrases only in the word columns: the clitic columns have no word order.
        Term::Phrase(words) => format!("{{title body}} : {}", quote(&words.join(" "))),
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A query that cannot be understood; the message says how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

/// Parses a query typed by the user.
pub fn parse_query(input: &str) -> Result<Query, QueryError> {
    let mut query = Query::default();
    let chunks = split_chunks(input)?;
    let mut last_bare_word: Option<usize> = None;
    for chunk in chunks {
        match chunk {
            Chunk::Bare(word) => {
                if let Some(rest) = word.strip_prefix("source:") {
                    query.source = Some(nonempty(normalize(rest), "source:")?);
                } else if let Some(rest) = word.strip_prefix("date:") {
                    query.years = Some(parse_years(rest)?);
                } else if let Some(rest) = word.strip_prefix('@') {
                    query.entities.push(nonempty(entity_norm(rest), "@")?);
                } else {
                    let explicit_prefix = word.ends_with('*');
                    for token in tokenize(&word) {
                        query.terms.push(Term::Word {
                            norm: token.norm,
                            prefix: explicit_prefix,
                        });
                    }
                    last_bare_word = Some(query.terms.len());
                }
            }
            Chunk::Quoted(text) => {
                let words: Vec<String> = tokenize(&text).into_iter().map(|t| t.norm).collect();
                match words.len() {
                    0 => {}
                    1 => query.terms.extend(words.into_iter().map(|norm| Term::Word {
                        norm,
                        prefix: false,
                    })),
                    _ => query.terms.push(Term::Phrase(words)),
                }
                last_bare_word = None;
            }
        }
    }
    let typing_last_word = !input.ends_with(char::is_whitespace);
    if typing_last_word
        && last_bare_word == Some(query.terms.len())
        && let Some(Term::Word { norm, prefix }) = query.terms.last_mut()
    {
        // One letter, or an article with nothing after it yet, would match most of the
        // index (and take a hundred milliseconds): wait for the next letter.
        *prefix |= norm.chars().count() >= MIN_AUTO_PREFIX_CHARS
            && !BARE_PROCLITICS.contains(&norm.as_str());
    }
    let words = query.entities.len()
        + query
            .terms
            .iter()
            .map(|t| match t {
                Term::Word { .. } => 1,
                Term::Phrase(words) => words.len(),
            })
            .sum::<usize>();
    if words > MAX_QUERY_WORDS {
        return Err(QueryError(format!(
            "query too long: at most {MAX_QUERY_WORDS} words"
        )));
    }
    Ok(query)
}

/// More words than this make a query an error: FTS5's time grows with the square of the
/// number of terms (800 words took 2 s to 9 s; a pasted 5,000-word text, minutes).
pub const MAX_QUERY_WORDS: usize = 64;

fn nonempty(value: String, what: &str) -> Result<String, QueryError> {
    if value.trim().is_empty() {
        Err(QueryError(format!("{what} needs a name after it")))
    } else {
        Ok(value.trim().to_owned())
    }
}

/// A piece of the query: a bare word (possibly a qualifier whose value was quoted, with the
/// quotes removed) or a quoted phrase.
enum Chunk {
    Bare(String),
    Quoted(String),
}

fn split_chunks(input: &str) -> Result<Vec<Chunk>, QueryError> {
    let mut chunks = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '"' {
            chars.next();
            chunks.push(Chunk::Quoted(read_until_quote(&mut chars)?));
            continue;
        }
        let mut word = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if c == '"' {
                // source:"Two Words" or @"two words": the quoted part belongs to the word.
                word.push_str(&read_until_quote(&mut chars)?);
            } else {
                word.push(c);
            }
        }
        chunks.push(Chunk::Bare(word));
    }
    Ok(chunks)
}

fn read_until_quote(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
) -> Result<String, QueryError> {
    let mut text = String::new();
    for c in chars.by_ref() {
        if c == '"' {
            return Ok(text);
        }
        text.push(c);
    }
    Err(QueryError("a quote \" is not closed".into()))
}

fn parse_years(spec: &str) -> Result<(Option<i32>, Option<i32>), QueryError> {
    let spec = normalize(spec);
    let bad = || {
        QueryError(format!(
            "date:{spec} is not understood; write a year (date:2023) or a range of years \
             (date:2022..2024, date:2022.., date:..2020)"
        ))
    };
    let year = |s: &str| -> Result<Option<i32>, QueryError> {
        if s.is_empty() {
            return Ok(None);
        }
        let ok = (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        if !ok {
            return Err(bad());
        }
        s.parse().map(Some).map_err(|_| bad())
    };
    let (from, to) = match spec.split_once("..") {
        Some((a, b)) => (year(a)?, year(b)?),
        None => {
            let y = year(&spec)?;
            (y, y)
        }
    };
    match (from, to) {
        (None, None) => Err(bad()),
        (Some(a), Some(b)) if a > b => Ok((Some(b), Some(a))),
        range => Ok(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(norm: &str, prefix: bool) -> Term {
        Term::Word {
            norm: norm.into(),
            prefix,
        }
    }

    #[test]
    fn words_are_normalized_and_last_is_prefix() {
        let q = parse_query("أحمد مدرسة").unwrap();
        assert_eq!(q.terms, [word("احمد", false), word("مدرسه", true)]);
        let q = parse_query("أحمد مدرسة ").unwrap();
        assert_eq!(q.terms, [word("احمد", false), word("مدرسه", false)]);
        assert_eq!(q.fts_expression().unwrap(), "\"احمد\" AND \"مدرسه\"");
    }
}
