//! Feature extraction: for every token a list of hashed feature ids.
//!
//! Per token: the word and its normalized form; the stem with proclitics split off
//! (و ف ب ل ك, the article kept) and the proclitic itself; the stem's prefixes and suffixes
//! (1–5 letters, article removed) and its character trigrams; whether it carries the article;
//! shape and length; context
//! words at ±1 and ±2 (normalized) and stems at ±1, and word bigrams; the word-cluster ids of
//! the word and its stem and of the neighbours' stems (three granularities, learned from
//! unlabeled news); the word's frequency band in that news; gazetteer matches (B/I of listed
//! names of each type) for the token and its neighbours; and trigger classes (titles,
//! organisation heads, place heads, given names) of the words around. Conjunctions: a trigger
//! up to three words back (with its distance), the article on the previous, this and the next
//! word, cluster bigrams with the neighbours, the proclitic with the stem's rarity. Cues from
//! the unlabeled news: how often the word (and the next one) follows a title or given name,
//! an organisation head or a place head there, and how often its other article form and its
//! possessive-suffixed forms occur (see `clusters`). What a morphological analyser says the
//! word can be (see `morph`), alone and paired with each neighbour's.
//!
//! The second pass adds (see [`doc_features`]) the first pass's tags around the token, how
//! sure the first pass was of them ([`confidence`]), what it said of the stem's other
//! occurrences nearby, and what the nearby text is about.

use super::doc::TokenContext;
use super::gazetteer::{Gazetteer, WordClass};
use super::lexicon::{CLUSTERINGS, CUES, Clusters, LEVELS, Lexicon, NO_CLUSTER, UNCLUSTERED};
use super::rng::mix64;
use super::tags::{NUM_TAGS, Tag};
use crate::text::normalize;

/// What feature extraction needs to know about one token.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    pub norm: String,
    pub stem: String,
    pub prefix: String,
    clusters_norm: Clusters,
    clusters_stem: Clusters,
    freq_band: u8,
    cues: [u8; CUES],
    /// Kinds of the listed name the token begins (low four bits, by `kind_bit`) or is
    /// inside of (high four bits); 0 when it is in no listed name.
    gaz: u8,
    classes: u8,
    shape: u8,
    /// The whole word's morphological classes (see `morph`; 0: not in the lexicon or not
    /// analysed).
    morph: u8,
}

/// Feature hasher: a multiply-rotate over the template id and the parts, eight bytes at a
/// time (each part closed by its length), finished by a 64-bit mixer.
struct Hasher {
    mask: u32,
}

impl Hasher {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn start(tpl: u8) -> u64 {
        (u64::from(tpl) + 1).wrapping_mul(Self::K)
    }

    fn word(h: u64, w: u64) -> u64 {
        (h ^ w).wrapping_mul(Self::K).rotate_left(29)
    }

    fn add(mut h: u64, bytes: &[u8]) -> u64 {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = Self::word(h, u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        // The last word has at most 7 bytes: its top byte carries the length, so that
        // ("ab", "c") and ("a", "bc") differ.
        Self::word(h, u64::from_le_bytes(w) ^ (bytes.len() as u64) << 56)
    }

    fn finish(&self, h: u64) -> u32 {
        (mix64(h) as u32) & self.mask
    }

    fn str(&self, tpl: u8, s: &str) -> u32 {
        self.finish(Self::add(Self::start(tpl), s.as_bytes()))
    }

    fn str2(&self, tpl: u8, a: &str, b: &str) -> u32 {
        self.finish(Self::add(
            Self::add(Self::start(tpl), a.as_bytes()),
            b.as_bytes(),
        ))
    }

    fn num(&self, tpl: u8, n: u64) -> u32 {
        self.finish(Self::word(Self::start(tpl), n))
    }

    /// A string and a number, without formatting the number.
    fn str_num(&self, tpl: u8, s: &str, n: u64) -> u32 {
        self.finish(Self::word(Self::add(Self::start(tpl), s.as_bytes()), n))
    }
}

fn shape(word: &str) -> u8 {
    let mut digit = false;
    let mut latin = false;
    let mut arabic = false;
    let mut other = false;
    for c in word.chars() {
        match c {
            c if c.is_numeric() => digit = true,
            c if c.is_ascii_alphabetic() => latin = true,
            '\u{0600}'..='\u{06FF}' => arabic = true,
            _ => other = true,
        }
    }
    u8::from(digit) | u8::from(latin) << 1 | u8::from(arabic) << 2 | u8::from(other) << 3
}

fn freq_band(count: u32) -> u8 {
    (32 - count.leading_zeros()) as u8
}

impl TokenInfo {
    /// Kinds of the listed name the token begins (low four bits) or is inside (high four).
    pub fn gazetteer_kinds(&self) -> u8 {
        self.gaz
    }
}

/// Token information for a sentence.
pub fn token_infos(tokens: &[&str], lexicon: &Lexicon, gazetteer: &Gazetteer) -> Vec<TokenInfo> {
    let norms: Vec<String> = tokens.iter().map(|t| normalize(t)).collect();
    let gaz = gazetteer.kinds_per_token(&norms);
    norms
        .into_iter()
        .zip(gaz)
        .map(|(norm, gaz)| info(norm, gaz, lexicon, gazetteer))
        .collect()
}

/// Words this frequent in the unlabeled news are function words or common nouns: that one
/// occurs inside some listed name (`أمام` in `الإمام علي` once normalized, `الفريق` in `الفريق
/// الملكي`) says nothing about it.
const COMMON_WORD_COUNT: u32 = 1024;

fn useful_classes(classes: u8, count: u32) -> u8 {
    let inside_bits = !((1u8 << WordClass::InPerson as u8) - 1);
    if count >= COMMON_WORD_COUNT {
        classes & !inside_bits
    } else {
        classes
    }
}

fn info(norm: String, gaz: u8, lexicon: &Lexicon, gazetteer: &Gazetteer) -> TokenInfo {
    let split = lexicon.split(&norm, |w| gazetteer.knows_word(w));
    let (prefix, stem) = (split.prefix.to_string(), split.stem);
    let (of_norm, of_stem) = (lexicon.get(&norm), lexicon.get(&stem));
    let stem_count = of_stem.map_or(0, |i| i.count);
    TokenInfo {
        morph: of_norm.map_or(0, |i| i.morph),
        clusters_norm: of_norm.map_or(UNCLUSTERED, |i| i.clusters),
        clusters_stem: of_stem.map_or(UNCLUSTERED, |i| i.clusters),
        freq_band: freq_band(stem_count),
        cues: of_stem.or(of_norm).map_or([0; CUES], |i| i.cues),
        classes: useful_classes(gazetteer.word_classes(&stem), stem_count),
        shape: shape(&norm),
        gaz,
        norm,
        stem,
        prefix,
    }
}

/// Template ids (one byte each, part of every hash).
mod tpl {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const NORM: u8 = 2;
    pub const STEM: u8 = 3;
    pub const PREFIX: u8 = 4;
    pub const SUF: u8 = 5; // +0..4
    pub const PRE: u8 = 10; // +0..4
    pub const ARTICLE: u8 = 85;
    pub const SHAPE: u8 = 86;
    pub const LEN: u8 = 87;
    pub const CTX: u8 = 16; // +0..4
    pub const CTX_STEM: u8 = 21; // +0..4
    pub const BIGRAM: u8 = 26; // +0..2
    pub const CL_NORM: u8 = 30; // +level
    pub const CL_STEM: u8 = 34; // +level
    pub const CL_CTX: u8 = 38; // +4·pos + level
    pub const FREQ: u8 = 60;
    pub const GAZ: u8 = 61; // +0..5 (positions −2..+2)
    pub const CLASS: u8 = 70; // +0..5 (positions −2..+2)
    pub const SHAPE_CTX: u8 = 80;
    pub const FIRST: u8 = 81;
    pub const GAZ_STEM: u8 = 82;
    pub const PREV_CLASS_FREQ: u8 = 83;
    pub const CHAR3: u8 = 100;
    pub const SUF5: u8 = 101;
    pub const PRE5: u8 = 102;
    pub const TRIGGER_NEAR: u8 = 103;
    pub const ARTICLE_PAIR: u8 = 104;
    pub const CL_PAIR: u8 = 105; // +0..1 (previous·this, this·next)
    pub const PREFIX_FREQ: u8 = 107;
    pub const CUE: u8 = 108; // +0..4 (this word), +5 (next word's person cue)
    pub const S1_TAG: u8 = 90; // +0..3 (positions −1, 0, +1, pair)
    pub const DOC_TAG: u8 = 95;
    pub const DOC_MAJOR: u8 = 96;
    pub const DOC_NONE: u8 = 97;
    pub const TOPIC: u8 = 98; // +0..1
    // CONF shares ids 110..112 with CUE + 2..4, so some second-pass confidence values hash
    // like some cue values. Moving it to ids of its own measured worse (16th session, CV
    // −0.23 / −0.11 on seeds 42 / 7), so the sharing stays; new templates take free ids.
    pub const CONF: u8 = 110; // +0..2 (this token with its tag, previous, next)
    pub const MORPH: u8 = 120; // +0..2 (this word, with the previous, with the next)
}

/// How sure the first pass was of each token: its best and second-best tag by the token's
/// own scores, and the gap between them as a share of the scores' spread (in 6 bands), as
/// `best << 8 | second << 4 | band`. Scale-free, so fold models and the full model agree.
pub fn confidence(scores: &[[f32; NUM_TAGS]]) -> Vec<u16> {
    scores
        .iter()
        .map(|s| {
            let mut order: [usize; NUM_TAGS] = std::array::from_fn(|y| y);
            order.sort_by(|&a, &b| s[b].total_cmp(&s[a]));
            let (best, second, worst) = (order[0], order[1], order[s.len() - 1]);
            let spread = s[best] - s[worst];
            let share = if spread > 0.0 {
                (s[best] - s[second]) / spread
            } else {
                0.0
            };
            let band = [0.02f32, 0.05, 0.1, 0.2, 0.4]
                .iter()
                .filter(|&&t| share >= t)
                .count();
            (best as u16) << 8 | (second as u16) << 4 | band as u16
        })
        .collect()
}

/// Second-pass features of token `i`: first-pass tags around it, how sure the first pass
/// was of this token and its neighbours (`conf`, from [`confidence`]: a tag the first pass
/// chose by a hair is worth less than a clear one), the first-pass tags of other occurrences
/// of its stem, and what the nearby text is about (see `doc`), appended to `out`.
pub fn doc_features(
    bits: u32,
    first_pass: &[Tag],
    conf: &[u16],
    ctx: &[TokenContext],
    gaz: u8,
    i: usize,
    out: &mut Vec<u32>,
) {
    let h = Hasher {
        mask: (1u32 << bits) - 1,
    };
    let tag = |d: isize| {
        i.checked_add_signed(d)
            .and_then(|j| first_pass.get(j))
            .map_or(99, |t| u64::from(t.0))
    };
    out.push(h.num(tpl::S1_TAG, tag(-1)));
    out.push(h.num(tpl::S1_TAG + 1, tag(0)));
    out.push(h.num(tpl::S1_TAG + 2, tag(1)));
    out.push(h.num(tpl::S1_TAG + 3, tag(0) << 8 | tag(1)));
    let sure = |d: isize| {
        i.checked_add_signed(d)
            .and_then(|j| conf.get(j))
            .map_or(0xffff, |&c| u64::from(c))
    };
    out.push(h.num(tpl::CONF, tag(0) << 16 | sure(0)));
    out.push(h.num(tpl::CONF + 1, sure(-1)));
    out.push(h.num(tpl::CONF + 2, sure(1)));
    let c = &ctx[i];
    // What the text is about, with this token's first-pass tag and with the kinds the lists
    // give it (a name listed as both a city and a club, in a text full of clubs).
    let topic = u64::from(c.topic);
    out.push(h.num(tpl::TOPIC, topic << 8 | tag(0)));
    if gaz != 0 {
        out.push(h.num(tpl::TOPIC + 1, topic << 8 | u64::from(gaz)));
    }
    if c.others == 0 {
        out.push(h.num(tpl::DOC_NONE, 0));
        return;
    }
    let mut major = (0usize, 0u16);
    for (y, &n) in c.counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let share = 4 * u64::from(n) / u64::from(c.others.max(1));
        out.push(h.num(tpl::DOC_TAG, (y as u64) << 8 | share.min(4)));
        if n > major.1 {
            major = (y, n);
        }
    }
    let kind = if major.0 == 0 {
        0
    } else {
        (major.0 as u64).div_ceil(2)
    };
    out.push(h.num(tpl::DOC_MAJOR, kind << 8 | tag(0)));
}

/// Which clusterings' features are extracted: each clustering's model is trained on its own
/// (`m..m + 1`), and the tagger, their average, reads them all ([`ALL_CLUSTERINGS`]).
pub type Clusterings = std::ops::Range<usize>;

/// Every clustering's features.
pub const ALL_CLUSTERINGS: Clusterings = 0..CLUSTERINGS;

/// Hashed feature ids for every token of a sentence, appended to `out` with `offsets[i]..
/// offsets[i + 1]` delimiting token `i`'s features (`offsets` gets `len + 1` entries).
pub fn extract(
    infos: &[TokenInfo],
    tokens: &[&str],
    bits: u32,
    clusterings: &Clusterings,
    out: &mut Vec<u32>,
    offsets: &mut Vec<usize>,
) {
    let h = Hasher {
        mask: (1u32 << bits) - 1,
    };
    offsets.clear();
    offsets.push(out.len());
    for i in 0..infos.len() {
        token_features(&h, infos, tokens, i, out);
        for m in clusterings.clone() {
            cluster_features(&h, infos, i, m, out);
        }
        offsets.push(out.len());
    }
}

fn at(infos: &[TokenInfo], i: usize, d: isize) -> Option<&TokenInfo> {
    i.checked_add_signed(d).and_then(|j| infos.get(j))
}

fn token_features(h: &Hasher, infos: &[TokenInfo], tokens: &[&str], i: usize, out: &mut Vec<u32>) {
    let t = &infos[i];
    out.push(h.num(tpl::BIAS, 0));
    out.push(h.str(tpl::WORD, tokens[i]));
    out.push(h.str(tpl::NORM, &t.norm));
    out.push(h.str(tpl::STEM, &t.stem));
    out.push(h.str(tpl::PREFIX, &t.prefix));
    affixes(h, t, out);
    out.push(h.num(tpl::SHAPE, u64::from(t.shape)));
    out.push(h.num(tpl::LEN, t.stem.chars().count().min(12) as u64));
    out.push(h.num(tpl::FREQ, u64::from(t.freq_band)));
    out.push(h.num(tpl::FIRST, u64::from(i == 0)));
    morphology_features(h, infos, i, out);
    context_features(h, infos, i, out);
    gazetteer_features(h, infos, i, out);
    conjunctions(h, infos, i, out);
}

/// The word's morphological classes, alone and paired with each neighbour's (a name rarely
/// sits between two verb forms; a function word before an unanalysed word).
fn morphology_features(h: &Hasher, infos: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    const OUTSIDE: u64 = 0xff;
    let morph = |d: isize| at(infos, i, d).map_or(OUTSIDE, |t| u64::from(t.morph));
    out.push(h.num(tpl::MORPH, morph(0)));
    out.push(h.num(tpl::MORPH + 1, morph(-1) << 8 | morph(0)));
    out.push(h.num(tpl::MORPH + 2, morph(0) << 8 | morph(1)));
}

fn has_article(t: &TokenInfo) -> bool {
    t.stem.starts_with("ال") && t.stem.chars().count() > 3
}

/// Combinations: a trigger word (title, organisation or place head) a few words back, the
/// article on this and the next word (construct-state names), the word's cues from the news,
/// and the proclitic with the stem's rarity.
fn conjunctions(h: &Hasher, infos: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    let t = &infos[i];
    for class in [
        WordClass::Title,
        WordClass::OrgTrigger,
        WordClass::LocTrigger,
    ] {
        if let Some(d) = (1..=3usize).find(|&d| {
            at(infos, i, -(d as isize)).is_some_and(|p| p.classes & (1 << class as u8) != 0)
        }) {
            out.push(h.num(tpl::TRIGGER_NEAR, (class as u64) << 8 | d as u64));
        }
    }
    let art = |d: isize| at(infos, i, d).map_or(2, |t| u64::from(has_article(t)));
    out.push(h.num(tpl::ARTICLE_PAIR, art(-1) << 8 | art(0) << 4 | art(1)));
    for (k, &c) in t.cues.iter().enumerate() {
        let article = u64::from(k == 3 && has_article(t));
        out.push(h.num(tpl::CUE + k as u8, article << 8 | u64::from(c)));
    }
    let next_cue = at(infos, i, 1).map_or(9, |n| u64::from(n.cues[0]));
    out.push(h.num(tpl::CUE + 5, next_cue << 8 | u64::from(t.cues[0])));
    out.push(h.str_num(tpl::PREFIX_FREQ, &t.prefix, u64::from(t.freq_band.min(8))));
}

fn affixes(h: &Hasher, t: &TokenInfo, out: &mut Vec<u32>) {
    let article = has_article(t);
    let bare = if article {
        &t.stem["ال".len()..]
    } else {
        t.stem.as_str()
    };
    out.push(h.num(tpl::ARTICLE, u64::from(article)));
    let letters = bare.chars().count();
    // Byte offsets where the first n letters end and where the last n begin (n = 1, 2 …).
    let mut prefix_ends = bare.char_indices().skip(1).map(|(i, _)| i);
    let mut suffix_starts = bare.char_indices().rev().map(|(i, _)| i);
    for n in 1..letters.min(6) {
        let (Some(end), Some(start)) = (prefix_ends.next(), suffix_starts.next()) else {
            break;
        };
        let (suf, pre) = if n == 5 {
            (tpl::SUF5, tpl::PRE5)
        } else {
            (tpl::SUF + n as u8, tpl::PRE + n as u8)
        };
        out.push(h.str(suf, &bare[start..]));
        out.push(h.str(pre, &bare[..end]));
    }
    // Word-internal character trigrams, with word boundaries marked.
    if letters > 2 {
        let padded = std::iter::once('^')
            .chain(bare.chars())
            .chain(std::iter::once('$'));
        let mut window = ['^'; 3];
        let mut buf = [0u8; 12];
        for (k, c) in padded.enumerate() {
            window = [window[1], window[2], c];
            if k < 2 {
                continue;
            }
            let mut n = 0;
            for c in window {
                n += c.encode_utf8(&mut buf[n..]).len();
            }
            out.push(h.finish(Hasher::add(Hasher::start(tpl::CHAR3), &buf[..n])));
        }
    }
}

fn context_features(h: &Hasher, infos: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    const BOUNDARY: &str = "<s>";
    let norm = |d: isize| at(infos, i, d).map_or(BOUNDARY, |t| t.norm.as_str());
    let stem = |d: isize| at(infos, i, d).map_or(BOUNDARY, |t| t.stem.as_str());
    for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        out.push(h.str(tpl::CTX + k as u8, norm(d)));
    }
    out.push(h.str(tpl::CTX_STEM, stem(-1)));
    out.push(h.str(tpl::CTX_STEM + 1, stem(1)));
    out.push(h.str2(tpl::BIGRAM, stem(-1), stem(0)));
    out.push(h.str2(tpl::BIGRAM + 1, stem(0), stem(1)));
    out.push(h.str2(tpl::BIGRAM + 2, stem(-2), stem(-1)));
    let shape = |d: isize| at(infos, i, d).map_or(255, |t| u64::from(t.shape));
    out.push(h.num(tpl::SHAPE_CTX, shape(-1) << 16 | shape(0) << 8 | shape(1)));
}

/// The features of clustering `m`: the clusters of the word, its stem and the neighbours'
/// stems, coarse cluster bigrams, and the fine cluster with the previous stem. Every value
/// carries `m`, so the clusterings' ids never share a weight.
fn cluster_features(h: &Hasher, infos: &[TokenInfo], i: usize, m: usize, out: &mut Vec<u32>) {
    let t = &infos[i];
    let of = |c: u16| u64::from(c) | (m as u64) << 48;
    for level in 0..LEVELS {
        out.push(h.num(tpl::CL_NORM + level as u8, of(t.clusters_norm[m][level])));
        out.push(h.num(tpl::CL_STEM + level as u8, of(t.clusters_stem[m][level])));
    }
    let stem_clusters =
        |d: isize| at(infos, i, d).map_or([NO_CLUSTER - 1; LEVELS], |t| t.clusters_stem[m]);
    for (p, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        for (level, &c) in stem_clusters(d).iter().enumerate() {
            out.push(h.num(tpl::CL_CTX + (4 * p + level) as u8, of(c)));
        }
    }
    let mid = |d: isize| u64::from(stem_clusters(d)[1]);
    out.push(h.num(tpl::CL_PAIR, of(0) | mid(-1) << 16 | mid(0)));
    out.push(h.num(tpl::CL_PAIR + 1, of(0) | mid(0) << 16 | mid(1)));
    // The word's fine cluster with the previous word's stem: "title X" patterns.
    let prev = at(infos, i, -1).map_or("<s>", |t| t.stem.as_str());
    let fine = t.clusters_stem[m][LEVELS - 1].to_le_bytes();
    let hash = Hasher::add(
        Hasher::add(Hasher::start(tpl::CL_CTX + 20), prev.as_bytes()),
        &fine,
    );
    out.push(h.finish(Hasher::word(hash, m as u64)));
}

fn gazetteer_features(h: &Hasher, infos: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    for (k, d) in [-2isize, -1, 0, 1, 2].into_iter().enumerate() {
        let Some(t) = at(infos, i, d) else { continue };
        for bit in 0..8 {
            if t.gaz & (1 << bit) != 0 {
                out.push(h.num(tpl::GAZ + k as u8, bit));
            }
        }
        for class in WordClass::ALL {
            if t.classes & (1 << class as u8) != 0 {
                out.push(h.num(tpl::CLASS + k as u8, class as u64));
            }
        }
    }
    let t = &infos[i];
    // A rare word after a title or given name is likely a name.
    let prev_classes = at(infos, i, -1).map_or(0, |p| u64::from(p.classes & 0b1111));
    out.push(h.num(
        tpl::PREV_CLASS_FREQ,
        prev_classes << 8 | u64::from(t.freq_band.min(6)),
    ));
    if t.gaz != 0 {
        out.push(h.str_num(tpl::GAZ_STEM, &t.stem, u64::from(t.gaz)));
    }
}

/// First-pass features plus second-pass features (`doc_features`) for every token; `gaz` is
/// each token's [`TokenInfo::gazetteer_kinds`].
pub fn with_doc_features(
    feats: &[u32],
    offsets: &[usize],
    first_pass: &[Tag],
    conf: &[u16],
    ctx: &[TokenContext],
    gaz: &[u8],
    bits: u32,
) -> (Vec<u32>, Vec<usize>) {
    let mut out = Vec::with_capacity(feats.len() + 8 * first_pass.len());
    let mut offs = Vec::with_capacity(offsets.len());
    offs.push(0);
    for (i, w) in offsets.windows(2).enumerate() {
        out.extend_from_slice(&feats[w[0]..w[1]]);
        doc_features(
            bits,
            first_pass,
            conf,
            ctx,
            gaz.get(i).copied().unwrap_or(0),
            i,
            &mut out,
        );
        offs.push(out.len());
    }
    (out, offs)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::analyze::entities::lexicon::{WordInfo, Words};

    /// Best and second-best tag by the token's own scores, and how far apart they are as a
    /// share of the scores' spread; the same at any scale of the weights.
    #[test]
    fn confidence_is_best_second_and_gap_band() {
        let mut scores = [[0f32; NUM_TAGS]; 3];
        scores[0][3] = 10.0; // clear winner: gap 10 of spread 10
        scores[1][0] = 5.0;
        scores[1][1] = 4.8; // near tie: gap 0.2 of spread 5
        scores[2] = [1.0; 9]; // all equal: first tag, no spread
        let conf = confidence(&scores);
        // best << 8 | second << 4 | band
        assert_eq!(conf, vec![0x305, 0x011, 0x010]);
        let scaled: Vec<_> = scores.iter().map(|s| s.map(|v| 7.0 * v)).collect();
        assert_eq!(confidence(&scaled), conf);
    }

    /// The average of the clusterings' models scores like their summed scores only if no
    /// feature of one clustering is a feature of another: the same cluster id means
    /// different words in each.
    #[test]
    fn each_clustering_has_its_own_cluster_features() {
        let mut words = Words::default();
        for w in ["زار", "موسكو"] {
            let info = WordInfo {
                count: 5,
                clusters: [[1, 2, 3]; CLUSTERINGS],
                cues: [0; CUES],
                morph: 0,
            };
            words.insert(w.to_string(), info);
        }
        let lexicon = Lexicon::new(words);
        let tokens = ["زار", "موسكو"];
        let infos = token_infos(&tokens, &lexicon, &Gazetteer::default());
        let features = |clusterings: &Clusterings| {
            let (mut feats, mut offsets) = (Vec::new(), Vec::new());
            extract(&infos, &tokens, 20, clusterings, &mut feats, &mut offsets);
            feats.into_iter().collect::<HashSet<u32>>()
        };
        let each: Vec<HashSet<u32>> = (0..CLUSTERINGS).map(|m| features(&(m..m + 1))).collect();
        let shared: HashSet<u32> = each[0]
            .iter()
            .filter(|f| each.iter().all(|e| e.contains(f)))
            .copied()
            .collect();
        let mut union = shared.clone();
        for (m, own) in each.iter().enumerate() {
            let only: HashSet<u32> = own.difference(&shared).copied().collect();
            assert!(
                only.len() >= 21,
                "clustering {m} has its own cluster features"
            );
            for (n, other) in each.iter().enumerate() {
                assert!(n == m || only.is_disjoint(other), "{m} and {n} share none");
            }
            union.extend(only);
        }
        assert_eq!(features(&ALL_CLUSTERINGS), union);
    }

    /// A word's morphological classes change its own features and its neighbours' pairs, and
    /// nothing else.
    #[test]
    fn morphological_classes_reach_the_word_and_its_neighbours() {
        let tokens = ["قال", "سيلوانوف", "إن"];
        let features_with = |morph: u8| {
            let mut words = Words::default();
            for w in tokens {
                let info = WordInfo {
                    count: 5,
                    clusters: UNCLUSTERED,
                    cues: [0; CUES],
                    morph: if w == "سيلوانوف" { morph } else { 0 },
                };
                words.insert(normalize(w), info);
            }
            let infos = token_infos(&tokens, &Lexicon::new(words), &Gazetteer::default());
            let (mut feats, mut offsets) = (Vec::new(), Vec::new());
            extract(&infos, &tokens, 20, &(0..1), &mut feats, &mut offsets);
            let token = |i: usize| feats[offsets[i]..offsets[i + 1]].to_vec();
            [token(0), token(1), token(2)]
        };
        let plain = features_with(0);
        let unanalysed = features_with(super::super::morph::UNANALYSED);
        let changed: Vec<usize> = (0..3)
            .map(|i| {
                plain[i]
                    .iter()
                    .zip(&unanalysed[i])
                    .filter(|(a, b)| a != b)
                    .count()
            })
            .collect();
        // Previous word: its pair with the next; this word: alone and both pairs; next word:
        // its pair with the previous.
        assert_eq!(changed, vec![1, 3, 1]);
    }
}
