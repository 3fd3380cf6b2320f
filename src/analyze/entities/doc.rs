//! Document-level context for the second (stacked) tagging pass.
//!
//! The first pass tags every sentence alone. For each token, the second pass also sees the
//! first pass's tags of the token and its neighbours, and what the first pass said about the
//! other occurrences of the same stem in nearby sentences (the whole article for `entities`,
//! a window of sentences for CoNLL input, which has no document boundaries). A surname
//! mentioned alone after a full name, or a place named again with a clitic, thus gets the
//! type its clearer occurrences got.

use std::collections::HashMap;

use super::tags::{NUM_TAGS, Tag, spans};

/// What the first pass said about other occurrences of a token's stem.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenContext {
    /// First-pass tag counts over the other occurrences.
    pub counts: [u16; NUM_TAGS],
    /// Number of other occurrences.
    pub others: u16,
    /// What the nearby sentences are about, as the first pass saw it: 0 when it found fewer
    /// than [`TOPIC_MIN`] names there, else 1 + the index of the kind it found most (a
    /// sports report names clubs, so a city there is likely a club).
    pub topic: u8,
}

/// Names the first pass must find nearby before their kinds say what the text is about.
pub const TOPIC_MIN: usize = 4;

/// Sentences on either side that count as the same document for CoNLL input.
pub const WINDOW: usize = 12;

/// Context of every token: other occurrences of its stem within `window` sentences on each
/// side (the token itself excluded).
pub fn contexts(
    stems: &[Vec<String>],
    first_pass: &[Vec<Tag>],
    window: usize,
) -> Vec<Vec<TokenContext>> {
    if window >= stems.len() {
        let table = count(stems, first_pass, 0..stems.len(), None);
        let t = topic(first_pass, 0..stems.len());
        return (0..stems.len())
            .map(|i| row(&stems[i], &first_pass[i], &table, t))
            .collect();
    }
    (0..stems.len())
        .map(|i| {
            let lo = i.saturating_sub(window);
            let hi = i.saturating_add(window).saturating_add(1).min(stems.len());
            let table = count(stems, first_pass, lo..hi, Some(&stems[i]));
            row(&stems[i], &first_pass[i], &table, topic(first_pass, lo..hi))
        })
        .collect()
}

/// [`TokenContext::topic`] of sentences `range`.
fn topic(first_pass: &[Vec<Tag>], range: std::ops::Range<usize>) -> u8 {
    let mut by_kind = [0usize; 4];
    for tags in &first_pass[range] {
        for (_, _, kind) in spans(tags) {
            by_kind[kind as usize] += 1;
        }
    }
    if by_kind.iter().sum::<usize>() < TOPIC_MIN {
        return 0;
    }
    let best = (0..4).max_by_key(|&k| (by_kind[k], 4 - k)).unwrap_or(0);
    1 + best as u8
}

/// First-pass tag counts per stem over sentences `range` (only stems in `only`, if given).
fn count<'a>(
    stems: &'a [Vec<String>],
    first_pass: &[Vec<Tag>],
    range: std::ops::Range<usize>,
    only: Option<&[String]>,
) -> HashMap<&'a str, TokenContext> {
    let mut table: HashMap<&str, TokenContext> = HashMap::new();
    for j in range {
        for (s, tag) in stems[j].iter().zip(&first_pass[j]) {
            if only.is_some_and(|o| !o.contains(s)) {
                continue;
            }
            let c = table.entry(s.as_str()).or_default();
            c.counts[tag.index()] = c.counts[tag.index()].saturating_add(1);
            c.others = c.others.saturating_add(1);
        }
    }
    table
}

/// Each token's context: the table's counts for its stem, minus the token itself.
fn row(
    stems: &[String],
    tags: &[Tag],
    table: &HashMap<&str, TokenContext>,
    topic: u8,
) -> Vec<TokenContext> {
    stems
        .iter()
        .zip(tags)
        .map(|(s, tag)| {
            let mut c = table.get(s.as_str()).copied().unwrap_or_default();
            c.topic = topic;
            c.counts[tag.index()] = c.counts[tag.index()].saturating_sub(1);
            c.others = c.others.saturating_sub(1);
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_other_occurrences_only() {
        let stems: Vec<Vec<String>> = vec![
            vec!["بوتين".into(), "قال".into()],
            vec!["بوتين".into()],
            vec!["بوتين".into()],
        ];
        let p = Tag(1);
        let tags = vec![vec![p, Tag::O], vec![Tag::O], vec![p]];
        for window in [1, 12] {
            let c = contexts(&stems, &tags, window);
            assert_eq!(c[1][0].others, 2);
            assert_eq!(c[1][0].counts[1], 2);
            assert_eq!(c[0][1].others, 0);
        }
        let near = contexts(&stems, &tags, 1);
        assert_eq!(near[0][0].others, 1);
        assert_eq!(near[0][0].counts[0], 1);
    }
}
