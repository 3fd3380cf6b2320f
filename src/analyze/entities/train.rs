//! Training and evaluation: CoNLL reading, the averaged structured perceptron, and
//! entity-level exact-match scores.

use std::fmt;
use std::io::{self, BufRead};

use super::Recognizer;
use super::augment::augment;
use super::doc::{WINDOW, contexts};
use super::features::{
    ALL_CLUSTERINGS, Clusterings, TokenInfo, confidence, extract, token_infos, with_doc_features,
};
use super::gazetteer::Gazetteer;
use super::lexicon::{CLUSTERINGS, Lexicon};
use super::model::{Model, Weights};
use super::rng::{SplitMix64, derive_seed, mix64};
use super::tags::{EntityKind, NUM_TAGS, Tag, spans};

/// A tagged sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Reads CoNLL data: `token TAG` per line (space or tab separated; the tag is the last
/// field), blank lines between sentences. Unknown tags are an error.
pub fn read_conll(input: impl BufRead) -> io::Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (token, tag) = line
            .rsplit_once([' ', '\t'])
            .ok_or_else(|| invalid(format!("line {}: expected `token TAG`", n + 1)))?;
        let tag = Tag::from_name(tag.trim())
            .ok_or_else(|| invalid(format!("line {}: unknown tag {tag:?}", n + 1)))?;
        cur.tokens.push(token.trim().to_string());
        cur.tags.push(tag);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

/// Splits off the last `percent`% of sentences (sequentially) as a development set.
pub fn split_dev(sentences: &[Sentence], percent: usize) -> (&[Sentence], &[Sentence]) {
    let dev = sentences.len() * percent / 100;
    sentences.split_at(sentences.len() - dev)
}

/// Perceptron settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    /// Feature hash size is `1 << bits` buckets.
    pub bits: u32,
    pub seed: u64,
    /// Folds for the jackknifed first-pass tags the second pass learns from; below 2, no
    /// second pass.
    pub folds: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            bits: 19,
            seed: 42,
            folds: 10,
        }
    }
}

struct Example {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<Tag>,
    stems: Vec<String>,
    gaz: Vec<u8>,
}

fn examples(
    sentences: &[Sentence],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    cfg: &TrainConfig,
    clusterings: &Clusterings,
) -> Vec<Example> {
    sentences
        .iter()
        .map(|s| {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let infos = token_infos(&toks, lexicon, gazetteer);
            let (mut feats, mut offsets) = (Vec::new(), Vec::new());
            extract(
                &infos,
                &toks,
                cfg.bits,
                clusterings,
                &mut feats,
                &mut offsets,
            );
            let gaz = infos.iter().map(TokenInfo::gazetteer_kinds).collect();
            let stems = infos.into_iter().map(|i| i.stem).collect();
            Example {
                feats,
                offsets,
                gold: s.tags.clone(),
                stems,
                gaz,
            }
        })
        .collect()
}

/// Averaged perceptron state (the lazy-averaging trick: `avg = w − acc / c`).
struct Averaged {
    w: Weights,
    acc_emission: Vec<f64>,
    acc_transition: Vec<f64>,
    c: f64,
}

impl Averaged {
    fn bump_emission(&mut self, i: usize, d: f32) {
        self.w.emission[i] += d;
        self.acc_emission[i] += self.c * f64::from(d);
    }

    fn bump_transition(&mut self, prev: Option<Tag>, cur: Tag, d: f32) {
        let i = prev.map_or(NUM_TAGS, Tag::index) * NUM_TAGS + cur.index();
        self.w.transition[i] += d;
        self.acc_transition[i] += self.c * f64::from(d);
    }

    fn update(&mut self, ex: &Example, pred: &[Tag]) {
        for t in 0..ex.gold.len() {
            let (g, p) = (ex.gold[t], pred[t]);
            if g != p {
                for &f in &ex.feats[ex.offsets[t]..ex.offsets[t + 1]] {
                    let base = f as usize * NUM_TAGS;
                    self.bump_emission(base + g.index(), 1.0);
                    self.bump_emission(base + p.index(), -1.0);
                }
            }
            let (gp, pp) = if t == 0 {
                (None, None)
            } else {
                (Some(ex.gold[t - 1]), Some(pred[t - 1]))
            };
            if g != p || gp != pp {
                self.bump_transition(gp, g, 1.0);
                self.bump_transition(pp, p, -1.0);
            }
        }
    }

    fn average(mut self) -> Weights {
        let c = self.c.max(1.0);
        for (w, a) in self.w.emission.iter_mut().zip(&self.acc_emission) {
            *w -= (*a / c) as f32;
        }
        for (w, a) in self.w.transition.iter_mut().zip(&self.acc_transition) {
            *w -= (*a / c) as f32;
        }
        self.w
    }
}

/// Trains the tagger on `sentences`: one model per clustering of the lexicon, each seeing
/// only its own clustering's cluster features (and its own seed), averaged into one. A
/// model's score is linear in its weights, so the average scores every token exactly as the
/// mean of the models' scores would (its second pass reading the average's first pass), at
/// the cost of one model. On the dev set, such an average of three scored 0.2 to 1.4 above
/// the mean of its members; four instead of three raised cross-validation by 0.16.
pub fn train(
    sentences: &[Sentence],
    lexicon: Lexicon,
    gazetteer: &Gazetteer,
    cfg: &TrainConfig,
) -> Model {
    let members: Vec<Member> = (0..CLUSTERINGS)
        .map(|m| {
            // mix64(0) is 0: the first model keeps the given seed.
            let cfg = TrainConfig {
                seed: cfg.seed ^ mix64(m as u64),
                ..cfg.clone()
            };
            train_member(sentences, &lexicon, gazetteer, &cfg, &(m..m + 1))
        })
        .collect();
    let mut weights = Vec::new();
    let mut second = Vec::new();
    let mut folds: Vec<Vec<Weights>> = Vec::new();
    let mut second_folds: Vec<Vec<Weights>> = Vec::new();
    for m in members {
        weights.push(m.weights);
        second.extend(m.second);
        folds.push(m.folds);
        second_folds.push(m.second_folds);
    }
    let weights = mean(weights, cfg.bits);
    if second.len() < CLUSTERINGS {
        return Model {
            lexicon,
            weights,
            second: None,
            o_bias: 0.0,
        };
    }
    let data = examples(sentences, &lexicon, gazetteer, cfg, &ALL_CLUSTERINGS);
    let o_bias = choose_o_bias(
        &data,
        &mean_per_fold(folds),
        &mean_per_fold(second_folds),
        cfg,
    );
    Model {
        lexicon,
        weights,
        second: Some(mean(second, cfg.bits)),
        o_bias,
    }
}

/// What one clustering's model learned: its weights, and the models of its cross-validation
/// folds (each trained without one fold of the sentences), for both passes.
struct Member {
    weights: Weights,
    second: Option<Weights>,
    folds: Vec<Weights>,
    second_folds: Vec<Weights>,
}

/// Fold `k`'s model of the average: the mean of every member's fold `k` model.
fn mean_per_fold(per_member: Vec<Vec<Weights>>) -> Vec<Weights> {
    let folds = per_member.first().map_or(0, Vec::len);
    let mut by_fold: Vec<Vec<Weights>> = (0..folds).map(|_| Vec::new()).collect();
    for member in per_member {
        for (k, w) in member.into_iter().enumerate() {
            by_fold[k].push(w);
        }
    }
    by_fold
        .into_iter()
        .map(|ws| {
            let bits = ws.first().map_or(0, |w| w.bits);
            mean(ws, bits)
        })
        .collect()
}

/// One clustering's model: an averaged structured perceptron (Viterbi decoding, seeded
/// shuffling each epoch) for the first pass, then, from first-pass tags predicted by
/// `folds` models each trained without the sentences it tags (contiguous folds), the second,
/// document-aware pass. Both passes also learn from a copy of the sentences with their names
/// replaced (see `augment`).
fn train_member(
    sentences: &[Sentence],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    cfg: &TrainConfig,
    clusterings: &Clusterings,
) -> Member {
    let data = examples(sentences, lexicon, gazetteer, cfg, clusterings);
    let copies = augment(sentences, lexicon, gazetteer, cfg.folds, cfg.seed);
    let copied = examples(&copies, lexicon, gazetteer, cfg, clusterings);
    let pool = training_pool(&data, &copied);
    if cfg.folds < 2 || data.len() < cfg.folds {
        return Member {
            weights: perceptron(&examples_of(&pool), cfg),
            second: None,
            folds: Vec::new(),
            second_folds: Vec::new(),
        };
    }
    // The full first-pass model and the fold models are independent: train them in parallel.
    let (weights, folds) = std::thread::scope(|s| {
        let full = s.spawn(|| mixed(&examples_of(&pool), cfg));
        let folds = fold_models(&pool, data.len(), cfg);
        (join(full), folds)
    });
    let second_data = second_pass_examples(&data, &folds, cfg);
    let second_copied = second_pass_examples(&copied, &folds, cfg);
    let second_pool = training_pool(&second_data, &second_copied);
    let (second, second_folds) = std::thread::scope(|s| {
        let second = s.spawn(|| mixed(&examples_of(&second_pool), cfg));
        let second_folds = fold_models(&second_pool, second_data.len(), cfg);
        (join(second), second_folds)
    });
    Member {
        weights,
        second: Some(second),
        folds,
        second_folds,
    }
}

/// The training examples with the index of the sentence each comes from: every original,
/// and the copies that name something (a copy without names would only repeat its original).
fn training_pool<'a>(data: &'a [Example], copied: &'a [Example]) -> Vec<(usize, &'a Example)> {
    let names = |e: &Example| e.gold.iter().any(|t| *t != Tag::O);
    data.iter()
        .enumerate()
        .chain(copied.iter().enumerate().filter(|(_, e)| names(e)))
        .collect()
}

/// The examples of a training pool, without their sentence indices.
fn examples_of<'a>(pool: &[(usize, &'a Example)]) -> Vec<&'a Example> {
    pool.iter().map(|p| p.1).collect()
}

/// Second-pass examples of `data` (one stream of consecutive sentences): first-pass tags
/// from the fold model that did not see each sentence, and the document context they give.
fn second_pass_examples(data: &[Example], folds: &[Weights], cfg: &TrainConfig) -> Vec<Example> {
    let (first_pass, conf): (Vec<Vec<Tag>>, Vec<Vec<u16>>) =
        jackknife(data, folds).into_iter().unzip();
    let stems: Vec<Vec<String>> = data.iter().map(|e| e.stems.clone()).collect();
    let ctx = contexts(&stems, &first_pass, WINDOW);
    data.iter()
        .zip(first_pass.iter().zip(&conf))
        .zip(&ctx)
        .map(|((e, (s1, sure)), c)| {
            let (feats, offsets) =
                with_doc_features(&e.feats, &e.offsets, s1, sure, c, &e.gaz, cfg.bits);
            Example {
                feats,
                offsets,
                gold: e.gold.clone(),
                stems: Vec::new(),
                gaz: Vec::new(),
            }
        })
        .collect()
}

/// Candidate biases against `O`.
const O_BIASES: [f32; 10] = [0.0, 1.0, 2.0, 4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0];

/// The bias against `O` that gives the best micro F1 on the held-out folds of `data` (the
/// sentences with every clustering's features), each fold tagged by the average's fold
/// models: `folds` for the first pass, `second_folds` for the second. The smallest bias wins
/// ties.
fn choose_o_bias(
    data: &[Example],
    folds: &[Weights],
    second_folds: &[Weights],
    cfg: &TrainConfig,
) -> f32 {
    let data = second_pass_examples(data, folds, cfg);
    let n = data.len();
    let mut scores = vec![Scores::default(); O_BIASES.len()];
    for (k, w) in second_folds.iter().enumerate() {
        for e in &data[fold_range(k, n, cfg.folds)] {
            let base = w.scores(&e.feats, &e.offsets);
            for (b, sc) in O_BIASES.iter().zip(scores.iter_mut()) {
                let mut biased = base.clone();
                Weights::bias_o(&mut biased, *b);
                sc.add(&e.gold, &w.viterbi(&biased));
            }
        }
    }
    let mut best = 0;
    for (i, sc) in scores.iter().enumerate() {
        if sc.micro().f1() > scores[best].micro().f1() {
            best = i;
        }
    }
    if std::env::var_os("AKHBAR_NER_CV").is_some() {
        eprintln!(
            "cross-validation ({} folds, bias 0):\n{}",
            cfg.folds, scores[0]
        );
    }
    if let Some(path) = std::env::var_os("AKHBAR_NER_CV_DUMP") {
        write_cv_tags(&path, &data, second_folds, O_BIASES[best], cfg);
    }
    O_BIASES[best]
}

/// Writes the held-out folds' tags (model output, before the output rules), one sentence
/// per line in training order, so that a rule can be checked on tags the models predicted
/// for sentences they never saw rather than on the dev set.
fn write_cv_tags(
    path: &std::ffi::OsStr,
    data: &[Example],
    models: &[Weights],
    bias: f32,
    cfg: &TrainConfig,
) {
    let n = data.len();
    let mut out = String::new();
    for (k, w) in models.iter().enumerate() {
        for e in &data[fold_range(k, n, cfg.folds)] {
            let mut scores = w.scores(&e.feats, &e.offsets);
            Weights::bias_o(&mut scores, bias);
            let tags: Vec<&str> = w.viterbi(&scores).into_iter().map(Tag::name).collect();
            out.push_str(&tags.join(" "));
            out.push('\n');
        }
    }
    if let Err(e) = std::fs::write(path, out) {
        eprintln!("writing the cross-validation tags: {e}");
    }
}

/// Sentences `k * n / folds .. (k + 1) * n / folds`: fold `k` of `n` sentences.
pub(super) fn fold_range(k: usize, n: usize, folds: usize) -> std::ops::Range<usize> {
    k * n / folds..(k + 1) * n / folds
}

/// First-pass tags (and their [`confidence`]) of every example of `data`, each from the fold
/// model trained without it.
fn jackknife(data: &[Example], folds: &[Weights]) -> Vec<(Vec<Tag>, Vec<u16>)> {
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    for (k, w) in folds.iter().enumerate() {
        out.extend(data[fold_range(k, n, folds.len())].iter().map(|e| {
            let scores = w.scores(&e.feats, &e.offsets);
            (w.viterbi(&scores), confidence(&scores))
        }));
    }
    out
}

/// One model per contiguous fold of the `n` sentences, trained on the examples of `pool` that
/// come from the other folds (in parallel threads; each is seeded alike, so the result does
/// not depend on scheduling).
fn fold_models(pool: &[(usize, &Example)], n: usize, cfg: &TrainConfig) -> Vec<Weights> {
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..cfg.folds)
            .map(|k| {
                s.spawn(move || {
                    let held_out = fold_range(k, n, cfg.folds);
                    let rest: Vec<&Example> = pool
                        .iter()
                        .filter(|(i, _)| !held_out.contains(i))
                        .map(|p| p.1)
                        .collect();
                    perceptron(&rest, cfg)
                })
            })
            .collect();
        handles.into_iter().map(join).collect()
    })
}

/// The value a scoped thread returned; a panic in it is raised again here.
pub(super) fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    match handle.join() {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e),
    }
}

/// Perceptrons averaged into each final model.
const MIX: u64 = 6;

/// The mean of [`MIX`] perceptrons trained with differently seeded shuffles (in parallel threads),
/// for the final models: less dependent on the order of the examples.
fn mixed(data: &[&Example], cfg: &TrainConfig) -> Weights {
    let models: Vec<Weights> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..MIX)
            .map(|k| {
                s.spawn(move || {
                    let cfg = TrainConfig {
                        seed: derive_seed(cfg.seed, k),
                        ..cfg.clone()
                    };
                    perceptron(data, &cfg)
                })
            })
            .collect();
        handles.into_iter().map(join).collect()
    });
    mean(models, cfg.bits)
}

/// The mean of models' weights.
fn mean(models: Vec<Weights>, bits: u32) -> Weights {
    let scale = 1.0 / models.len() as f32;
    let mut iter = models.into_iter();
    let Some(mut out) = iter.next() else {
        return Weights::zeros(bits);
    };
    for m in iter {
        out.emission
            .iter_mut()
            .zip(&m.emission)
            .for_each(|(a, b)| *a += b);
        out.transition
            .iter_mut()
            .zip(&m.transition)
            .for_each(|(a, b)| *a += b);
    }
    out.emission.iter_mut().for_each(|a| *a *= scale);
    out.transition.iter_mut().for_each(|a| *a *= scale);
    out
}

fn perceptron(data: &[&Example], cfg: &TrainConfig) -> Weights {
    let w = Weights::zeros(cfg.bits);
    let mut state = Averaged {
        acc_emission: vec![0.0; w.emission.len()],
        acc_transition: vec![0.0; w.transition.len()],
        w,
        c: 1.0,
    };
    let mut rng = SplitMix64::new(cfg.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let ex = data[i];
            let pred = state.w.viterbi(&state.w.scores(&ex.feats, &ex.offsets));
            if pred != ex.gold {
                state.update(ex, &pred);
            }
            state.c += 1.0;
        }
    }
    state.average()
}

/// True positives, false positives and false negatives of one entity kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Entity-level exact-match scores per kind (in [`EntityKind::ALL`] order) and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub per_kind: [Counts; 4],
}

impl Scores {
    pub fn add(&mut self, gold: &[Tag], pred: &[Tag]) {
        let g = spans(gold);
        let p = spans(pred);
        for (k, kind) in EntityKind::ALL.iter().enumerate() {
            let gk: Vec<_> = g.iter().filter(|s| s.2 == *kind).collect();
            let pk: Vec<_> = p.iter().filter(|s| s.2 == *kind).collect();
            let tp = pk.iter().filter(|s| gk.contains(s)).count();
            let c = &mut self.per_kind[k];
            c.tp += tp;
            c.fp += pk.len() - tp;
            c.fn_ += gk.len() - tp;
        }
    }

    /// Micro-averaged counts over all kinds.
    pub fn micro(&self) -> Counts {
        self.per_kind.iter().fold(Counts::default(), |a, c| Counts {
            tp: a.tp + c.tp,
            fp: a.fp + c.fp,
            fn_: a.fn_ + c.fn_,
        })
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "type      P      R      F1    (tp/fp/fn)")?;
        let rows = EntityKind::ALL
            .iter()
            .map(|k| k.code())
            .zip(self.per_kind.iter().copied());
        for (name, c) in rows.chain(std::iter::once(("micro", self.micro()))) {
            writeln!(
                f,
                "{name:<6} {:6.2} {:6.2} {:6.2}    ({}/{}/{})",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )?;
        }
        Ok(())
    }
}

/// Scores `recognizer` on tagged sentences (tokens exactly as given).
pub fn evaluate(recognizer: &Recognizer, sentences: &[Sentence]) -> Scores {
    let mut scores = Scores::default();
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let tagged = recognizer.tag_sentences(&words);
    for (s, pred) in sentences.iter().zip(&tagged) {
        scores.add(&s.tags, pred);
    }
    scores
}
