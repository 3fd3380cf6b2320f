//! Named-entity recognition for Arabic news: a statistical BIO tagger (PERS, LOC, ORG,
//! MISC), gazetteers, and grouping of mentions into entities.
//!
//! # Model
//! An averaged structured perceptron over hashed features with first-order Viterbi decoding
//! constrained to well-formed BIO (see [`features`] for the feature set, [`model`] for the
//! file format). It is trained from ANERcorp by `src/bin/train-ner.rs`, as the average of
//! four models that differ in their word clusters (`train`); word clusters (k-means over
//! skip-gram word vectors, four differently seeded runs, see `clusters` and `embed`) and
//! frequencies, and cues such as how often a word follows a title there, come from unlabeled
//! news (the `--unlabeled` folder); what a morphological analyser says each of those words can
//! be (verb, noun, proper noun, function word, or nothing it knows) comes from
//! `assets/ner/morphology.tsv` (see [`morph`]). The default model, `assets/ner/model.bin`, is
//! compiled into the binary with `include_bytes!`, so the program needs no files at run time.
//! Gazetteers (`assets/ner/gazetteer/*.txt`) are compiled in too and feed features; a user's
//! `entities.toml` (see [`gazetteer`]) overrides the model. The tagger's output then goes
//! through the rules of [`rules`].
//!
//! # API
//! - [`Recognizer::load_default`] — the embedded model and gazetteers.
//! - [`Recognizer::with_user_entities`] — add entries from `entities.toml` text; a mention
//!   matching a user entry gets the user's type and name. [`Recognizer::with_user_entities_in`]
//!   reads `entities.toml` from a config directory (absent file: no entries).
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

mod augment;
pub mod clusters;
pub mod doc;
mod embed;
pub mod features;
pub mod gazetteer;
mod group;
pub mod lexicon;
pub mod model;
pub mod morph;
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
use model::PackedModel;
use tags::Tag;
pub use tags::{EntityKind, TAG_NAMES};

use crate::text::tokenize::{Clitics, Token, proclitic_splits};
use crate::text::{normalize, normalize_name, tokenize};

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
    /// Other names it was grouped from in this article (a surname, a listed spelling), so
    /// that the folder's index finds the article under them too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Places named inside its name (`الكاف` in `المستشفى الجهوي بالكاف`, rule 25), so that
    /// the folder's index finds the article under them too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
}

/// The recognizer: model, built-in gazetteers and the user's entries.
#[derive(Debug, Clone)]
pub struct Recognizer {
    model: PackedModel,
    gazetteer: Gazetteer,
    /// Names matched on the tagger's output in the panel only (`assets/ner/panel-names.txt`):
    /// the built-in lists feed the tagger's features, so a name added there needs a new model.
    panel_names: Gazetteer,
    user: Gazetteer,
}

/// The panel-only names (see [`Recognizer`]).
const PANEL_NAMES: &str = include_str!("../../../assets/ner/panel-names.txt");

impl Recognizer {
    /// The embedded default model with the built-in gazetteers.
    pub fn load_default() -> anyhow::Result<Self> {
        Self::from_model_bytes(DEFAULT_MODEL).context("loading the embedded NER model")
    }

    /// A recognizer from a model file's bytes (see [`Model::to_bytes`]).
    pub fn from_model_bytes(bytes: &[u8]) -> anyhow::Result<Self> {
        // The lists and the model do not depend on each other: build them side by side.
        let (model, gazetteer) = std::thread::scope(|s| {
            let lists = s.spawn(Gazetteer::builtin);
            let model = PackedModel::from_bytes(bytes);
            let lists = lists
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (model, lists)
        });
        Ok(Recognizer {
            model: model?,
            gazetteer,
            panel_names: Gazetteer::from_lines(PANEL_NAMES),
            user: Gazetteer::default(),
        })
    }

    /// A recognizer from a trained model, with the built-in gazetteers.
    pub fn from_model(model: Model) -> Self {
        Self::from_packed(PackedModel::new(model))
    }

    fn from_packed(model: PackedModel) -> Self {
        Recognizer {
            model,
            gazetteer: Gazetteer::builtin(),
            panel_names: Gazetteer::from_lines(PANEL_NAMES),
            user: Gazetteer::default(),
        }
    }

    /// Adds user entries from `entities.toml` text; they win over the model.
    pub fn with_user_entities(self, toml: &str) -> Result<Self, toml::de::Error> {
        Ok(self.with_user_gazetteer(Gazetteer::from_toml_str(toml)?))
    }

    /// Adds the user entries of `entities.toml` in `config_dir`, if that file exists.
    pub fn with_user_entities_in(self, config_dir: &std::path::Path) -> anyhow::Result<Self> {
        Ok(match user_entities_in(config_dir)? {
            Some(user) => self.with_user_gazetteer(user),
            None => self,
        })
    }

    /// Adds (merges) user entries; later ones win.
    pub fn with_user_gazetteer(mut self, user: Gazetteer) -> Self {
        self.user.merge(user);
        self
    }

    /// BIO tags for one sentence's tokens, exactly as given.
    pub fn tag_tokens(&self, tokens: &[&str]) -> Vec<&'static str> {
        self.tag_tokens_internal(tokens)
            .into_iter()
            .map(Tag::name)
            .collect()
    }

    pub(crate) fn tag_tokens_internal(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_document(&[tokens.to_vec()], 0)
            .pop()
            .unwrap_or_default()
    }

    /// Tags sentences without document breaks (CoNLL input): the second pass looks at the
    /// sentences within [`doc::WINDOW`] on either side.
    pub fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        self.tag_document(sentences, doc::WINDOW)
    }

    /// Tags the sentences of one document. The second pass looks at other sentences within
    /// `window` sentences on either side (`usize::MAX`: the whole document).
    pub(crate) fn tag_document(&self, sentences: &[Vec<&str>], window: usize) -> Vec<Vec<Tag>> {
        self.tag_document_with_words(sentences, window)
            .into_iter()
            .map(|t| t.tags)
            .collect()
    }

    /// [`Self::tag_document`], keeping what the tagger learned of each word on the way.
    fn tag_document_with_words(&self, sentences: &[Vec<&str>], window: usize) -> Vec<Tagged> {
        let bits = self.model.first.bits;
        let mut passes: Vec<FirstPass> = sentences
            .iter()
            .map(|s| {
                if ends_unstopped(s) {
                    self.first_pass(&[s.as_slice(), &["."]].concat())
                } else {
                    self.first_pass(s)
                }
            })
            .collect();
        if let Some(second) = &self.model.second {
            let stems: Vec<Vec<String>> = passes.iter().map(|p| p.stems.clone()).collect();
            let tags: Vec<Vec<Tag>> = passes.iter().map(|p| p.tags.clone()).collect();
            let ctx = doc::contexts(&stems, &tags, window);
            for (p, c) in passes.iter_mut().zip(&ctx) {
                let (f, o) = features::with_doc_features(
                    &p.feats, &p.offsets, &p.tags, &p.conf, c, &p.gaz, bits,
                );
                let mut scores = second.scores(&f, &o);
                model::Weights::bias_o(&mut scores, self.model.o_bias);
                p.tags = second.viterbi(&scores);
            }
        }
        passes
            .into_iter()
            .zip(sentences)
            .map(|(mut p, s)| {
                p.drop_stop_added(s.len());
                rules::complete_listed_names(&p.gaz, EntityKind::Person, |_, _| false, &mut p.tags);
                rules::persons_without_numbers(&p.norms, &mut p.tags);
                rules::split_persons_at_and(&p.norms, &self.gazetteer, &mut p.tags);
                rules::join_adjacent_persons(&p.norms, &mut p.tags);
                let count = |w: &str| self.model.lexicon.count(w);
                rules::finish_person_connectors(&p.norms, count, &mut p.tags);
                rules::quoted_work_titles(&p.norms, &p.stems, &mut p.tags);
                rules::quoted_organisation_names(&p.norms, &mut p.tags);
                rules::apply_user_entries(&p.norms, &self.user, &mut p.tags);
                Tagged {
                    tags: p.tags,
                    norms: p.norms,
                    gaz: p.gaz,
                    places: Vec::new(),
                }
            })
            .collect()
    }

    fn first_pass(&self, tokens: &[&str]) -> FirstPass {
        let infos = features::token_infos(tokens, &self.model.lexicon, &self.gazetteer);
        let (mut feats, mut offsets) = (Vec::new(), Vec::new());
        features::extract(
            &infos,
            tokens,
            self.model.first.bits,
            &features::ALL_CLUSTERINGS,
            &mut feats,
            &mut offsets,
        );
        let mut scores = self.model.first.scores(&feats, &offsets);
        if self.model.second.is_none() {
            model::Weights::bias_o(&mut scores, self.model.o_bias);
        }
        let tags = self.model.first.viterbi(&scores);
        let conf = features::confidence(&scores);
        let gaz = infos
            .iter()
            .map(features::TokenInfo::gazetteer_kinds)
            .collect();
        let (norms, stems) = infos.into_iter().map(|i| (i.norm, i.stem)).unzip();
        FirstPass {
            feats,
            offsets,
            tags,
            conf,
            norms,
            stems,
            gaz,
        }
    }

    /// Tags CoNLL-style input: one token per line, blank lines between sentences. Writes
    /// `token\tTAG` per token and keeps blank lines; tokens are not changed (whitespace around
    /// a token on its line is trimmed). The input is read whole: the second pass looks at
    /// sentences within [`doc::WINDOW`] on either side, as the input has no document breaks.
    pub fn tag_conll(&self, input: impl BufRead, mut output: impl Write) -> io::Result<()> {
        let mut sentences: Vec<Vec<String>> = Vec::new();
        // Blank lines after each sentence (index 0: blank lines before the first one).
        let mut blanks: Vec<usize> = vec![0];
        let mut open = false;
        for line in input.lines() {
            let line = line?;
            let token = line.trim();
            if token.is_empty() {
                open = false;
                if let Some(b) = blanks.last_mut() {
                    *b += 1;
                }
            } else {
                if !open {
                    sentences.push(Vec::new());
                    blanks.push(0);
                    open = true;
                }
                if let Some(s) = sentences.last_mut() {
                    s.push(token.to_string());
                }
            }
        }
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let tagged = self.tag_sentences(&words);
        write_blanks(&mut output, blanks[0])?;
        for ((toks, tags), &after) in words.iter().zip(&tagged).zip(&blanks[1..]) {
            for (tok, tag) in toks.iter().zip(tags) {
                writeln!(output, "{tok}\t{}", tag.name())?;
            }
            write_blanks(&mut output, after)?;
        }
        output.flush()
    }

    /// Entities in an article's text (title and paragraphs joined with `\n`).
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        group::group(self.mentions(text), &self.gazetteer, &self.panel_names)
    }

    fn mentions(&self, text: &str) -> Vec<RawMention> {
        let tokens = tokenize(text);
        let standalone: HashSet<String> = tokens.iter().map(|t| normalize(t.text)).collect();
        let mut out = Vec::new();
        let sents = sentences(text, &tokens);
        let words: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.iter().map(|t| t.text).collect())
            .collect();
        let mut tagged = self.tag_article(&words);
        for (words, t) in words.iter().zip(tagged.iter_mut()) {
            if mostly_latin(words) {
                self.listed_names_only(&t.norms, &mut t.tags);
            } else {
                self.apply_article_rules(words, t);
            }
        }
        let stems: Vec<Vec<String>> = tagged
            .iter()
            .map(|t| {
                t.norms
                    .iter()
                    .map(|w| {
                        let known = |s: &str| {
                            stands_alone(&standalone, w, s) || self.gazetteer.knows_word(s)
                        };
                        self.model.lexicon.split(w, known).stem
                    })
                    .collect()
            })
            .collect();
        let mut tags = Vec::with_capacity(tagged.len());
        let mut norms = Vec::with_capacity(tagged.len());
        let mut places = Vec::with_capacity(tagged.len());
        for t in tagged {
            tags.push(t.tags);
            norms.push(t.norms);
            places.push(t.places);
        }
        rules::propagate_names(&stems, &mut tags);
        for (((sentence, tags), norms), places) in sents.iter().zip(tags).zip(&norms).zip(&places) {
            for (start, end, kind) in tags::spans(&tags) {
                let span = (&sentence[start..end], &norms[start..end]);
                let mut mention = self.raw_mention(text, span, kind, &standalone);
                mention.places = places
                    .iter()
                    .filter(|p| start <= p.start && p.end <= end)
                    .map(|p| place_name(text, &sentence[p.clone()]))
                    .collect();
                if !self.is_bare_head(&mention) {
                    out.push(mention);
                }
            }
        }
        out
    }

    /// Whether a normalized word is an organisation's or a place's head word in the lists
    /// (`منظمة`, `وزارة`, `مدينة`) or a landform's (`وادي`, rule 23).
    fn is_head_word(&self, word: &str) -> bool {
        use gazetteer::WordClass;
        let heads = (1 << WordClass::OrgTrigger as u8) | (1 << WordClass::LocTrigger as u8);
        self.gazetteer.word_classes(word) & heads != 0 || rules::LANDFORM_HEADS.contains(&word)
    }

    /// A one-word mention that is only an indefinite head word (`منظمة`, `معهد`, `مملكة`,
    /// `حزب`) says what something is, not which: the panel leaves it out. Definite heads
    /// stay (`الاتحاد` is how Tunisian news names its union), as do titles (`أمين` and
    /// `أميرة` are also given names) and anything the lists or the user name.
    fn is_bare_head(&self, mention: &RawMention) -> bool {
        let key = mention.key.as_str();
        mention.tokens == 1
            && mention.canonical.is_none()
            && !key.starts_with("ال")
            && self.is_head_word(key)
            && self.gazetteer.get(key).is_none()
    }

    /// Tags an article's sentences as one document, or, past [`DOC_CHUNK_TOKENS`] tokens
    /// (megabytes: a dump or a hostile file), in parts of about that many, so that what
    /// tagging holds at once stays bounded.
    fn tag_article(&self, words: &[Vec<&str>]) -> Vec<Tagged> {
        let mut out = Vec::with_capacity(words.len());
        let mut rest = words;
        while !rest.is_empty() {
            let mut tokens = 0;
            let take = rest
                .iter()
                .take_while(|s| {
                    tokens += s.len();
                    tokens <= DOC_CHUNK_TOKENS
                })
                .count()
                .max(1);
            let (part, after) = rest.split_at(take);
            out.extend(self.tag_document_with_words(part, usize::MAX));
            rest = after;
        }
        out
    }

    /// Rules 1–4, 12–14 and 17–27 of [`rules`] (organisation names with their adjectives,
    /// complements and conjuncts; regional institutions; competitions with their game; listed
    /// names the tagger left out or that quotes cut, built-in and panel-only; listed places
    /// and persons; landforms and saints' places; laws and codes; then
    /// [`Self::apply_institution_rules`]), then the user's entries again so that they still
    /// win.
    fn apply_article_rules(&self, words: &[&str], tagged: &mut Tagged) {
        let Tagged {
            tags,
            norms,
            gaz,
            places,
        } = tagged;
        let place = EntityKind::Location;
        let is_head = |w: &str| {
            self.gazetteer.word_classes(w) & (1 << gazetteer::WordClass::OrgTrigger as u8) != 0
                || rules::TEAM_HEADS.contains(&w)
        };
        rules::extend_org_nisba(words, tags);
        rules::org_head_before_org(words, is_head, tags);
        rules::org_head_nisba(words, is_head, tags);
        rules::regional_institutions(words, tags);
        rules::extend_org_complement(words, |w| self.model.lexicon.count(w), tags);
        rules::extend_org_conjuncts(words, is_head, tags);
        rules::extend_competition_game(words, tags);
        rules::named_laws(words, norms, tags);
        let listed_place = |w: &str| self.gazetteer.lists_whole(&[w.to_string()], place);
        rules::regional_place(words, listed_place, tags);
        rules::tag_listed_names_left_out(norms, gaz, tags);
        let panel_gaz = self.panel_names.kinds_per_token(norms);
        rules::tag_listed_names_left_out(norms, &panel_gaz, tags);
        let listed_kind = |words: &[String]| {
            let mut kinds = EntityKind::ALL
                .into_iter()
                .filter(|&k| self.gazetteer.lists_whole(words, k));
            kinds.next().filter(|_| kinds.next().is_none())
        };
        rules::listed_names_around_quotes(norms, listed_kind, tags);
        let name_like = |w: &str| {
            self.model.lexicon.get(w).is_none_or(|info| {
                info.cues[lexicon::OTHER_ARTICLE_CUE] <= NAME_LIKE_BUCKET
                    && info.cues[lexicon::SUFFIX_CUE] <= NAME_LIKE_BUCKET
            })
        };
        rules::listed_places_left_out(norms, gaz, listed_place, name_like, tags);
        let common = |w: &str| self.model.lexicon.count(w) >= LANDFORM_NAME_COUNT;
        rules::landform_places(words, norms, common, tags);
        let is_given = |w: &str| self.gazetteer.is_given_name(w);
        let is_title = |w: &str| {
            self.gazetteer.word_classes(w) & (1 << gazetteer::WordClass::Title as u8) != 0
        };
        rules::saints_places(norms, is_given, is_title, tags);
        let after_head = |w: &str| {
            proclitic_splits(w)
                .iter()
                .any(|c| self.is_head_word(&c.stem))
        };
        rules::listed_persons_left_out(norms, gaz, name_like, after_head, tags);
        let org = EntityKind::Organization;
        let keep_org = |part: Range<usize>, _| self.gazetteer.lists_whole(&norms[part], org);
        rules::complete_listed_names(gaz, org, keep_org, tags);
        let keep_place = |part: Range<usize>, name: Range<usize>| {
            let listed = |words: &[String]| self.gazetteer.lists_whole(words, place);
            rules::place_part_stands(norms, part, name, listed)
        };
        rules::complete_listed_names(gaz, place, keep_place, tags);
        let whole = |span: Range<usize>| {
            rules::is_regional_institution(&words[span.clone()])
                || self.gazetteer.lists_whole(&norms[span], org)
        };
        rules::split_org_before_name(words, whole, tags);
        *places = self.apply_institution_rules(words, norms, tags);
        rules::apply_user_entries(norms, &self.user, tags);
    }

    /// Rule 4 once more, for a local unit's head before its body now that the bodies are
    /// whole (`فرقة الشرطة العدلية`), then rules 27, 25 and 26: institutions named after
    /// someone, the places institutions serve, media without their kind. Returns the places
    /// taken into institutions' names.
    fn apply_institution_rules(
        &self,
        words: &[&str],
        norms: &[String],
        tags: &mut [Tag],
    ) -> Vec<Range<usize>> {
        let (place, org) = (EntityKind::Location, EntityKind::Organization);
        rules::org_head_before_org(words, rules::is_unit_head, tags);
        rules::institutions_named_after(words, norms, tags);
        let listed_org = |span: Range<usize>| {
            self.gazetteer.lists_whole(&norms[span.clone()], org)
                || self.panel_names.lists_whole(&norms[span], org)
        };
        let listed_place = |words: &[String]| self.gazetteer.lists_whole(words, place);
        let exact_place = |w: &str| {
            self.gazetteer
                .get(w)
                .is_some_and(|e| e.kinds & gazetteer::kind_bit(place) != 0)
        };
        let places =
            rules::places_in_institution_names(norms, listed_org, listed_place, exact_place, tags);
        // Listed whole as something else than a medium (`قناة السويس`, a canal); the lists
        // write some channels with their kind (`قناة نسمة`), which still goes.
        let listed_otherwise = |span: Range<usize>| {
            EntityKind::ALL
                .into_iter()
                .filter(|&k| k != org)
                .any(|k| self.gazetteer.lists_whole(&norms[span.clone()], k))
        };
        let place_word = |w: &str| listed_place(&[w.to_string()]);
        rules::medium_names_without_their_kind(words, norms, listed_otherwise, place_word, tags);
        places
    }

    /// A sentence the tagger cannot read keeps only the names the lists give, built-in and
    /// the user's.
    fn listed_names_only(&self, norms: &[String], tags: &mut Vec<Tag>) {
        tags.fill(Tag::O);
        rules::apply_user_entries(norms, &self.gazetteer, tags);
        rules::apply_user_entries(norms, &self.user, tags);
    }

    /// How a mention's first word splits when the counts are not to be trusted: the split
    /// that makes the mention a listed name (`بقصر قرطاج` → `قصر قرطاج`), else one leaving an
    /// organisation or place head (`لوكالة` → `وكالة`; a head stays whole: `بحر`). A name
    /// does not begin with a preposition, however common the joined form is in the news
    /// (`قال لوكالة …` outnumbers `وكالة` in Tunisian radio news).
    fn name_split<'w>(&self, norms: &'w [String]) -> Option<Clitics<'w>> {
        let rest = norms[1..]
            .iter()
            .filter(|w| !rules::is_quote(w))
            .map(|w| format!(" {w}"))
            .collect::<String>();
        let listed = |stem: &str| {
            let key = format!("{stem}{rest}");
            self.gazetteer.get(&key).is_some() || self.user.get(&key).is_some()
        };
        let is_head = |w: &str| self.is_head_word(w);
        let splits = proclitic_splits(&norms[0]);
        if norms.len() > 1 {
            // Whole word first: a listed name may itself start like a proclitic (`بحر`).
            if let Some(i) = splits.iter().rposition(|c| listed(&c.stem)) {
                return splits.into_iter().nth(i);
            }
        } else if !listed(&norms[0]) {
            // A listed one-word name after `ب` or `و` (`بقليبية`, `وجوبا`), however much more
            // often the news writes the joined form. Not after `ك`, `ل` or `ف`: `كين` (Kane)
            // and `فلين` (Flynn) are names too rare for the lists.
            let joined = |c: &Clitics<'_>| matches!(c.prefix, "ب" | "و" | "وب");
            if let Some(i) = splits.iter().position(|c| joined(c) && listed(&c.stem)) {
                return splits.into_iter().nth(i);
            }
        }
        if is_head(&norms[0]) {
            return splits.into_iter().last();
        }
        splits
            .into_iter()
            .find(|c| !c.prefix.is_empty() && is_head(&c.stem))
    }

    /// The mention of the tokens `span.0`, whose normalized forms are `span.1`.
    fn raw_mention(
        &self,
        text: &str,
        (toks, norms): (&[Token<'_>], &[String]),
        kind: EntityKind,
        standalone: &HashSet<String>,
    ) -> RawMention {
        // A person's name after و is usually two words, و and a given name (`وسناء` → `سناء`),
        // even when the given name is too rare in the news for the counts to say so.
        let given = |w: &str| kind == EntityKind::Person && self.gazetteer.is_given_name(w);
        let known = |w: &str| {
            stands_alone(standalone, &norms[0], w)
                || self.gazetteer.knows_word(w)
                || self.user.knows_word(w)
                || given(w)
        };
        let split = self
            .name_split(norms)
            .unwrap_or_else(|| self.model.lexicon.split(&norms[0], known));
        let fused =
            split.surface_start + "ل".len() == split.prefix.len() && split.stem.starts_with("ال");
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
        // `الجوهرة "اف ام"` is grouped with `الجوهرة اف ام` (rule 19).
        key_words.extend(norms[1..].iter().filter(|w| !rules::is_quote(w)).cloned());
        let key = key_words.join(" ");
        let canonical = self.user.get(&key).map(|e| e.name.clone());
        let (key, kind) = match self.user.get(&key) {
            Some(e) => (gazetteer::name_key(&e.name), e.kind),
            None => (key, kind),
        };
        // Grouped by the name form, which also folds hamza seats (`قائد` / `قايد`).
        let key = normalize_name(&key);
        RawMention {
            range,
            text: surface.to_string(),
            display,
            key,
            kind,
            tokens: toks.len(),
            canonical,
            places: Vec::new(),
        }
    }
}

fn write_blanks(output: &mut impl Write, n: usize) -> io::Result<()> {
    for _ in 0..n {
        writeln!(output)?;
    }
    Ok(())
}

/// A sentence's tags with its words' normalized forms and list marks
/// ([`features::TokenInfo::gazetteer_kinds`]).
struct Tagged {
    tags: Vec<Tag>,
    norms: Vec<String>,
    gaz: Vec<u8>,
    /// Places taken into an institution's name (rule 25), as token ranges.
    places: Vec<Range<usize>>,
}

/// One sentence after the first pass.
struct FirstPass {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    tags: Vec<Tag>,
    conf: Vec<u16>,
    norms: Vec<String>,
    stems: Vec<String>,
    gaz: Vec<u8>,
}

impl FirstPass {
    /// Forgets the full stop [`ends_unstopped`] added after a sentence of `len` tokens.
    fn drop_stop_added(&mut self, len: usize) {
        self.tags.truncate(len);
        self.norms.truncate(len);
        self.stems.truncate(len);
        self.gaz.truncate(len);
    }
}

/// Whether a sentence ends on a word rather than a stop: a title, a caption, a line of a
/// list. Every sentence the tagger learned from ends with a full stop, so it has never seen
/// a name as the last token, and it left `في السعودية` untagged at the end of a title while
/// tagging it before a stop. Such a sentence is tagged as if a full stop followed it.
fn ends_unstopped(sentence: &[&str]) -> bool {
    sentence
        .last()
        .is_some_and(|w| w.chars().any(char::is_alphanumeric))
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
/// Whether most words of a sentence are in Latin script (an English brief saved among the
/// Arabic news). The tagger learned Arabic news only; on such a sentence it tags runs of
/// ordinary English words as organisations.
fn mostly_latin(words: &[&str]) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for w in words {
        match w.chars().find(|c| c.is_alphabetic()) {
            Some(c) if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => {
                latin += 1;
            }
            Some(_) => other += 1,
            None => {}
        }
    }
    latin > other
}

/// How often a word may occur in the news and still be read as a name after a landform head
/// by rule 23: `مريم` 62 times, `الليل` 76; `عندما` 278, `لهم` 220.
const LANDFORM_NAME_COUNT: u32 = 200;

/// The largest word-form cue bucket (see `clusters::cue_bucket`) of a word that reads like
/// a name to rule 18: its other article form and its possessive forms each below a tenth of
/// its own count in the news (`الحمامات` 0, `الموصل` 9%; `صور` 74% and 348%, `الضاحية` 111%).
const NAME_LIKE_BUCKET: u8 = 3;

/// Most tokens of an article tagged as one document (see `Recognizer::tag_article`); news
/// articles have a few thousand.
const DOC_CHUNK_TOKENS: usize = 50_000;

/// A sentence ends after this many tokens even without a full stop (a line of thousands of
/// words is no sentence, and would be tagged as one whole part).
const MAX_SENTENCE_TOKENS: usize = 1_000;

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
        if matches!(t.text, "." | "!" | "?" | "؟") || cur.len() >= MAX_SENTENCE_TOKENS {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The name of a place taken into an institution's name (rule 25): its words as written,
/// without the `بـ` before them.
fn place_name(text: &str, toks: &[Token<'_>]) -> String {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return String::new();
    };
    let start = first.range.start + surface_offset(first.text, 1);
    text[start..last.range.end].to_string()
}

/// Whether `stem`, a split of `word`, is a word of the text on its own. The whole word always
/// is, unless it is a proclitic before a word with the article that the text also writes
/// alone (`بالأنفلونزا` beside `الأنفلونزا`): then that split is the one the text confirms,
/// however much more often the news writes the joined form. Splits without the article stay
/// with the counts (`لزهر` is the given name Lazhar, not ل + `زهر`).
fn stands_alone(standalone: &HashSet<String>, word: &str, stem: &str) -> bool {
    if stem != word {
        return standalone.contains(stem);
    }
    !may_be_proclitic_and_article(word)
        || !proclitic_splits(word).iter().any(|c| {
            !c.prefix.is_empty() && c.stem.starts_with("ال") && standalone.contains(&c.stem)
        })
}

/// Whether `word` may be proclitics before the article (`بال…`, `وبال…`, `لل…`): a quick test
/// before [`proclitic_splits`], which allocates, on a path every word of an article takes.
fn may_be_proclitic_and_article(word: &str) -> bool {
    let article_next =
        |rest: &str, after_lam: bool| rest.starts_with("ال") || after_lam && rest.starts_with('ل');
    let Some(rest) = word.strip_prefix(['و', 'ف', 'ب', 'ك', 'ل']) else {
        return false;
    };
    if article_next(rest, word.starts_with('ل')) {
        return true;
    }
    let conjunction = word.starts_with(['و', 'ف']);
    conjunction
        && rest
            .strip_prefix(['ب', 'ك', 'ل'])
            .is_some_and(|r| article_next(r, rest.starts_with('ل')))
}

/// The user's entries from `entities.toml` in `config_dir`: `None` if there is no such file,
/// an error saying where if it cannot be read or parsed.
pub fn user_entities_in(config_dir: &std::path::Path) -> anyhow::Result<Option<Gazetteer>> {
    let path = config_dir.join("entities.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => Gazetteer::from_toml_str(&text)
            .map(Some)
            .with_context(|| format!("reading {}", path.display())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitics_before_the_article_are_told_quickly() {
        for word in ["بالكاف", "والكاف", "وبالكاف", "للكاف", "وللكاف", "كالعادة"]
        {
            assert!(may_be_proclitic_and_article(word), "{word}");
        }
        for word in ["الكاف", "بنزرت", "لزهر", "ولاية", "وب", ""] {
            assert!(!may_be_proclitic_and_article(word), "{word}");
        }
    }

    #[test]
    fn a_stem_with_the_article_alone_in_the_text_wins_over_the_joined_word() {
        let text: HashSet<String> = ["بالانفلونزا", "الانفلونزا", "لزهر", "زهر"]
            .map(String::from)
            .into();
        // The text writes the stem alone: the joined word is not a word of its own.
        assert!(!stands_alone(&text, "بالانفلونزا", "بالانفلونزا"));
        assert!(stands_alone(&text, "بالانفلونزا", "الانفلونزا"));
        // Without the article the joined word stays (`لزهر`, the given name Lazhar).
        assert!(stands_alone(&text, "لزهر", "لزهر"));
        assert!(stands_alone(&text, "لزهر", "زهر"));
        // A stem the text never writes alone does not count.
        assert!(stands_alone(&text, "بالفهد", "بالفهد"));
        assert!(!stands_alone(&text, "بالفهد", "الفهد"));
    }

    #[test]
    fn lone_indefinite_heads_are_not_names() {
        let rec = match Recognizer::load_default() {
            Ok(r) => r,
            Err(e) => panic!("the embedded model loads: {e:#}"),
        };
        let mention = |text: &str, key: &str, kind: EntityKind| RawMention {
            range: 0..text.len(),
            text: text.to_string(),
            display: text.to_string(),
            key: key.to_string(),
            kind,
            tokens: text.split(' ').count(),
            canonical: None,
            places: Vec::new(),
        };
        let (org, loc) = (EntityKind::Organization, EntityKind::Location);
        for (text, key, kind) in [
            ("منظمة", "منظمه", org),
            ("ومعهد", "معهد", org),
            ("مملكة", "مملكه", loc),
        ] {
            assert!(rec.is_bare_head(&mention(text, key, kind)), "{text}");
        }
        // A definite head, a listed one, a head with its name, a name.
        for (text, key, kind) in [
            ("الاتحاد", "الاتحاد", org),
            ("الجزيرة", "الجزيره", org),
            ("منظمة العفو", "منظمه العفو", org),
            ("البحرين", "البحرين", loc),
        ] {
            assert!(!rec.is_bare_head(&mention(text, key, kind)), "{text}");
        }
        // A head word the user lists is a name to them.
        let mut listed = mention("منظمة", "منظمه", org);
        listed.canonical = Some("منظمة".to_string());
        assert!(!rec.is_bare_head(&listed));
    }

    #[test]
    fn sentences_end_at_stops_lines_and_length() {
        let text = "قال بوتين. وصل إلى بكين\nثم عاد";
        let tokens = tokenize(text);
        let lens: Vec<usize> = sentences(text, &tokens).iter().map(Vec::len).collect();
        assert_eq!(lens, [3, 3, 2]);
        // A line of 2,500 words without a stop is cut into sentences of at most 1,000.
        let long = "كلمة ".repeat(2_500);
        let tokens = tokenize(&long);
        let lens: Vec<usize> = sentences(&long, &tokens).iter().map(Vec::len).collect();
        assert_eq!(lens, [1_000, 1_000, 500]);
    }
}
