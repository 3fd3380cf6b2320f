//! Word statistics learned from unlabeled news: frequency and word clusters at three
//! granularities. Keys are normalized words (see `text::normalize`), clitics attached, as the
//! tokenizer cuts them.

use rustc_hash::FxHashMap;

use super::morph::Morphology;
use crate::text::tokenize::{Clitics, proclitic_splits};

/// Cluster id meaning "no cluster" (word too rare to be clustered).
pub const NO_CLUSTER: u16 = u16::MAX;

/// Number of cluster granularities (coarse to fine).
pub const LEVELS: usize = 3;

/// Number of independent clusterings, each from differently seeded word vectors. The
/// tagger is an average of one model per clustering (see `train`): which clusters one seed
/// draws moved a single model's dev score by up to ±1.1, and the average does not depend on
/// one draw.
pub const CLUSTERINGS: usize = 4;

/// A word's cluster ids in each clustering, coarse to fine.
pub type Clusters = [[u16; LEVELS]; CLUSTERINGS];

/// The cluster ids of a word too rare to be clustered.
pub const UNCLUSTERED: Clusters = [[NO_CLUSTER; LEVELS]; CLUSTERINGS];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    pub count: u32,
    pub clusters: Clusters,
    /// How often the word follows a cue word in the unlabeled news, per [`CUES`] kind, as a
    /// small bucket (0: never; see `clusters::cue_bucket`).
    pub cues: [u8; CUES],
    /// What a morphological analyser says the word can be (bits of `morph`; 0: not analysed).
    pub morph: u8,
}

/// Cue kinds: after a title or given name, after an organisation head, after a place head;
/// then word-form cues: how often the word's other form with respect to the article (`X` for
/// `الX`, `الX` for `X`) occurs, and how often it takes a possessive suffix (ـه ـها ـهم), both
/// relative to the word's count. Names seldom change their article or take suffixes.
pub const CUES: usize = 5;

/// The cue of the word's other form with respect to the article.
pub const OTHER_ARTICLE_CUE: usize = 3;

/// The cue of the word with a possessive suffix.
pub const SUFFIX_CUE: usize = 4;

/// The lexicon's table. Keys are the lexicon's own words, so a fast non-keyed hash is safe:
/// lookups of hostile text cannot lengthen probe chains that the fixed keys do not.
pub type Words = FxHashMap<String, WordInfo>;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    words: Words,
}

impl Lexicon {
    pub fn new(words: Words) -> Self {
        Lexicon { words }
    }

    /// Sets every word's morphological classes from `table` (0 for words it lacks).
    pub fn attach_morphology(&mut self, table: &Morphology) {
        for (word, info) in &mut self.words {
            info.morph = table.get(word).copied().unwrap_or(0);
        }
    }

    pub fn get(&self, normalized: &str) -> Option<&WordInfo> {
        self.words.get(normalized)
    }

    pub fn count(&self, normalized: &str) -> u32 {
        self.get(normalized).map_or(0, |w| w.count)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Entries sorted by word (a deterministic order for serialization).
    pub fn sorted(&self) -> Vec<(&str, WordInfo)> {
        let mut v: Vec<(&str, WordInfo)> =
            self.words.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// Chooses how to split proclitics off a normalized word: among the orthographically
    /// possible splits, the one whose stem is most frequent in the unlabeled news (`known`
    /// adds evidence, e.g. gazetteer membership). The unsplit word wins ties, so `بكين` stays
    /// whole while `وبوتين` becomes `بوتين`. With no evidence at all, a split leaving the
    /// article (`بالهاربين` → `الهاربين`) is taken, else none.
    pub fn split<'w>(&self, word: &'w str, known: impl Fn(&str) -> bool) -> Clitics<'w> {
        let mut splits = proclitic_splits(word);
        // ل fused with the article (للصين) is a split whatever the counts say.
        if let Some(i) = splits.iter().position(|c| c.surface_start < c.prefix.len()) {
            return splits.swap_remove(i);
        }
        let score = |c: &Clitics<'_>| {
            let bonus = if known(&c.stem) { 50 } else { 0 };
            u64::from(self.count(&c.stem)) + bonus
        };
        let mut best = splits.len() - 1;
        let mut best_score = score(&splits[best]);
        for (i, c) in splits.iter().enumerate().rev().skip(1) {
            let s = score(c);
            if s > best_score {
                best = i;
                best_score = s;
            }
        }
        if best_score == 0
            && let Some(i) = splits
                .iter()
                .position(|c| !c.prefix.is_empty() && c.stem.starts_with("ال"))
        {
            best = i;
        }
        splits.swap_remove(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(entries: &[(&str, u32)]) -> Lexicon {
        let words = entries
            .iter()
            .map(|&(w, c)| {
                (
                    w.to_string(),
                    WordInfo {
                        count: c,
                        clusters: UNCLUSTERED,
                        cues: [0; CUES],
                        morph: 0,
                    },
                )
            })
            .collect();
        Lexicon::new(words)
    }

    #[test]
    fn split_uses_frequencies() {
        let l = lex(&[
            ("بكين", 300),
            ("كين", 4),
            ("وبكين", 20),
            ("بوتين", 500),
            ("وبوتين", 9),
            ("الصين", 900),
        ]);
        let none = |_: &str| false;
        assert_eq!(l.split("وبكين", none).stem, "بكين");
        assert_eq!(l.split("بكين", none).stem, "بكين");
        assert_eq!(l.split("وبوتين", none).stem, "بوتين");
        assert_eq!(l.split("للصين", none).stem, "الصين");
        assert_eq!(l.split("بالهاربين", none).stem, "الهاربين");
        assert_eq!(l.split("واشنطن", none).stem, "واشنطن");
        assert_eq!(l.split("لموسكو", |w| w == "موسكو").stem, "موسكو");
    }
}
