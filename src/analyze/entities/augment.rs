//! Mention replacement for training: a copy of every training sentence with each name
//! replaced by another name of the same kind. A tagger trained on both learns more from the
//! words around a name and less from the name itself, which is what finds names it never saw
//! (measured over three seeds: dev F1 +0.2 to +0.7, mean +0.5; 10-fold CV +0.8).
//!
//! Replacements come from the names of the sentences of the same fold (see
//! `train::fold_range`), so a fold model that must not see a fold's sentences does not see
//! its names either. Within a fold the replacement of a name is always the same, so a name
//! repeated in nearby sentences stays repeated, as the document-aware second pass expects.

use std::collections::HashMap;

use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::rng::SplitMix64;
use super::tags::{EntityKind, spans};
use super::train::{Sentence, fold_range};
use crate::text::normalize;

/// The copy of `sentences` with names replaced (index-aligned; a sentence without names is
/// copied unchanged).
pub fn augment(
    sentences: &[Sentence],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    folds: usize,
    seed: u64,
) -> Vec<Sentence> {
    let split = |word: &str| {
        let norm = normalize(word);
        let clitics = lexicon.split(&norm, |w| gazetteer.knows_word(w));
        (clitics.prefix.to_string(), clitics.stem)
    };
    let mut rng = SplitMix64::new(seed ^ 0x5eed_a06e);
    let n = sentences.len();
    let mut out = Vec::with_capacity(n);
    for k in 0..folds.max(1) {
        let fold = &sentences[fold_range(k, n, folds.max(1))];
        let pools = name_pools(fold, &split);
        let mut chosen: HashMap<(EntityKind, Vec<String>), usize> = HashMap::new();
        for s in fold {
            out.push(replace_names(s, &pools, &mut chosen, &mut rng, &split));
        }
    }
    out
}

/// The names of each kind in `sentences`, proclitics cut off, each once, in order of
/// appearance.
fn name_pools(
    sentences: &[Sentence],
    split: &impl Fn(&str) -> (String, String),
) -> [Vec<Vec<String>>; 4] {
    let mut pools: [Vec<Vec<String>>; 4] = Default::default();
    for s in sentences {
        for (start, end, kind) in spans(&s.tags) {
            let name = bare_name(&s.tokens[start..end], split);
            let pool = &mut pools[kind as usize];
            if !pool.contains(&name) {
                pool.push(name);
            }
        }
    }
    pools
}

/// A name's words without the proclitic of its first word.
fn bare_name(words: &[String], split: &impl Fn(&str) -> (String, String)) -> Vec<String> {
    let mut name = words.to_vec();
    let (prefix, stem) = split(&words[0]);
    if !prefix.is_empty() {
        name[0] = stem;
    }
    name
}

fn replace_names(
    s: &Sentence,
    pools: &[Vec<Vec<String>>; 4],
    chosen: &mut HashMap<(EntityKind, Vec<String>), usize>,
    rng: &mut SplitMix64,
    split: &impl Fn(&str) -> (String, String),
) -> Sentence {
    let mut copy = Sentence {
        tokens: Vec::with_capacity(s.tokens.len()),
        tags: Vec::with_capacity(s.tags.len()),
    };
    let mut pos = 0;
    for (start, end, kind) in spans(&s.tags) {
        copy.tokens.extend_from_slice(&s.tokens[pos..start]);
        copy.tags.extend_from_slice(&s.tags[pos..start]);
        pos = end;
        let pool = &pools[kind as usize];
        let key = (kind, bare_name(&s.tokens[start..end], split));
        let pick = *chosen
            .entry(key)
            .or_insert_with(|| rng.below(pool.len().max(1)));
        let Some(name) = pool.get(pick) else {
            copy.tokens.extend_from_slice(&s.tokens[start..end]);
            copy.tags.extend_from_slice(&s.tags[start..end]);
            continue;
        };
        let (prefix, _) = split(&s.tokens[start]);
        for (j, word) in name.iter().enumerate() {
            copy.tokens.push(if j == 0 {
                attach(&prefix, word)
            } else {
                word.clone()
            });
            copy.tags
                .push(if j == 0 { kind.begin() } else { kind.inside() });
        }
    }
    copy.tokens.extend_from_slice(&s.tokens[pos..]);
    copy.tags.extend_from_slice(&s.tags[pos..]);
    copy
}

/// `prefix` + `word`, with ل fused to the article as Arabic writes it (ل + الصين = للصين).
fn attach(prefix: &str, word: &str) -> String {
    match (prefix.strip_suffix('ل'), word.strip_prefix("ال")) {
        (Some(before), Some(rest)) => format!("{before}لل{rest}"),
        _ => format!("{prefix}{word}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::tags::Tag;

    fn sentence(pairs: &[(&str, &str)]) -> Sentence {
        Sentence {
            tokens: pairs.iter().map(|p| p.0.to_string()).collect(),
            tags: pairs
                .iter()
                .map(|p| Tag::from_name(p.1).unwrap_or(Tag::O))
                .collect(),
        }
    }

    #[test]
    fn attach_fuses_lam_with_the_article() {
        assert_eq!(attach("ل", "الصين"), "للصين");
        assert_eq!(attach("ول", "الصين"), "وللصين");
        assert_eq!(attach("ب", "الصين"), "بالصين");
        assert_eq!(attach("و", "موسكو"), "وموسكو");
        assert_eq!(attach("", "موسكو"), "موسكو");
    }

    #[test]
    fn names_are_replaced_by_names_of_the_same_kind_consistently() {
        let sentences = vec![
            sentence(&[
                ("زار", "O"),
                ("فلاديمير", "B-PERS"),
                ("بوتين", "I-PERS"),
                ("بكين", "B-LOC"),
            ]),
            sentence(&[
                ("وقال", "O"),
                ("شي", "B-PERS"),
                ("إن", "O"),
                ("وموسكو", "B-LOC"),
            ]),
            sentence(&[
                ("ووصل", "O"),
                ("فلاديمير", "B-PERS"),
                ("بوتين", "I-PERS"),
                ("أمس", "O"),
            ]),
            sentence(&[("لا", "O"), ("أسماء", "O")]),
        ];
        let lexicon = Lexicon::default();
        let copies = augment(&sentences, &lexicon, &Gazetteer::builtin(), 1, 7);
        assert_eq!(copies.len(), sentences.len());
        assert_eq!(copies[3], sentences[3]);
        let persons = [vec!["فلاديمير", "بوتين"], vec!["شي"]];
        let places = ["بكين", "موسكو"];
        for (copy, original) in copies.iter().zip(&sentences) {
            let got = spans(&copy.tags);
            let want = spans(&original.tags);
            assert_eq!(got.len(), want.len());
            for ((s, e, kind), (_, _, k)) in got.iter().zip(&want) {
                assert_eq!(kind, k);
                let words: Vec<&str> = copy.tokens[*s..*e].iter().map(String::as_str).collect();
                match kind {
                    EntityKind::Person => assert!(persons.contains(&words)),
                    _ => assert!(places.iter().any(|p| words[0].ends_with(p))),
                }
            }
        }
        // The same name gets the same replacement, and the proclitic stays with it.
        let first_person = |s: &Sentence| {
            let (start, end, _) = spans(&s.tags)[0];
            s.tokens[start..end].to_vec()
        };
        assert_eq!(first_person(&copies[0]), first_person(&copies[2]));
        let last = copies[1].tokens.last().map(String::as_str).unwrap_or("");
        assert!(last.starts_with('و'), "{last}");
    }
}
