//! Named-entity recognition for Arabic news: a statistical BIO tagger (PERS, LOC, ORG,
//! MISC), gazetteers, and grouping of mentions into entities.
//!
//! # Model
//! An averaged structured perceptron over hashed features with first-order Viterbi decoding
//! constrained to well-formed BIO (see [`features`] for the feature set, [`model`] for the
//! file format). It is trained from ANERcorp by `src/bin/train-ner.rs`; word clusters and
//! frequencies come from unlabeled news (the `--unlabeled` folder). The default model,
//! `assets/ner/model.bin`, is compiled into the binary with `include_bytes!`, so the program
//! needs no files at run time. Gazetteers (`assets/ner/gazetteer/*.txt`) are compiled in too
//! and feed features; a user's `entities.toml` (see [`gazetteer`]) overrides the model.
//!
//! # API
//! - [`Recognizer::load_default`] — the embedded model and gazetteers.
//! - [`Recognizer::with_user_entities`] — add entries from `entities.toml` text; a mention
//!   matching a user entry gets the user's type and name.
//! - [`Recognizer::tag_tokens`] — BIO tags (`"O"`, `"B-PERS"`, `"I-LOC"` …, spelled as in
//!   ANERcorp) for tokens exactly as given.
//! - [`Recognizer::tag_conll`] — the same over `token` lines with blank lines between
//!   sentences, writing `token\tTAG` (what `akhbar ner` prints).
//! - [`Recognizer::entities`] — entities of an article's text (title and paragraphs joined
//!   with `\n`): tokenized with [`crate::text::tokenize`], split into sentences at line breaks
//!   and at `. ! ? ؟`, tagged, then grouped.
//!
//! # Mentions and entities
//! [`Mention::range`] is a byte range into the text passed to `entities`. It EXCLUDES the
//! proclitics و ف ب ل ك (`وموسكو` → `موسكو` is highlighted), except in the fused `لل`
//! (`للصين`), where the whole word is kept. Mentions are grouped by [`Entity::key`]: the
//! mention's normalized words (`text::normalize`: إ أ آ → ا, ى → ي, ة → ه, no harakat) with
//! the first word's proclitics removed (`لموسكو` → `موسكو`, `للصين` → `الصين`); which letters
//! are proclitics is decided by word frequencies in the unlabeled news, so `بكين` keeps its
//! ب. A person mention whose key is the first or last words of exactly one longer person key
//! in the same text joins it (`بوتين` → `فلاديمير بوتين`). An entity's kind is its mentions'
//! majority (first seen wins ties); its name is its most complete form (most words, then most
//! frequent), clitics removed. Entities are sorted by number of mentions, then position.
//! [`EntityKind`] serializes as lowercase (`"person"` …); [`EntityKind::code`] gives
//! ANERcorp's `PERS`/`LOC`/`ORG`/`MISC`.

pub mod clusters;
pub mod features;
pub mod gazetteer;
mod group;
pub mod lexicon;
pub mod model;
mod rng;
pub mod rules;
pub mod tags;
pub mod train;

use std::collections::HashSet;
use std::io::{self, BufRead, Write};
use std::ops::Range;

use anyhow::Context;
use serde::{Deserialize, Serialize};

pub use gazetteer::Gazetteer;
use group::RawMention;
pub use model::Model;
use tags::Tag;
pub use tags::{EntityKind, TAG_NAMES};

use crate::text::tokenize::Token;
use crate::text::{normalize, tokenize};

/// The model compiled into the binary (produced by `train-ner`, see the README).
static DEFAULT_MODEL: &[u8] = include_bytes!("../../../assets/ner/model.bin");

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offsets in the text given to [`Recognizer::entities`] (proclitic excluded).
    pub range: Range<usize>,
    /// The surface text at `range`.
    pub text: String,
}

/// Mentions of one thing, grouped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Display name: the most complete form, clitics removed.
    pub name: String,
    /// Normalized grouping key.
    pub key: String,
    pub kind: EntityKind,
    /// In text order.
    pub mentions: Vec<Mention>,
}

/// The recognizer: model, built-in gazetteers and the user's entries.
#[derive(Debug, Clone)]
pub struct Recognizer {
    model: Model,
    gazetteer: Gazetteer,
    user: Gazetteer,
}

impl Recognizer {
    /// The embedded default model with the built-in gazetteers.
    pub fn load_default() -> anyhow::Result<Self> {
        Self::from_model_bytes(DEFAULT_MODEL).context("loading the embedded NER model")
    }

    /// A recognizer from a model file's bytes (see [`Model::to_bytes`]).
    pub fn from_model_bytes(bytes: &[u8]) -> anyhow::Result<Self> {
        Ok(Self::from_model(Model::from_bytes(bytes)?))
    }

    /// A recognizer from a trained model, with the built-in gazetteers.
    pub fn from_model(model: Model) -> Self {
        Recognizer { model, gazetteer: Gazetteer::builtin(), user: Gazetteer::default() }
    }

    /// Adds user entries from `entities.toml` text; they win over the model.
    pub fn with_user_entities(self, toml: &str) -> Result<Self, toml::de::Error> {
        Ok(self.with_user_gazetteer(Gazetteer::from_toml_str(toml)?))
    }

    /// Adds (merges) user entries; later ones win.
    pub fn with_user_gazetteer(mut self, user: Gazetteer) -> Self {
        self.user.merge(user);
        self
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// BIO tags for one sentence's tokens, exactly as given.
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<&'static str> {
        self.tag_tokens_internal(tokens).into_iter().map(Tag::name).collect()
    }

    pub(crate) fn tag_tokens_internal(&self, tokens: &[&str]) -> Vec<Tag> {
        let infos = features::token_infos(tokens, &self.model.lexicon, &self.gazetteer);
        let (mut feats, mut offsets) = (Vec::new(), Vec::new());
        features::extract(&infos, tokens, self.model.weights.bits, &mut feats, &mut offsets);
        let mut tags = self.model.weights.viterbi(&self.model.weights.scores(&feats, &offsets));
        rules::extend_org_nisba(tokens, &mut tags);
        let norms: Vec<String> = infos.into_iter().map(|i| i.norm).collect();
        rules::apply_user_entries(&norms, &self.user, &mut tags);
        tags
    }

    /// Tags CoNLL-style input: one token per line, blank lines between sentences. Writes
    /// `token\tTAG` per token and keeps blank lines; tokens are not changed (surrounding
    /// whitespace on a line is trimmed).
    pub fn tag_conll(&self, input: impl BufRead, mut output: impl Write) -> io::Result<()> {
        let mut sentence: Vec<String> = Vec::new();
        for line in input.lines() {
            let line = line?;
            let token = line.trim();
            if token.is_empty() {
                self.write_sentence(&sentence, &mut output)?;
                sentence.clear();
                writeln!(output)?;
            } else {
                sentence.push(token.to_string());
            }
        }
        self.write_sentence(&sentence, &mut output)?;
        output.flush()
    }

    fn write_sentence(&self, sentence: &[String], output: &mut impl Write) -> io::Result<()> {
        let toks: Vec<&str> = sentence.iter().map(String::as_str).collect();
        for (tok, tag) in toks.iter().zip(self.tag_tokens(&toks)) {
            writeln!(output, "{tok}\t{tag}")?;
        }
        Ok(())
    }

    /// Entities in an article's text (title and paragraphs joined with `\n`).
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        group::group(self.mentions(text))
    }

    fn mentions(&self, text: &str) -> Vec<RawMention> {
        let tokens = tokenize(text);
        let standalone: HashSet<String> = tokens.iter().map(|t| normalize(t.text)).collect();
        let mut out = Vec::new();
        for sentence in sentences(text, &tokens) {
            let words: Vec<&str> = sentence.iter().map(|t| t.text).collect();
            let tags = self.tag_tokens_internal(&words);
            for (start, end, kind) in tags::spans(&tags) {
                out.push(self.raw_mention(text, &sentence[start..end], kind, &standalone));
            }
        }
        out
    }

    fn raw_mention(&self, text: &str, toks: &[Token<'_>], kind: EntityKind, standalone: &HashSet<String>) -> RawMention {
        let norms: Vec<String> = toks.iter().map(|t| normalize(t.text)).collect();
        let known = |w: &str| standalone.contains(w) || self.gazetteer.knows_word(w) || self.user.knows_word(w);
        let split = self.model.lexicon.split(&norms[0], known);
        let fused = split.surface_start + "ل".len() == split.prefix.len() && split.stem.starts_with("ال");
        let skip = split.prefix.chars().count() - usize::from(fused);
        let first = &toks[0];
        let start = first.range.start + surface_offset(first.text, skip);
        let range = start..toks[toks.len() - 1].range.end;
        let surface = &text[range.clone()];
        let display = match surface.strip_prefix('ل').filter(|_| fused) {
            Some(rest) => format!("ا{rest}"),
            None => surface.to_string(),
        };
        let mut key_words = vec![split.stem.clone()];
        key_words.extend(norms[1..].iter().cloned());
        let key = key_words.join(" ");
        let canonical = self.user.get(&key).map(|e| e.name.clone());
        let (key, kind) = match self.user.get(&key) {
            Some(e) => (gazetteer::name_key(&e.name), e.kind),
            None => (key, kind),
        };
        RawMention { range, text: surface.to_string(), display, key, kind, tokens: toks.len(), canonical }
    }
}

/// Byte offset in `word` after its first `letters` letters (and any marks following them).
fn surface_offset(word: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        if normalize(&c.to_string()).is_empty() {
            continue;
        }
        if seen == letters {
            return i;
        }
        seen += 1;
    }
    if seen == letters { word.len() } else { 0 }
}

/// Sentences of `tokens`: a line break between two tokens or a `. ! ? ؟` token ends one.
fn sentences<'a>(text: &str, tokens: &[Token<'a>]) -> Vec<Vec<Token<'a>>> {
    let mut out: Vec<Vec<Token<'a>>> = Vec::new();
    let mut cur: Vec<Token<'a>> = Vec::new();
    let mut prev_end = 0;
    for t in tokens {
        if !cur.is_empty() && text[prev_end..t.range.start].contains('\n') {
            out.push(std::mem::take(&mut cur));
        }
        prev_end = t.range.end;
        cur.push(t.clone());
        if matches!(t.text, "." | "!" | "?" | "؟") {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
