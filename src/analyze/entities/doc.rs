//! Document-level context for the second (stacked) tagging pass.
//!
//! The first pass tags every sentence alone. For each token, the second pass also sees the
//! first pass's tags of the token and its neighbours, and what the first pass said about the
//! other occurrences of the same stem in nearby sentences (the whole article for `entities`,
//! a window of sentences for CoNLL input, which has no document boundaries). A surname
//! mentioned alone after a full name, or a place named again with a clitic, thus gets the
//! type its clearer occurrences got.

use std::collections::HashMap;

use super::tags::{NUM_TAGS, Tag};

/// What the first pass said about other occurrences of a token's stem.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenContext {
    /// First-pass tag counts over the other occurrences.
    pub counts: [u16; NUM_TAGS],
    /// Number of other occurrences.
    pub others: u16,
}

/// Sentences on either side that count as the same document for CoNLL input.
pub const WINDOW: usize = 12;

/// Context of every token: other occurrences of its stem within `window` sentences on each
/// side (the token itself excluded).
pub fn contexts(
    stems: &[Vec<String>],
    first_pass: &[Vec<Tag>],
    window: usize,
) -> Vec<Vec<TokenContext>> {
    let mut out = Vec::with_capacity(stems.len());
    for i in 0..stems.len() {
        let lo = i.saturating_sub(window);
        let hi = i.saturating_add(window).saturating_add(1).min(stems.len());
        let mut table: HashMap<&str, TokenContext> = stems[i]
            .iter()
            .map(|s| (s.as_str(), TokenContext::default()))
            .collect();
        for j in lo..hi {
            for (s, tag) in stems[j].iter().zip(&first_pass[j]) {
                if let Some(c) = table.get_mut(s.as_str()) {
                    c.counts[tag.index()] = c.counts[tag.index()].saturating_add(1);
                    c.others = c.others.saturating_add(1);
                }
            }
        }
        let row = stems[i]
            .iter()
            .zip(&first_pass[i])
            .map(|(s, tag)| {
                let mut c = table.get(s.as_str()).copied().unwrap_or_default();
                c.counts[tag.index()] = c.counts[tag.index()].saturating_sub(1);
                c.others = c.others.saturating_sub(1);
                c
            })
            .collect();
        out.push(row);
    }
    out
}
