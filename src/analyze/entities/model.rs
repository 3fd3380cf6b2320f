//! The linear-chain model: hashed feature weights per tag, tag transitions, first-order
//! Viterbi decoding constrained to well-formed BIO, and the binary model file.
//!
//! File format (little-endian): magic `AKNER04\n`; `u32` hash bits; the lexicon (`u32`
//! count, then per word `u16` byte length, UTF-8 bytes, `u32` count, `CLUSTERINGS` ×
//! `LEVELS` × `u16` clusters, `CUES` × `u8` cue buckets, sorted by word); the weights as
//! `f32` scale, `u32` number of non-zero buckets, then per bucket its index as a LEB128
//! delta from the previous one and `NUM_TAGS − 1` × `i16` quantized weights of the entity
//! tags relative to `O` (see [`Packed`]), then `(NUM_TAGS + 1) × NUM_TAGS` `f32` transition
//! weights (the last row is the sentence start); finally a byte, 1 if the second pass's
//! weights follow in the same layout, else 0; and the `f32` bias against `O` of the final
//! pass.

use std::io;

use super::lexicon::{Lexicon, UNCLUSTERED, WordInfo, Words};
use super::tags::{NUM_TAGS, Tag};

const MAGIC: &[u8; 8] = b"AKNER05\n";

/// The format before words carried morphological classes: still read (classes 0), so that
/// `train-ner --lexicon-from` can reuse an older model's lexicon.
const MAGIC_WITHOUT_MORPHOLOGY: &[u8; 8] = b"AKNER04\n";

/// Weights of the tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub bits: u32,
    /// `(1 << bits) × NUM_TAGS`, bucket-major.
    pub emission: Vec<f32>,
    /// `(NUM_TAGS + 1) × NUM_TAGS`: row `p` scores moving from tag `p` (row `NUM_TAGS`: start).
    pub transition: Vec<f32>,
}

impl Weights {
    pub fn zeros(bits: u32) -> Self {
        Weights {
            bits,
            emission: vec![0.0; (1usize << bits) * NUM_TAGS],
            transition: vec![0.0; (NUM_TAGS + 1) * NUM_TAGS],
        }
    }

    /// Per-token tag scores from the token's feature ids.
    pub fn scores(&self, feats: &[u32], offsets: &[usize]) -> Vec<[f32; NUM_TAGS]> {
        offsets
            .windows(2)
            .map(|w| {
                let mut s = [0f32; NUM_TAGS];
                for &f in &feats[w[0]..w[1]] {
                    let base = f as usize * NUM_TAGS;
                    let row = &self.emission[base..base + NUM_TAGS];
                    s.iter_mut().zip(row).for_each(|(a, b)| *a += b);
                }
                s
            })
            .collect()
    }

    /// Lowers every token's `O` score by `bias`.
    pub fn bias_o(scores: &mut [[f32; NUM_TAGS]], bias: f32) {
        for s in scores {
            s[Tag::O.index()] -= bias;
        }
    }

    /// Best well-formed tag sequence for the given per-token scores.
    pub fn viterbi(&self, scores: &[[f32; NUM_TAGS]]) -> Vec<Tag> {
        viterbi(&self.transition, scores)
    }
}

/// Row `p`, column `cur` of a transition table (row `NUM_TAGS`: the sentence start).
fn trans(transition: &[f32], prev: Option<Tag>, cur: usize) -> f32 {
    let row = prev.map_or(NUM_TAGS, Tag::index);
    transition[row * NUM_TAGS + cur]
}

/// Best well-formed tag sequence for per-token scores and a transition table.
fn viterbi(transition: &[f32], scores: &[[f32; NUM_TAGS]]) -> Vec<Tag> {
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    let mut best = vec![[f32::NEG_INFINITY; NUM_TAGS]; n];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for y in 0..NUM_TAGS {
        if Tag(y as u8).may_follow(None) {
            best[0][y] = scores[0][y] + trans(transition, None, y);
        }
    }
    for t in 1..n {
        for y in 0..NUM_TAGS {
            let tag = Tag(y as u8);
            for p in 0..NUM_TAGS {
                if best[t - 1][p] == f32::NEG_INFINITY || !tag.may_follow(Some(Tag(p as u8))) {
                    continue;
                }
                let s = best[t - 1][p] + trans(transition, Some(Tag(p as u8)), y);
                if s > best[t][y] {
                    best[t][y] = s;
                    back[t][y] = p as u8;
                }
            }
            best[t][y] += scores[t][y];
        }
    }
    let mut y = argmax(&best[n - 1]);
    let mut tags = vec![Tag::O; n];
    for t in (0..n).rev() {
        tags[t] = Tag(y as u8);
        y = usize::from(back[t][y]);
    }
    tags
}

/// Entity tags per packed row: every tag but `O` (tag 0), whose weight is taken as 0.
const ROW: usize = NUM_TAGS - 1;
const _: () = assert!(Tag::O.0 == 0, "packed rows leave out tag 0 as O");

/// One bucket's packed weights: 16 bytes, aligned, so that a lookup reads one cache line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(C, align(16))]
struct Row([i16; ROW]);

/// The weights as the tagger runs them. Adding the same amount to every tag's weight of a
/// bucket changes no decision (each token's tags all move alike), so each bucket keeps its
/// entity tags' weights relative to `O` and `O` is 0: eight `i16` with one scale, 16 bytes
/// where the `f32` table takes 36. Scoring a token reads that little memory (the table does
/// not fit in cache; reading it is most of the tagging time) and adds it in one vector.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed {
    pub bits: u32,
    scale: f32,
    /// `1 << bits` rows.
    emission: Vec<Row>,
    transition: Vec<f32>,
}

impl Packed {
    /// Quantizes `weights`: the largest weight relative to `O` becomes ±32767.
    pub fn new(weights: &Weights) -> Self {
        let relative = |b: &[f32]| -> [f32; ROW] { std::array::from_fn(|y| b[y + 1] - b[0]) };
        let max = weights
            .emission
            .chunks(NUM_TAGS)
            .flat_map(relative)
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        Packed {
            bits: weights.bits,
            scale,
            emission: weights
                .emission
                .chunks(NUM_TAGS)
                .map(|b| Row(relative(b).map(|w| (w / scale).round() as i16)))
                .collect(),
            transition: weights.transition.clone(),
        }
    }

    /// `f32` weights that tag as these do (`O`'s weights 0).
    pub fn unpack(&self) -> Weights {
        Weights {
            bits: self.bits,
            emission: self
                .emission
                .iter()
                .flat_map(|r| {
                    std::iter::once(0.0).chain(r.0.iter().map(|&q| f32::from(q) * self.scale))
                })
                .collect(),
            transition: self.transition.clone(),
        }
    }

    /// Per-token tag scores from the token's feature ids (summed exactly as integers; `O`'s
    /// score is 0).
    pub fn scores(&self, feats: &[u32], offsets: &[usize]) -> Vec<[f32; NUM_TAGS]> {
        offsets
            .windows(2)
            .map(|w| {
                let mut sum = [0i32; ROW];
                for &f in &feats[w[0]..w[1]] {
                    let row = &self.emission[f as usize].0;
                    sum.iter_mut()
                        .zip(row)
                        .for_each(|(a, &b)| *a += i32::from(b));
                }
                let mut s = [0f32; NUM_TAGS];
                s[1..]
                    .iter_mut()
                    .zip(sum)
                    .for_each(|(s, v)| *s = v as f32 * self.scale);
                s
            })
            .collect()
    }

    /// Best well-formed tag sequence for the given per-token scores.
    pub fn viterbi(&self, scores: &[[f32; NUM_TAGS]]) -> Vec<Tag> {
        viterbi(&self.transition, scores)
    }
}

fn argmax(row: &[f32; NUM_TAGS]) -> usize {
    let mut best = 0;
    for (i, &v) in row.iter().enumerate() {
        if v > row[best] {
            best = i;
        }
    }
    best
}

/// Everything the tagger learned: the lexicon from unlabeled news, the first-pass weights
/// and (optionally) the second, document-aware pass's weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub lexicon: Lexicon,
    pub weights: Weights,
    pub second: Option<Weights>,
    /// Subtracted from every token's `O` score in the final pass (chosen in training on
    /// held-out folds: the perceptron otherwise under-predicts entities).
    pub o_bias: f32,
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_weights(out: &mut Vec<u8>, weights: &Weights) {
    let packed = Packed::new(weights);
    out.extend_from_slice(&packed.scale.to_le_bytes());
    let rows: Vec<(usize, &[i16; ROW])> = packed
        .emission
        .iter()
        .map(|r| &r.0)
        .enumerate()
        .filter(|(_, q)| q.iter().any(|&v| v != 0))
        .collect();
    put_u32(out, rows.len() as u32);
    let mut prev = 0usize;
    for (i, q) in rows {
        put_leb(out, (i - prev) as u64);
        prev = i;
        for v in q {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    for t in &packed.transition {
        out.extend_from_slice(&t.to_le_bytes());
    }
}

impl Model {
    /// Serializes the model (deterministic: same model, same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, self.weights.bits);
        let words = self.lexicon.sorted();
        put_u32(&mut out, words.len() as u32);
        for (w, info) in words {
            out.extend_from_slice(&(w.len() as u16).to_le_bytes());
            out.extend_from_slice(w.as_bytes());
            put_u32(&mut out, info.count);
            for c in info.clusters.as_flattened() {
                out.extend_from_slice(&c.to_le_bytes());
            }
            out.extend_from_slice(&info.cues);
            out.push(info.morph);
        }
        put_weights(&mut out, &self.weights);
        match &self.second {
            Some(w) => {
                out.push(1);
                put_weights(&mut out, w);
            }
            None => out.push(0),
        }
        out.extend_from_slice(&self.o_bias.to_le_bytes());
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Self> {
        let m = PackedModel::from_bytes(bytes)?;
        Ok(Model {
            lexicon: m.lexicon,
            weights: m.first.unpack(),
            second: m.second.as_ref().map(Packed::unpack),
            o_bias: m.o_bias,
        })
    }
}

/// A [`Model`] with its weights as the tagger runs them ([`Packed`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PackedModel {
    pub lexicon: Lexicon,
    pub first: Packed,
    pub second: Option<Packed>,
    pub o_bias: f32,
}

impl PackedModel {
    pub fn new(model: Model) -> Self {
        PackedModel {
            first: Packed::new(&model.weights),
            second: model.second.as_ref().map(Packed::new),
            lexicon: model.lexicon,
            o_bias: model.o_bias,
        }
    }

    /// Reads a model file (see [`Model::to_bytes`]) straight into packed weights.
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Self> {
        let mut r = Reader { bytes, pos: 0 };
        let with_morphology = match r.take(MAGIC.len())? {
            m if m == MAGIC => true,
            m if m == MAGIC_WITHOUT_MORPHOLOGY => false,
            _ => return Err(bad("not an akhbar NER model (bad magic)")),
        };
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) {
            return Err(bad("hash bits out of range"));
        }
        let lexicon = read_lexicon(&mut r, with_morphology)?;
        let first = read_weights(&mut r, bits)?;
        let second = match r.take(1)?[0] {
            0 => None,
            _ => Some(read_weights(&mut r, bits)?),
        };
        let o_bias = r.f32()?;
        Ok(PackedModel {
            lexicon,
            first,
            second,
            o_bias,
        })
    }
}

fn bad(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> io::Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| bad("truncated model"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u16(&mut self) -> io::Result<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> io::Result<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> io::Result<f32> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    fn leb(&mut self) -> io::Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad("bad varint"))
    }
}

fn read_lexicon(r: &mut Reader<'_>, with_morphology: bool) -> io::Result<Lexicon> {
    let n = r.u32()? as usize;
    let mut words = Words::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let len = usize::from(r.u16()?);
        let word = std::str::from_utf8(r.take(len)?).map_err(|_| bad("word is not UTF-8"))?;
        let count = r.u32()?;
        let mut clusters = UNCLUSTERED;
        for c in clusters.as_flattened_mut() {
            *c = r.u16()?;
        }
        let cues = r.array()?;
        let morph = if with_morphology { r.take(1)?[0] } else { 0 };
        words.insert(
            word.to_string(),
            WordInfo {
                count,
                clusters,
                cues,
                morph,
            },
        );
    }
    Ok(Lexicon::new(words))
}

fn read_weights(r: &mut Reader<'_>, bits: u32) -> io::Result<Packed> {
    let mut packed = Packed {
        bits,
        scale: r.f32()?,
        emission: vec![Row::default(); 1usize << bits],
        transition: vec![0.0; (NUM_TAGS + 1) * NUM_TAGS],
    };
    read_emission(r, &mut packed.emission)?;
    for t in packed.transition.iter_mut() {
        *t = r.f32()?;
    }
    Ok(packed)
}

fn read_emission(r: &mut Reader<'_>, emission: &mut [Row]) -> io::Result<()> {
    let rows = r.u32()? as usize;
    let mut bucket = 0usize;
    for _ in 0..rows {
        bucket = bucket
            .checked_add(r.leb()? as usize)
            .ok_or_else(|| bad("bucket overflow"))?;
        let row = emission
            .get_mut(bucket)
            .ok_or_else(|| bad("bucket out of range"))?;
        // One bounds check per row rather than one per weight: this loop is most of a
        // model's load time.
        let bytes = r.take(2 * ROW)?;
        for (w, b) in row.0.iter_mut().zip(bytes.chunks_exact(2)) {
            *w = i16::from_le_bytes([b[0], b[1]]);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        let w = Weights::zeros(8);
        let mut s = [[0f32; NUM_TAGS]; 2];
        s[0][Tag::O.index()] = 1.0;
        s[0][1] = -10.0;
        s[1][2] = 5.0; // I-PERS after O is not allowed
        s[1][1] = 1.0;
        let tags = w.viterbi(&s);
        assert_eq!(tags, vec![Tag::O, Tag(1)]);
    }

    /// Packing keeps every tag's score relative to `O` (up to rounding), so the tagger
    /// decides as the `f32` weights do.
    #[test]
    fn packed_scores_keep_differences_to_o() {
        let mut rng = crate::analyze::entities::rng::SplitMix64::new(7);
        let mut weights = Weights::zeros(10);
        for w in weights.emission.iter_mut() {
            *w = (rng.below(2001) as f32 - 1000.0) / 10.0;
        }
        let packed = Packed::new(&weights);
        let feats: Vec<u32> = (0..300).map(|_| rng.below(1 << 10) as u32).collect();
        let offsets: Vec<usize> = (0..=10).map(|t| 30 * t).collect();
        let exact = weights.scores(&feats, &offsets);
        let quick = packed.scores(&feats, &offsets);
        for (e, q) in exact.iter().zip(&quick) {
            assert_eq!(q[Tag::O.index()], 0.0);
            for y in 1..NUM_TAGS {
                let (want, got) = (e[y] - e[0], q[y]);
                assert!((want - got).abs() < 30.0 * packed.scale, "{want} vs {got}");
            }
        }
        assert_eq!(packed.viterbi(&quick), weights.viterbi(&exact));
        assert_eq!(Packed::new(&packed.unpack()), packed);
    }

    #[test]
    fn bytes_round_trip() {
        let mut weights = Weights::zeros(8);
        weights.emission[5] = 0.5;
        weights.emission[900] = -2.0;
        weights.transition[3] = 1.25;
        let mut words = Words::default();
        words.insert(
            "موسكو".to_string(),
            WordInfo {
                count: 7,
                clusters: [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]],
                cues: [0, 4, 1, 2, 3],
                morph: 5,
            },
        );
        let model = Model {
            lexicon: Lexicon::new(words),
            weights: weights.clone(),
            second: Some(weights),
            o_bias: 0.5,
        };
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes);
        assert!(back.as_ref().is_ok_and(|b| b.to_bytes() == bytes));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }

    /// A file of the format before morphological classes still loads, its words unclassed.
    #[test]
    fn reads_the_format_without_morphology() {
        let mut words = Words::default();
        let info = WordInfo {
            count: 7,
            clusters: UNCLUSTERED,
            cues: [1, 2, 3, 4, 5],
            morph: 0,
        };
        words.insert("موسكو".to_string(), info);
        let model = Model {
            lexicon: Lexicon::new(words),
            weights: Weights::zeros(8),
            second: None,
            o_bias: 0.0,
        };
        let bytes = model.to_bytes();
        // The one word's record: length, word, count, clusters, cues, then the class byte.
        let class_at = MAGIC.len() + 4 + 4 + 2 + "موسكو".len() + 4 + 2 * 12 + 5;
        assert_eq!(bytes[class_at], 0);
        let mut old = bytes.clone();
        old.remove(class_at);
        old[..MAGIC.len()].copy_from_slice(MAGIC_WITHOUT_MORPHOLOGY);
        let back = Model::from_bytes(&old);
        assert!(back.is_ok_and(|b| b.to_bytes() == bytes));
    }
}
