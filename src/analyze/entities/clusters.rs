//! Learning the [`Lexicon`] from unlabeled news (training time only): word counts, then
//! word clusters by spherical k-means over skip-gram word vectors (see [`super::embed`]). The
//! finest clusters are grouped again by k-means into coarser ones, which gives a small
//! hierarchy as Brown clusters would. Everything is single-threaded and seeded, so the result
//! is the same bytes for the same inputs.

use std::collections::HashMap;
use std::io;
use std::path::Path;

pub use super::embed::EmbedConfig;
use super::embed::{dot, skip_gram};
use super::gazetteer::{Gazetteer, WordClass};
use super::lexicon::{
    CLUSTERINGS, CUES, LEVELS, Lexicon, NO_CLUSTER, OTHER_ARTICLE_CUE, SUFFIX_CUE, WordInfo,
};
use super::rng::{SplitMix64, derive_seed};
use super::train::join;
use crate::text::{normalize, tokenize};

/// Settings for [`build_lexicon`].
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    /// Words seen fewer times are not kept at all.
    pub min_count: u32,
    /// How many of the most frequent words get clusters.
    pub clustered_words: usize,
    /// The word vectors clustered.
    pub embed: EmbedConfig,
    /// Cluster counts, coarse to fine.
    pub ks: [usize; LEVELS],
    pub iterations: usize,
    pub seed: u64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            min_count: 2,
            clustered_words: 40_000,
            embed: EmbedConfig::default(),
            ks: [64, 256, 1024],
            iterations: 10,
            seed: 42,
        }
    }
}

/// Reads every `*.txt` file under `dir` (sorted by name) as one document per file.
pub fn read_corpus(dir: &Path) -> io::Result<Vec<String>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(std::fs::read_to_string).collect()
}

/// Normalized token ids of each line of each document, and the vocabulary by descending count.
struct Corpus {
    lines: Vec<Vec<u32>>,
    words: Vec<String>,
    counts: Vec<u32>,
}

fn index_corpus(docs: &[String]) -> Corpus {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut lines = Vec::new();
    for doc in docs {
        for line in doc.lines() {
            let mut ids_line = Vec::new();
            for tok in tokenize(line) {
                let norm = normalize(tok.text);
                let id = *ids.entry(norm).or_insert_with_key(|k| {
                    words.push(k.clone());
                    counts.push(0);
                    (words.len() - 1) as u32
                });
                counts[id as usize] += 1;
                ids_line.push(id);
            }
            lines.push(ids_line);
        }
    }
    // Renumber by descending count, ties by word, so ids do not depend on first occurrence.
    let mut order: Vec<u32> = (0..words.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then_with(|| words[a as usize].cmp(&words[b as usize]))
    });
    let mut rank = vec![0u32; order.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    for line in &mut lines {
        for id in line.iter_mut() {
            *id = rank[*id as usize];
        }
    }
    let words_sorted = order.iter().map(|&i| words[i as usize].clone()).collect();
    let counts_sorted = order.iter().map(|&i| counts[i as usize]).collect();
    Corpus {
        lines,
        words: words_sorted,
        counts: counts_sorted,
    }
}

/// L2-normalized skip-gram vectors of the `clustered_words` most frequent words.
fn word_vectors(corpus: &Corpus, cfg: &ClusterConfig, rng: &mut SplitMix64) -> (usize, Vec<f32>) {
    let vocab = corpus
        .counts
        .iter()
        .take_while(|&&n| n >= cfg.min_count)
        .count();
    let v = cfg.clustered_words.min(vocab);
    let mut vectors = skip_gram(&corpus.lines, &corpus.counts, vocab, &cfg.embed, rng);
    vectors.truncate(v * cfg.embed.dims);
    for row in vectors.chunks_mut(cfg.embed.dims) {
        normalize_row(row);
    }
    (v, vectors)
}

fn normalize_row(row: &mut [f32]) {
    let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        row.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Spherical k-means; returns the assignment of each row and the centroids.
fn kmeans(
    rows: &[f32],
    dims: usize,
    k: usize,
    iterations: usize,
    rng: &mut SplitMix64,
) -> (Vec<u16>, Vec<f32>) {
    let n = rows.len() / dims;
    let k = k.min(n).max(1);
    let mut picks: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut picks);
    let mut centroids: Vec<f32> = picks[..k]
        .iter()
        .flat_map(|&i| rows[i * dims..(i + 1) * dims].to_vec())
        .collect();
    let mut assign = vec![0u16; n];
    for _ in 0..iterations {
        for (i, a) in assign.iter_mut().enumerate() {
            *a = nearest(&rows[i * dims..(i + 1) * dims], &centroids, dims);
        }
        let mut sums = vec![0f32; k * dims];
        for (i, &a) in assign.iter().enumerate() {
            let dst = &mut sums[usize::from(a) * dims..(usize::from(a) + 1) * dims];
            dst.iter_mut()
                .zip(&rows[i * dims..(i + 1) * dims])
                .for_each(|(s, x)| *s += x);
        }
        for (j, sum) in sums.chunks_mut(dims).enumerate() {
            if sum.iter().any(|&x| x != 0.0) {
                normalize_row(sum);
                centroids[j * dims..(j + 1) * dims].copy_from_slice(sum);
            }
        }
    }
    (assign, centroids)
}

fn nearest(row: &[f32], centroids: &[f32], dims: usize) -> u16 {
    let mut best = 0;
    let mut best_sim = f32::NEG_INFINITY;
    for (j, c) in centroids.chunks(dims).enumerate() {
        let s = dot(row, c);
        if s > best_sim {
            best_sim = s;
            best = j;
        }
    }
    best as u16
}

/// Cluster ids per clustered word, coarse to fine.
fn hierarchy(vectors: &[f32], cfg: &ClusterConfig, rng: &mut SplitMix64) -> Vec<[u16; LEVELS]> {
    let dims = cfg.embed.dims;
    let (fine, mut centroids) = kmeans(vectors, dims, cfg.ks[LEVELS - 1], cfg.iterations, rng);
    let mut levels: Vec<Vec<u16>> = vec![fine];
    for level in (0..LEVELS - 1).rev() {
        let (assign, next) = kmeans(&centroids, dims, cfg.ks[level], cfg.iterations * 2, rng);
        let Some(finer) = levels.last() else { break };
        levels.push(finer.iter().map(|&f| assign[usize::from(f)]).collect());
        centroids = next;
    }
    levels.reverse();
    (0..levels[0].len())
        .map(|i| std::array::from_fn(|l| levels[l][i]))
        .collect()
}

/// Per word, how often the previous word is a cue (in [`CUES`] order: a title or given
/// name, an organisation head, a place head; see the built-in gazetteer's word classes, a
/// proclitic و or ف on the cue allowed). Such contexts hint at a name without capitals.
fn cue_hits(corpus: &Corpus, gazetteer: &Gazetteer) -> Vec<[u32; CUES]> {
    let class_bits = |w: &str| {
        let bits = gazetteer.word_classes(w);
        let rest = w.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() > 2);
        bits | rest.map_or(0, |r| gazetteer.word_classes(r))
    };
    let masks = [
        1u8 << WordClass::Title as u8 | 1 << WordClass::Given as u8,
        1 << WordClass::OrgTrigger as u8,
        1 << WordClass::LocTrigger as u8,
    ];
    let cue: Vec<u8> = corpus
        .words
        .iter()
        .map(|w| {
            let bits = class_bits(w);
            masks.iter().enumerate().fold(
                0u8,
                |acc, (k, m)| if bits & m != 0 { acc | 1 << k } else { acc },
            )
        })
        .collect();
    let mut hits = vec![[0u32; CUES]; corpus.words.len()];
    for line in &corpus.lines {
        for pair in line.windows(2) {
            let c = cue[pair[0] as usize];
            if c == 0 {
                continue;
            }
            for (k, h) in hits[pair[1] as usize].iter_mut().enumerate() {
                if c & (1 << k) != 0 {
                    *h += 1;
                }
            }
        }
    }
    hits
}

/// The word-form cues ([`OTHER_ARTICLE_CUE`] and [`SUFFIX_CUE`] of [`CUES`]): counts of the
/// word's other article form and of the word with a possessive suffix.
fn form_cues(corpus: &Corpus, hits: &mut [[u32; CUES]]) {
    let count: HashMap<&str, u32> = corpus
        .words
        .iter()
        .map(String::as_str)
        .zip(corpus.counts.iter().copied())
        .collect();
    let get = |w: &str| count.get(w).copied().unwrap_or(0);
    for (w, h) in corpus.words.iter().zip(hits.iter_mut()) {
        let other = match w.strip_prefix("ال") {
            Some(bare) if bare.chars().count() > 1 => get(bare),
            _ => get(&format!("ال{w}")),
        };
        h[OTHER_ARTICLE_CUE] = other;
        h[SUFFIX_CUE] = ["ه", "ها", "هم"]
            .iter()
            .map(|s| get(&format!("{w}{s}")))
            .sum();
    }
}

/// Bucket of a cue share: 0 never, then 1–5 by thresholds on `hits / count`.
pub fn cue_bucket(hits: u32, count: u32) -> u8 {
    if hits == 0 || count == 0 {
        return 0;
    }
    let r = f64::from(hits) / f64::from(count);
    1 + [0.01, 0.03, 0.1, 0.3].iter().filter(|&&t| r >= t).count() as u8
}

/// Cluster ids per clustered word (most frequent first) from word vectors trained with `seed`.
fn clustering(corpus: &Corpus, cfg: &ClusterConfig, seed: u64) -> Vec<[u16; LEVELS]> {
    let mut rng = SplitMix64::new(seed);
    let (v, vectors) = word_vectors(corpus, cfg, &mut rng);
    if v > 0 {
        hierarchy(&vectors, cfg, &mut rng)
    } else {
        Vec::new()
    }
}

/// Builds the lexicon from unlabeled documents, its [`CLUSTERINGS`] clusterings in parallel.
pub fn build_lexicon(docs: &[String], cfg: &ClusterConfig) -> Lexicon {
    let corpus = index_corpus(docs);
    let clusterings: Vec<Vec<[u16; LEVELS]>> = std::thread::scope(|s| {
        let corpus = &corpus;
        let handles: Vec<_> = (0..CLUSTERINGS as u64)
            .map(|m| s.spawn(move || clustering(corpus, cfg, derive_seed(cfg.seed, m))))
            .collect();
        handles.into_iter().map(join).collect()
    });
    let mut hits = cue_hits(&corpus, &Gazetteer::builtin());
    form_cues(&corpus, &mut hits);
    let words = corpus
        .words
        .iter()
        .zip(&corpus.counts)
        .enumerate()
        .take_while(|(_, (_, n))| **n >= cfg.min_count)
        .map(|(i, (w, &count))| {
            let clusters = std::array::from_fn(|m| {
                clusterings[m]
                    .get(i)
                    .copied()
                    .unwrap_or([NO_CLUSTER; LEVELS])
            });
            let cues = std::array::from_fn(|k| cue_bucket(hits[i][k], count));
            (
                w.clone(),
                WordInfo {
                    count,
                    clusters,
                    cues,
                    morph: 0,
                },
            )
        })
        .collect();
    Lexicon::new(words)
}
