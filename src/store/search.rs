//! Full-text search of a folder: FTS5 over normalized words finds and ranks (bm25, title
//! boosted); the original text is then re-tokenized to give hit positions and a snippet in
//! the article's own spelling.

use std::ops::Range;
use std::path::Path;

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use super::index::{ENTRY_SELECT, ListEntry, entry_from_row};
use super::query::Query;
use super::tokens::{token_matches, tokenize};
use super::{Store, StoreError};

/// One article found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub entry: ListEntry,
    /// bm25 score, lower is better (0 when the query has only qualifiers).
    pub rank: f64,
    /// About ten words of the original text around the first hit in the body.
    pub snippet: String,
    /// Byte ranges of the hits inside `snippet`.
    pub snippet_hits: Vec<Range<usize>>,
    /// Byte ranges of every hit in the article's logical text (`Article::text()`: title,
    /// then paragraphs, joined with `\n`).
    pub hits: Vec<Range<usize>>,
}

/// The best hits, best first; `more` when further articles matched beyond the limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub more: bool,
}

/// Column weights for bm25: title, body, title (clitics stripped), body (clitics stripped).
const BM25: &str = "bm25(fts, 10.0, 1.0, 8.0, 0.8)";

/// Words of the snippet before and after the word holding the first hit.
const SNIPPET_BEFORE: usize = 4;
const SNIPPET_AFTER: usize = 5;

impl Store {
    /// Searches the indexed articles of `folder` (index it first), best `limit` hits first.
    /// A query with only qualifiers lists the matching articles newest first; an empty one
    /// finds nothing.
    pub fn search(
        &self,
        folder: &Path,
        query: &Query,
        limit: usize,
    ) -> Result<SearchResults, StoreError> {
        let nothing = SearchResults {
            hits: Vec::new(),
            more: false,
        };
        if query.is_empty() {
            return Ok(nothing);
        }
        let Some(folder_id) = self.known_folder_id(folder)? else {
            return Ok(nothing);
        };
        let mut ranked = self.ranked_ids(folder_id, query, limit + 1)?;
        let more = ranked.len() > limit;
        ranked.truncate(limit);
        let terms = query.highlight_terms();
        let mut hits = Vec::with_capacity(ranked.len());
        for (id, rank) in ranked {
            if let Some(hit) = self.hit(id, rank, &terms)? {
                hits.push(hit);
            }
        }
        Ok(SearchResults { hits, more })
    }

    /// Hit positions of `query` in an article's logical text, for the reader to highlight.
    pub fn hits_in(&self, id: i64, query: &Query) -> Result<Vec<Range<usize>>, StoreError> {
        Ok(self
            .article(id)?
            .map(|a| find_hits(&a.text(), &query.highlight_terms()))
            .unwrap_or_default())
    }

    fn ranked_ids(
        &self,
        folder_id: i64,
        query: &Query,
        limit: usize,
    ) -> Result<Vec<(i64, f64)>, StoreError> {
        let mut values: Vec<Value> = vec![Value::Integer(folder_id)];
        let filters = filters(query, &mut values);
        let sql = match query.fts_expression() {
            Some(expr) => {
                values.push(Value::Text(expr));
                // The unary `+` keeps SQLite from driving the join with an articles index
                // (a full scan calling MATCH per row): FTS5 finds, articles filter.
                format!(
                    "SELECT a.id, {BM25} AS rank FROM fts JOIN articles a ON a.id = fts.rowid
                     WHERE fts MATCH ?{} AND +a.folder_id = ?1{filters}
                     ORDER BY rank LIMIT {limit}",
                    values.len()
                )
            }
            None => format!(
                "SELECT a.id, 0.0 FROM articles a WHERE a.folder_id = ?1{filters}
                 ORDER BY a.date_key DESC, a.title LIMIT {limit}"
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn hit(
        &self,
        id: i64,
        rank: f64,
        terms: &[(String, bool)],
    ) -> Result<Option<SearchHit>, StoreError> {
        let Some(article) = self.article(id)? else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ENTRY_SELECT} WHERE a.id = ?1"))?;
        let entry = stmt.query_row([id], entry_from_row)?;
        let text = article.text();
        let hits = find_hits(&text, terms);
        let (snippet, snippet_hits) = snippet(&text, &hits, article.title.len());
        Ok(Some(SearchHit {
            entry,
            rank,
            snippet,
            snippet_hits,
            hits,
        }))
    }
}

/// SQL conditions for the qualifiers, appending their values (placeholders are numbered
/// after those already in `values`).
fn filters(query: &Query, values: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    let param = |values: &mut Vec<Value>, v: Value| {
        values.push(v);
        format!("?{}", values.len())
    };
    if let Some((from, to)) = query.years {
        if let Some(y) = from {
            let p = param(values, Value::Integer(i64::from(y)));
            sql.push_str(&format!(" AND +a.year >= {p}"));
        }
        if let Some(y) = to {
            let p = param(values, Value::Integer(i64::from(y)));
            sql.push_str(&format!(" AND +a.year <= {p}"));
        }
    }
    if let Some(source) = &query.source {
        let p = param(values, Value::Text(source.clone()));
        sql.push_str(&format!(" AND instr(a.source_norm, {p}) > 0"));
    }
    for entity in &query.entities {
        let p = param(values, Value::Text(entity.clone()));
        // A name of several words also matches as the tail of a longer one (`@"بن سعادة"`
        // finds `شوي بن سعادة`), looked up by its last word so the index still serves.
        let tail = match entity.rsplit_once(' ') {
            Some((_, last)) => {
                let l = param(values, Value::Text(last.to_string()));
                format!(" OR (last_word = {l} AND substr(norm, -length({p}) - 1) = ' ' || {p})")
            }
            None => String::new(),
        };
        sql.push_str(&format!(
            " AND a.content_hash IN (SELECT content_hash FROM entities
                 WHERE norm = {p} OR last_word = {p}{tail})"
        ));
    }
    sql
}

/// Byte ranges of the words of `text` that match one of `terms` (normalized, with a prefix
/// flag), as the index matched them: Arabic-insensitively and through proclitics.
pub fn find_hits(text: &str, terms: &[(String, bool)]) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    tokenize(text)
        .into_iter()
        .filter(|t| {
            terms.iter().any(|(term, prefix)| {
                could_match(&t.norm, term) && token_matches(&t.norm, term, *prefix)
            })
        })
        .map(|t| t.span)
        .collect()
}

/// Cheap pre-test: every form of a token is a suffix of it, or `ال` + a suffix.
fn could_match(norm: &str, term: &str) -> bool {
    norm.contains(term)
        || term
            .strip_prefix("ال")
            .is_some_and(|rest| norm.contains(rest))
}

/// About ten words around the first hit in the body (or the first hit, or the start of the
/// body), with `…` where the paragraph goes on; and the hits inside it.
pub fn snippet(text: &str, hits: &[Range<usize>], title_len: usize) -> (String, Vec<Range<usize>>) {
    let body_start = (title_len + 1).min(text.len());
    let anchor = hits
        .iter()
        .find(|h| h.start >= body_start)
        .or(hits.first())
        .map(|h| h.start)
        .unwrap_or(if body_start < text.len() {
            body_start
        } else {
            0
        });
    let para_start = text[..anchor].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[anchor..].find('\n').map_or(text.len(), |i| anchor + i);
    let words = word_spans(&text[para_start..para_end], para_start);
    if words.is_empty() {
        return (String::new(), Vec::new());
    }
    let at = words
        .iter()
        .position(|w| w.end > anchor)
        .unwrap_or(words.len() - 1);
    let lo = at.saturating_sub(SNIPPET_BEFORE);
    let hi = (at + SNIPPET_AFTER + 1).min(words.len());
    let (start, end) = (words[lo].start, words[hi - 1].end);
    let mut out = String::new();
    if lo > 0 {
        out.push_str("… ");
    }
    let shift = out.len();
    out.push_str(&text[start..end]);
    if hi < words.len() {
        out.push_str(" …");
    }
    let inside = hits
        .iter()
        .filter(|h| h.start >= start && h.end <= end)
        .map(|h| h.start - start + shift..h.end - start + shift)
        .collect();
    (out, inside)
}

/// Whitespace-separated words of `s` as byte ranges offset by `base`.
fn word_spans(s: &str, base: usize) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                spans.push(base + st..base + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        spans.push(base + st..base + s.len());
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_ten_words_around_first_body_hit() {
        let title = "عنوان تونس";
        let body = "واحد اثنان ثلاثة أربعة خمسة ستة بتونس سبعة ثمانية تسعة عشرة أحد عشر اثنا عشر";
        let text = format!("{title}\n{body}");
        let hits = find_hits(&text, &[("تونس".into(), false)]);
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[1].clone()], "بتونس");
        let (s, in_s) = snippet(&text, &hits, title.len());
        assert_eq!(s, "… ثلاثة أربعة خمسة ستة بتونس سبعة ثمانية تسعة عشرة أحد …");
        assert_eq!(&s[in_s[0].clone()], "بتونس");
    }
}
