//! Context of a figure: its sentence, label, year, entities and key-figure score.

use std::sync::OnceLock;

use super::lexicon::{CUES, FxMap, Lex, Lexicon, prefixes_for};
use super::parse::{Parsed, RawFigure, UnitKind, YearMention, YearRef};
use super::tokens::{Tok, Tokens};
use super::{EntityRef, Figure, FigureKind, KEY_THRESHOLD};

const POPULATION_LABEL: &str = "عدد السكان";

/// Sentence ids per token: a sentence ends at a line break or `. ! ? ؟`.
pub struct Sentences {
    ids: Vec<u32>,
    /// Byte span of each sentence (first token start .. last token end).
    spans: Vec<(usize, usize)>,
}

impl Sentences {
    pub fn new(toks: &Tokens) -> Sentences {
        let mut ids = Vec::with_capacity(toks.len());
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut id: u32 = 0;
        let mut open = false;
        for t in &toks.list {
            let ends = matches!(t.tok, Tok::Newline | Tok::Punct('.' | '!' | '?' | '؟'));
            ids.push(id);
            if !open {
                spans.push((t.start, t.end));
                open = true;
            }
            if let Some(span) = spans.last_mut() {
                span.1 = t.end;
            }
            if ends {
                id += 1;
                open = false;
            }
        }
        Sentences { ids, spans }
    }

    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    fn id(&self, tok: usize) -> Option<u32> {
        self.ids.get(tok).copied()
    }
}

/// The year mention of `years` (in text order) nearest the figure among those `in_sentence`
/// accepts (the figure's sentence, a contiguous run of them): one inside the figure, else the
/// nearer of the last before it and the first after it (before on a tie).
fn nearest_year(
    years: &[YearMention],
    raw: &RawFigure,
    in_sentence: impl Fn(usize) -> bool,
) -> Option<YearMention> {
    let start = years.partition_point(|y| y.tok < raw.first_tok);
    let end = years.partition_point(|y| y.tok <= raw.last_tok);
    if let Some(inside) = years[start..end].iter().find(|y| in_sentence(y.tok)) {
        return Some(*inside);
    }
    let before = start
        .checked_sub(1)
        .and_then(|i| years.get(i))
        .filter(|y| in_sentence(y.tok));
    let after = years.get(end).filter(|y| in_sentence(y.tok));
    match (before, after) {
        (Some(b), Some(a)) if raw.first_tok - b.tok > a.tok - raw.last_tok => Some(*a),
        (Some(b), _) => Some(*b),
        (None, a) => a.copied(),
    }
}

/// For each sentence, the names of the entities with a mention in it, in the order of
/// `entities` without repeats, at most [`MAX_FIGURE_ENTITIES`].
fn names_by_sentence<'a>(sentences: &Sentences, entities: &[EntityRef<'a>]) -> Vec<Vec<&'a str>> {
    let mut names: Vec<Vec<&'a str>> = vec![Vec::new(); sentences.spans.len()];
    let mut seen: std::collections::HashSet<(usize, &str)> = std::collections::HashSet::new();
    for e in entities {
        let first = sentences.spans.partition_point(|s| s.1 <= e.range.start);
        let overlapped = sentences.spans[first..]
            .iter()
            .take_while(|s| s.0 < e.range.end)
            .count();
        for (s, list) in names.iter_mut().enumerate().skip(first).take(overlapped) {
            if list.len() < MAX_FIGURE_ENTITIES && seen.insert((s, e.name)) {
                list.push(e.name);
            }
        }
    }
    names
}

/// A cue phrase found in the text.
#[derive(Debug, Clone, Copy)]
struct CueHit {
    first: usize,
    last: usize,
    label: &'static str,
    /// The cue comes before the figure.
    before: bool,
}

type CueIndex = FxMap<&'static str, Vec<(&'static [&'static str], &'static str)>>;

fn cue_index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: CueIndex = FxMap::default();
        for (words, label) in CUES {
            if let Some(first) = words.first() {
                map.entry(*first).or_default().push((*words, *label));
            }
        }
        for list in map.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        map
    })
}

/// Forms of a folded word with its proclitics (and ال) removed.
fn stems(norm: &str) -> impl Iterator<Item = &str> {
    let accusative = norm.strip_suffix('ا').filter(|s| s.len() >= 6);
    std::iter::once(norm).chain(accusative).chain(
        prefixes_for(norm)
            .iter()
            .filter_map(move |p| norm.strip_prefix(p).filter(|s| s.len() >= 4)),
    )
}

fn strip_al(norm: &str) -> &str {
    norm.strip_prefix("ال")
        .filter(|s| !s.is_empty())
        .unwrap_or(norm)
}

/// Cue phrases in the sentences marked in `wanted` (indexed by sentence id).
fn find_cues(toks: &Tokens, sentences: &Sentences, wanted: &[bool]) -> Vec<CueHit> {
    let index = cue_index();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut best: Option<CueHit> = None;
        let in_wanted = sentences
            .id(i)
            .and_then(|s| wanted.get(s as usize))
            .copied()
            .unwrap_or(false);
        // Tunisian `لفائدة` means "for the benefit of", not interest.
        let idiom = matches!(toks.norm(i), "لفائده" | "ولفائده");
        if in_wanted && !idiom && toks.is_word(i) {
            'stems: for stem in stems(toks.norm(i)) {
                let Some(list) = index.get(stem) else {
                    continue;
                };
                for (words, label) in list {
                    let rest_ok = words.iter().enumerate().skip(1).all(|(k, w)| {
                        let n = toks.norm(i + k);
                        n == *w || strip_al(n) == *w
                    });
                    if rest_ok {
                        best = Some(CueHit {
                            first: i,
                            last: i + words.len() - 1,
                            label,
                            before: false,
                        });
                        break 'stems;
                    }
                }
            }
        }
        match best {
            Some(hit) => {
                i = hit.last + 1;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

/// Everything needed to turn raw figures into [`Figure`]s.
pub struct Context<'a> {
    text: &'a str,
    toks: &'a Tokens,
    sentences: &'a Sentences,
    /// In text order, none overlapping (as `find_cues` finds them).
    cues: Vec<CueHit>,
    /// Year mentions in text order: those that are not a comparison point, and those that are
    /// (see [`Context::is_baseline_year`]).
    years: [Vec<YearMention>; 2],
    article_year: Option<i32>,
    /// Names of the entities in each sentence, first seen first.
    names: Vec<Vec<&'a str>>,
    title_end: usize,
}

/// At most this many entity names are kept with a figure (its sentence's first): a sentence
/// of a hostile file can name thousands, and every figure in it would carry them all.
const MAX_FIGURE_ENTITIES: usize = 64;

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        toks: &'a Tokens,
        sentences: &'a Sentences,
        parsed: &'a Parsed,
        article_year: Option<i32>,
        entities: &'a [EntityRef<'a>],
    ) -> Context<'a> {
        let mut wanted = vec![false; sentences.spans.len()];
        for f in &parsed.figures {
            if let Some(w) = sentences
                .id(f.first_tok)
                .and_then(|s| wanted.get_mut(s as usize))
            {
                *w = true;
            }
        }
        let cues = if parsed.figures.is_empty() {
            Vec::new()
        } else {
            find_cues(toks, sentences, &wanted)
        };
        let mut ctx = Context {
            text,
            toks,
            sentences,
            cues,
            years: [Vec::new(), Vec::new()],
            article_year,
            names: names_by_sentence(sentences, entities),
            title_end: text.find('\n').unwrap_or(text.len()),
        };
        let mut years = parsed.years.clone();
        years.sort_by_key(|y| y.tok);
        let (baseline, plain) = years.into_iter().partition(|y| ctx.is_baseline_year(y.tok));
        ctx.years = [plain, baseline];
        ctx
    }

    /// The finished figure.
    pub fn figure(&self, raw: &RawFigure) -> Figure {
        let sent = self.sentences.id(raw.first_tok);
        let cue = self.cue_for(raw, sent);
        let mut kind = raw.kind;
        let mut unit = raw.unit.clone();
        let population_cue = cue.is_some_and(|c| c.label == POPULATION_LABEL);
        if kind == FigureKind::Quantity && raw.unit_kind == UnitKind::People && population_cue {
            kind = FigureKind::Population;
        }
        // `يبلغ عدد سكانها 11 مليونا`: a bare count right after a population cue.
        if kind == FigureKind::Quantity
            && raw.unit_kind == UnitKind::None
            && population_cue
            && cue.is_some_and(|c| {
                c.last < raw.first_tok
                    && raw.first_tok - c.last <= 4
                    && !(c.first == c.last && self.toks.norm(c.first).ends_with("سكان"))
            })
        {
            kind = FigureKind::Population;
            unit = Some("people".to_string());
        }
        let label = self.label(raw, kind, cue);
        let text = self.text.get(raw.range.clone()).unwrap_or("").to_string();
        let mut fig = Figure {
            text,
            range: raw.range.clone(),
            value: raw.value,
            value_max: raw.value_max,
            unit,
            kind,
            qualifier: raw
                .qualifier
                .as_ref()
                .and_then(|q| self.text.get(q.clone()))
                .map(str::to_string),
            label,
            year: self.year(raw, sent),
            entities: self.entities_in(sent),
            score: 0.0,
            key: false,
        };
        fig.score = self.score(raw, &fig, cue.is_some());
        fig.key = fig.score >= KEY_THRESHOLD;
        fig
    }

    /// The nearest cue in the figure's sentence (before it within 25 tokens, else after within 8).
    fn cue_for(&self, raw: &RawFigure, sent: Option<u32>) -> Option<CueHit> {
        if !matches!(
            raw.kind,
            FigureKind::Money | FigureKind::Percent | FigureKind::Quantity | FigureKind::Population
        ) {
            return None;
        }
        let specific = self.nearest_cue(raw, sent, false);
        let chosen = match specific {
            Some(c) => Some(c),
            None => self.nearest_cue(raw, sent, true),
        };
        chosen.map(|c| CueHit {
            before: c.last < raw.first_tok,
            ..c
        })
    }

    /// The nearest cue of one strength (generic cues like القيمة only when no specific one is near).
    fn nearest_cue(&self, raw: &RawFigure, sent: Option<u32>, generic: bool) -> Option<CueHit> {
        let ok =
            |c: &&CueHit| self.sentences.id(c.first) == sent && is_generic_cue(c.label) == generic;
        // The cues are in text order and do not overlap, so their ends are in order too: each
        // search starts where its window does.
        let (first, last) = (raw.first_tok, raw.last_tok);
        let ended_before = self.cues.partition_point(|c| c.last < first);
        let before = self.cues[..ended_before]
            .iter()
            .rev()
            .take_while(|c| first - c.last <= 25)
            .find(ok);
        let started_inside = self.cues.partition_point(|c| c.first <= first);
        let within = self.cues[started_inside..]
            .iter()
            .take_while(|c| c.first <= last)
            .filter(|c| c.last <= last)
            .find(ok);
        let started_after = self.cues.partition_point(|c| c.first <= last);
        let after = self.cues[started_after..]
            .iter()
            .take_while(|c| c.first - last <= 8)
            .find(ok);
        let population = [before, within, after]
            .into_iter()
            .flatten()
            .find(|c| c.label == POPULATION_LABEL);
        let chosen = match raw.unit_kind {
            UnitKind::People | UnitKind::Population => population.or(before).or(after),
            _ => before.or(within).or(after),
        };
        chosen.copied()
    }

    fn label(&self, raw: &RawFigure, kind: FigureKind, cue: Option<CueHit>) -> Option<String> {
        // A generic cue (القيمة) gives way to a measure phrase (قيمة المحجوز, حجم الاستثمارات).
        let cue = match cue {
            Some(c) if is_generic_cue(c.label) => {
                if let Some(phrase) = self.measure_phrase_before(raw.first_tok) {
                    return Some(phrase);
                }
                Some(c)
            }
            other => other,
        };
        match kind {
            FigureKind::Date | FigureKind::Score => None,
            FigureKind::Ordinal => self.word_before(raw.first_tok),
            FigureKind::Population => {
                Some(cue.map(|c| c.label).unwrap_or(POPULATION_LABEL).to_string())
            }
            FigureKind::Quantity if raw.unit_kind == UnitKind::Counted => raw.unit.clone(),
            FigureKind::Quantity => self
                .of_phrase(raw.last_tok)
                .or_else(|| cue.map(|c| self.cue_label(c, raw)))
                .or_else(|| self.noun_phrase_before(raw.first_tok)),
            FigureKind::Percent => cue
                .filter(|c| c.before)
                .or(cue)
                .map(|c| self.cue_label(c, raw))
                .or_else(|| self.of_phrase(raw.last_tok))
                .or_else(|| self.noun_phrase_before(raw.first_tok)),
            FigureKind::Money => cue
                .map(|c| self.cue_label(c, raw))
                .or_else(|| self.measure_phrase_before(raw.first_tok))
                .or_else(|| self.noun_phrase_before(raw.first_tok)),
        }
    }

    /// The label a cue gives, with what completes it as written: the noun it is in construct
    /// with (`إيرادات القناة`, `سعر البيتكوين`, `مداخيل القطاع السياحي`) or the adjective of a
    /// definite cue (`الصادرات النفطية`, `الاحتياطيات الدولية`). Else the cue's own label,
    /// which stays the same across articles (`المبادلات التجارية`) for the folder's series.
    fn cue_label(&self, cue: CueHit, raw: &RawFigure) -> String {
        let canonical = || cue.label.to_string();
        let sent = self.sentences.id(cue.last);
        let limit = if cue.last < raw.first_tok {
            raw.first_tok
        } else {
            usize::MAX
        };
        let lexicon = Lexicon::get();
        let definite_word = |k: usize| {
            let norm = self.toks.norm(k);
            k < limit
                && self.toks.is_word(k)
                && self.sentences.id(k) == sent
                && norm.starts_with("ال")
                && norm.chars().count() >= 5
                && !is_generic(norm)
                && lexicon.lookup(norm).is_none()
        };
        let is_adjective = |k: usize| {
            let norm = self.toks.norm(k);
            definite_word(k) && (norm.ends_with('ي') || norm.ends_with("يه"))
        };
        let next = cue.last + 1;
        let cue_definite = stems(self.toks.norm(cue.last)).any(|s| s.starts_with("ال"));
        let end = match (cue_definite, definite_word(next)) {
            (true, true) if is_adjective(next) => next,
            (false, true) if is_adjective(next + 1) => next + 1,
            (false, true) => next,
            _ => return canonical(),
        };
        let (Some(first), Some(from), Some(to)) = (
            self.cue_word_written(cue.first),
            self.toks.list.get(cue.first),
            self.toks.list.get(end),
        ) else {
            return canonical();
        };
        match self.text.get(from.end..to.end) {
            Some(rest) => format!("{first}{rest}").replace('\u{640}', ""),
            None => canonical(),
        }
    }

    /// A cue's first word as written, without the proclitics its cue was found under
    /// (`لأسعار` → `أسعار`, `للدورة` → `الدورة`).
    fn cue_word_written(&self, k: usize) -> Option<String> {
        let norm = self.toks.norm(k);
        let index = cue_index();
        let stem = stems(norm).find(|s| index.contains_key(s))?;
        let proclitics = match norm.strip_suffix(stem) {
            Some(prefix) if prefix.ends_with("ال") => prefix.chars().count() - 2,
            Some(prefix) if !prefix.is_empty() && !prefix.ends_with("لل") => {
                prefix.chars().count()
            }
            _ => return self.written_without_proclitic(k),
        };
        self.written_after(k, proclitics)
    }

    /// Token `k` as written, from its `skip`-th character on.
    fn written_after(&self, k: usize, skip: usize) -> Option<String> {
        let t = self.toks.list.get(k)?;
        let written = self.text.get(t.start..t.end)?;
        let start = written
            .char_indices()
            .nth(skip)
            .map_or(written.len(), |(b, _)| b);
        written.get(start..).map(str::to_string)
    }

    /// `مقدار زكاة المال`, `قيمة المحجوز`, `حجم الاستثمارات`: a measure noun and what it measures,
    /// before the figure in its sentence.
    fn measure_phrase_before(&self, tok: usize) -> Option<String> {
        let sent = self.sentences.id(tok);
        let lo = tok.saturating_sub(12);
        let head = (lo..tok).rev().find(|&k| {
            let norm = self.toks.norm(k);
            let bare = ["و", "ب", "ل", "وب", "ال", "بال", "وال"]
                .iter()
                .filter_map(|p| norm.strip_prefix(p))
                .chain(std::iter::once(norm))
                .any(is_measure_noun);
            bare && self.sentences.id(k) == sent
        })?;
        let next = head + 1;
        let next_norm = self.toks.norm(next);
        let usable = next < tok
            && self.toks.is_word(next)
            && next_norm.chars().count() >= 3
            && !super::lexicon::is_stopword(next_norm)
            && !matches!(
                Lexicon::get().lookup(next_norm).map(|(l, _)| l),
                Some(Lex::Magnitude { .. } | Lex::Currency { .. } | Lex::NumWord { .. })
            );
        if !usable {
            return None;
        }
        let first = self.written_without_proclitic(head)?;
        let t = self.toks.list.get(next)?;
        Some(format!("{first} {}", self.text.get(t.start..t.end)?))
    }

    /// `… من الغابات`, `… من سكان العالم`: what the figure is a part or amount of.
    fn of_phrase(&self, last: usize) -> Option<String> {
        let sent = self.sentences.id(last);
        let (m, w) = (last + 1, last + 2);
        let in_sentence = |k: usize| self.toks.is_word(k) && self.sentences.id(k) == sent;
        if self.toks.norm(m) != "من" || !in_sentence(w) {
            return None;
        }
        let head = self.written_without_proclitic(w)?;
        if self.toks.norm(w).chars().count() < 3 || super::lexicon::is_stopword(self.toks.norm(w)) {
            return None;
        }
        let next = w + 1;
        if in_sentence(next)
            && self.toks.norm(next).starts_with("ال")
            && !is_generic(self.toks.norm(next))
        {
            let t = self.toks.list.get(next)?;
            return Some(format!("{head} {}", self.text.get(t.start..t.end)?));
        }
        Some(head)
    }

    /// The word before an ordinal (الذكرى, الدورة …), without proclitics.
    fn word_before(&self, tok: usize) -> Option<String> {
        let k = tok.checked_sub(1)?;
        if !self.toks.is_word(k) || self.sentences.id(k) != self.sentences.id(tok) {
            return None;
        }
        self.written_without_proclitic(k)
    }

    fn written_without_proclitic(&self, k: usize) -> Option<String> {
        let norm = self.toks.norm(k);
        let skip = ["و", "ب", "ل", "ف", "وب", "ول"]
            .iter()
            .find(|p| {
                norm.strip_prefix(*p)
                    .is_some_and(|rest| rest.starts_with("ال") && rest.chars().count() >= 4)
            })
            .map_or(0, |p| p.chars().count());
        // `للدورة`, `وللجولة`: the preposition fused with the article, which comes back.
        let after_conjunction = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
        let conjunction = usize::from(after_conjunction.len() != norm.len());
        let fused = skip == 0
            && after_conjunction
                .strip_prefix("لل")
                .is_some_and(|rest| rest.chars().count() >= 3);
        if fused {
            return self
                .written_after(k, conjunction + 1)
                .map(|rest| format!("ا{rest}"));
        }
        self.written_after(k, skip)
    }

    /// Nearest definite noun (+ definite adjective) before the figure in its sentence.
    fn noun_phrase_before(&self, tok: usize) -> Option<String> {
        let sent = self.sentences.id(tok);
        let lexicon = Lexicon::get();
        let lo = tok.saturating_sub(8);
        let is_np_word = |k: usize| -> bool {
            if !self.toks.is_word(k) || self.sentences.id(k) != sent {
                return false;
            }
            let norm = self.toks.norm(k);
            let definite = stems(norm).take(1).chain(
                ["و", "ب", "ل", "ف"]
                    .iter()
                    .filter_map(|p| norm.strip_prefix(*p)),
            );
            let def_ok = definite
                .into_iter()
                .any(|s| s.starts_with("ال") && s.chars().count() >= 5 && !is_generic(s));
            let lex_ok = !matches!(
                lexicon.lookup(norm).map(|(l, _)| l),
                Some(
                    Lex::YearWord
                        | Lex::Month { .. }
                        | Lex::ChangeVerb
                        | Lex::OrdinalWord { .. }
                        | Lex::Magnitude { .. }
                        | Lex::Currency { .. }
                        | Lex::CurrencyQualifier { .. }
                        | Lex::PercentWord
                        | Lex::Hundredth
                        | Lex::Identifier
                        | Lex::Clock
                )
            );
            def_ok && lex_ok
        };
        let head = (lo..tok).rev().find(|&k| is_np_word(k))?;
        // Walk back over a preceding definite noun of the same phrase (الميزان التجاري).
        let start = if head > lo && is_np_word(head - 1) {
            head - 1
        } else {
            head
        };
        let first = self.written_without_proclitic(start)?;
        if start == head {
            return Some(first);
        }
        let second = self
            .text
            .get(self.toks.list.get(head)?.start..self.toks.list.get(head)?.end)?;
        Some(format!("{first} {second}"))
    }

    /// The year a figure refers to.
    fn year(&self, raw: &RawFigure, sent: Option<u32>) -> Option<i32> {
        if raw.own_year.is_some() {
            return raw.own_year;
        }
        let nearest = self
            .years
            .iter()
            .find_map(|years| nearest_year(years, raw, |tok| self.sentences.id(tok) == sent));
        match nearest.map(|y| y.year) {
            Some(YearRef::Absolute(y)) => Some(y),
            Some(YearRef::Relative(off)) => self.article_year.map(|y| y + off),
            None => self.article_year,
        }
    }

    /// A year named as the comparison point (`مقارنة بسنة 2013`, `مقابل 2015`) is used only when
    /// the sentence names no other year.
    fn is_baseline_year(&self, tok: usize) -> bool {
        (tok.saturating_sub(5)..tok).any(|k| {
            let norm = self.toks.norm(k);
            let bare = norm.strip_prefix('و').unwrap_or(norm);
            matches!(
                bare,
                "مقارنه" | "مقابل" | "بذات" | "بنفس" | "نفس" | "ذات" | "بمقارنه" | "قياسا"
            )
        })
    }

    fn entities_in(&self, sent: Option<u32>) -> Vec<String> {
        sent.and_then(|s| self.names.get(s as usize))
            .map(|names| names.iter().map(|n| n.to_string()).collect())
            .unwrap_or_default()
    }

    fn score(&self, raw: &RawFigure, fig: &Figure, has_cue: bool) -> f32 {
        let mut s: f32 = match fig.kind {
            FigureKind::Money => 3.0,
            FigureKind::Percent => 2.5,
            FigureKind::Population => 4.0,
            FigureKind::Quantity => match raw.unit_kind {
                UnitKind::Measure | UnitKind::People => 1.5,
                UnitKind::Counted => 1.0,
                _ => 0.3,
            },
            FigureKind::Date => 0.6,
            FigureKind::Score => 0.8,
            FigureKind::Ordinal => 0.4,
        };
        let big = fig.value_max.unwrap_or(fig.value).max(fig.value);
        if has_cue
            && matches!(
                fig.kind,
                FigureKind::Money | FigureKind::Percent | FigureKind::Quantity
            )
            && raw.unit_kind != UnitKind::Counted
        {
            s += 2.0;
        }
        if fig.kind == FigureKind::Money && big >= 1e6 {
            s += 1.0;
        }
        if fig.kind == FigureKind::Quantity && raw.unit_kind == UnitKind::Measure && big >= 1e6 {
            s += 0.5;
        }
        if raw.range.start < self.title_end {
            s += 0.5;
        }
        s
    }
}

/// Nouns that name a measure of what follows them (مقدار X, قيمة X, حجم X …).
fn is_measure_noun(stem: &str) -> bool {
    matches!(
        stem,
        "مقدار"
            | "حجم"
            | "قيمه"
            | "مبلغ"
            | "كميه"
            | "اجمالي"
            | "مجموع"
            | "كلفه"
            | "تكلفه"
            | "ثمن"
    )
}

/// Cues that name a measure only vaguely (القيمة, السعر …): used when nothing better is near.
fn is_generic_cue(label: &str) -> bool {
    matches!(
        label,
        "القيمة" | "السعر" | "الثمن" | "الحصة" | "الأسعار" | "التمويل"
    )
}

/// Definite words too general to name what a figure measures.
fn is_generic(norm: &str) -> bool {
    matches!(
        norm,
        "الذي"
            | "التي"
            | "الذين"
            | "اللذين"
            | "اللتين"
            | "الماضي"
            | "الماضيه"
            | "الحالي"
            | "الحاليه"
            | "الجاري"
            | "الجاريه"
            | "المقبل"
            | "المقبله"
            | "القادم"
            | "القادمه"
            | "المنصرم"
            | "الفارط"
            | "العام"
            | "السنه"
            | "اليوم"
            | "الان"
            | "الاول"
            | "الاولي"
            | "الثاني"
            | "الثانيه"
            | "الالف"
            | "الاخير"
            | "الاخيره"
            | "الاخيرين"
            | "السابق"
            | "السابقه"
            | "اللاعب"
            | "الاسبوع"
            | "الشهر"
            | "المائه"
            | "المئه"
            | "الاقل"
            | "الاكثر"
            | "الاجمالي"
            | "الاجماليه"
            | "المتحده"
            | "المتوقع"
            | "الرسمي"
            | "المدينه"
            | "الاثنين"
            | "الثلاثاء"
            | "الاربعاء"
            | "الخميس"
            | "الجمعه"
            | "السبت"
            | "الاحد"
    )
}
