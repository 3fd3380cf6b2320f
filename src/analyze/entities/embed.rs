//! Word vectors from unlabeled text by skip-gram with negative sampling (word2vec; Mikolov et
//! al., 2013), training time only. Single-threaded and seeded, so the same corpus and seed
//! give the same vectors bit for bit. The clusters of [`super::clusters`] are k-means over
//! these vectors.

use super::rng::SplitMix64;

/// Settings for [`skip_gram`].
#[derive(Debug, Clone)]
pub struct EmbedConfig {
    pub dims: usize,
    /// Largest distance of a context word; each centre word draws its own window in
    /// `1..=window`, so nearer words count more. A narrow window gives syntactic, "what can
    /// stand here" similarity, which is what a tagger wants.
    pub window: usize,
    pub negatives: usize,
    pub epochs: usize,
    /// Frequent words are dropped with a probability growing with their frequency above this
    /// share of the corpus.
    pub sample: f64,
    pub learning_rate: f32,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            dims: 96,
            window: 2,
            negatives: 5,
            epochs: 5,
            sample: 1e-4,
            learning_rate: 0.025,
        }
    }
}

/// Entries of the table negatives are drawn from (unigram counts to the power 0.75).
const NEGATIVE_TABLE: usize = 1 << 24;

/// `vocab × dims` input vectors for the words `0..vocab`; `lines` hold word ids, and ids at
/// or above `vocab` (rare words) are skipped.
pub fn skip_gram(
    lines: &[Vec<u32>],
    counts: &[u32],
    vocab: usize,
    cfg: &EmbedConfig,
    rng: &mut SplitMix64,
) -> Vec<f32> {
    let dims = cfg.dims;
    if vocab == 0 || dims == 0 {
        return Vec::new();
    }
    let counts = &counts[..vocab];
    let keep = keep_probabilities(counts, cfg.sample);
    let table = negative_table(counts);
    let mut input: Vec<f32> = (0..vocab * dims)
        .map(|_| (uniform(rng) - 0.5) / dims as f32)
        .collect();
    let mut output = vec![0f32; vocab * dims];
    let total: u64 = lines.iter().map(|l| l.len() as u64).sum();
    let planned = (total * cfg.epochs as u64).max(1) as f32;
    let mut seen = 0u64;
    let mut sentence: Vec<usize> = Vec::new();
    let mut grad = vec![0f32; dims];
    for _ in 0..cfg.epochs {
        for line in lines {
            seen += line.len() as u64;
            let progress = seen as f32 / planned;
            let step = Step {
                lr: cfg.learning_rate * (1.0 - progress).max(1e-4),
                negatives: cfg.negatives,
                table: &table,
            };
            sentence.clear();
            sentence.extend(
                line.iter()
                    .map(|&w| w as usize)
                    .filter(|&w| w < vocab && uniform(rng) < keep[w]),
            );
            for (i, &centre) in sentence.iter().enumerate() {
                let reach = 1 + rng.below(cfg.window.max(1));
                let lo = i.saturating_sub(reach);
                let hi = (i + reach + 1).min(sentence.len());
                for (j, &context) in sentence.iter().enumerate().take(hi).skip(lo) {
                    if j == i {
                        continue;
                    }
                    let vector = &input[context * dims..(context + 1) * dims];
                    predict_centre(vector, centre, &mut output, &step, rng, &mut grad);
                    let vector = &mut input[context * dims..(context + 1) * dims];
                    vector.iter_mut().zip(&grad).for_each(|(v, g)| *v += g);
                }
            }
        }
    }
    input
}

/// What one training step needs besides the vectors.
struct Step<'a> {
    lr: f32,
    negatives: usize,
    table: &'a [u32],
}

/// One skip-gram step: the context word's `vector` learns to tell the `centre` word from
/// `negatives` words drawn from the table. The output vectors are updated in place; the
/// context vector's update is left in `grad`, to be added once all targets are done.
fn predict_centre(
    vector: &[f32],
    centre: usize,
    output: &mut [f32],
    step: &Step<'_>,
    rng: &mut SplitMix64,
    grad: &mut [f32],
) {
    let dims = vector.len();
    grad.iter_mut().for_each(|g| *g = 0.0);
    for k in 0..=step.negatives {
        let (target, label) = if k == 0 {
            (centre, 1.0)
        } else {
            let t = step.table[rng.below(step.table.len())] as usize;
            if t == centre {
                continue;
            }
            (t, 0.0)
        };
        let out = &mut output[target * dims..(target + 1) * dims];
        let change = (label - sigmoid(dot(vector, out))) * step.lr;
        for ((g, o), v) in grad.iter_mut().zip(out.iter_mut()).zip(vector) {
            *g += change * *o;
            *o += change * v;
        }
    }
}

/// word2vec's subsampling: the chance of keeping each occurrence of a word.
fn keep_probabilities(counts: &[u32], sample: f64) -> Vec<f32> {
    let total: f64 = counts.iter().map(|&c| f64::from(c)).sum();
    let threshold = sample * total;
    counts
        .iter()
        .map(|&c| {
            let c = f64::from(c).max(1.0);
            (((c / threshold).sqrt() + 1.0) * threshold / c).min(1.0) as f32
        })
        .collect()
}

fn negative_table(counts: &[u32]) -> Vec<u32> {
    let weights: Vec<f64> = counts.iter().map(|&c| f64::from(c).powf(0.75)).collect();
    let sum: f64 = weights.iter().sum();
    let mut table = Vec::with_capacity(NEGATIVE_TABLE);
    let mut cumulative = 0.0;
    for (w, weight) in weights.iter().enumerate() {
        cumulative += weight / sum;
        let upto = ((cumulative * NEGATIVE_TABLE as f64) as usize).min(NEGATIVE_TABLE);
        while table.len() < upto {
            table.push(w as u32);
        }
    }
    table.resize(NEGATIVE_TABLE, (counts.len() - 1) as u32);
    table
}

/// Dot product in eight lanes, which the compiler vectorizes (a plain sum is one long chain
/// of dependent additions).
pub(super) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for k in 0..8 {
            lanes[k] += x[k] * y[k];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

fn uniform(rng: &mut SplitMix64) -> f32 {
    (rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x.clamp(-6.0, 6.0)).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two groups of words that occur in the same contexts: words of a group end up closer to
    /// each other than to words of the other group.
    #[test]
    fn words_in_the_same_contexts_get_similar_vectors() {
        let mut rng = SplitMix64::new(1);
        // ids 0,1: contexts A (2, 3); ids 4,5: contexts B (6, 7).
        let mut lines = Vec::new();
        for k in 0..400 {
            let (x, y) = if k % 2 == 0 { (0, 4) } else { (1, 5) };
            lines.push(vec![2, x, 3]);
            lines.push(vec![6, y, 7]);
        }
        let counts = vec![400, 400, 800, 800, 400, 400, 800, 800];
        let cfg = EmbedConfig {
            dims: 16,
            window: 1,
            negatives: 3,
            epochs: 5,
            sample: 1.0,
            learning_rate: 0.05,
        };
        let v = skip_gram(&lines, &counts, counts.len(), &cfg, &mut rng);
        let row = |i: usize| &v[i * 16..(i + 1) * 16];
        let cos = |a: &[f32], b: &[f32]| {
            let d: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
            let n = |x: &[f32]| x.iter().map(|z| z * z).sum::<f32>().sqrt();
            d / (n(a) * n(b))
        };
        assert!(cos(row(0), row(1)) > cos(row(0), row(4)) + 0.3);
        assert!(cos(row(4), row(5)) > cos(row(1), row(5)) + 0.3);
        let again = skip_gram(&lines, &counts, counts.len(), &cfg, &mut SplitMix64::new(1));
        assert_eq!(v, again, "same seed, same vectors");
    }
}
