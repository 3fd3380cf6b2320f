//! Gazetteers: lists of known names (and of trigger words) matched over token sequences.
//!
//! Built-in lists live in `assets/ner/gazetteer/*.txt`, one entry per line,
//! `TYPE<TAB>name`, where several spellings of one entry may be given as
//! `name|variant|variant` (the first is the display form) and `#` starts a comment. Types:
//! `PERS`, `LOC`, `ORG`, `MISC` (names), `GIVEN` (given names), `TITLE` (words that precede a
//! person: الرئيس، وزير …), `ORG-TRIGGER` (heads of organisation names: وزارة، شركة، بنك …) and
//! `LOC-TRIGGER` (مدينة، ولاية …). Triggers are written without the article.
//!
//! User additions come from `entities.toml`:
//! ```toml
//! [[entity]]
//! name = "فلاديمير بوتين"
//! type = "PERS"          # PERS/LOC/ORG/MISC or person/location/organization/misc
//! aliases = ["بوتين"]
//! ```
//! Matching is on normalized tokens (see `text::normalize`); the first token of a match may
//! carry proclitics (و ف ب ل ك), so `لموسكو` matches `موسكو`.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use super::tags::EntityKind;
use crate::text::tokenize::proclitic_splits;
use crate::text::{normalize, normalize_into, normalize_name, tokenize};

/// What a single word may signal, as a bit in [`Gazetteer::word_classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Given = 0,
    Title = 1,
    OrgTrigger = 2,
    LocTrigger = 3,
    /// The word occurs inside a listed name of that kind.
    InPerson = 4,
    InLocation = 5,
    InOrganization = 6,
    InMisc = 7,
}

impl WordClass {
    pub const ALL: [WordClass; 8] = [
        WordClass::Given,
        WordClass::Title,
        WordClass::OrgTrigger,
        WordClass::LocTrigger,
        WordClass::InPerson,
        WordClass::InLocation,
        WordClass::InOrganization,
        WordClass::InMisc,
    ];

    fn inside(kind: EntityKind) -> Self {
        match kind {
            EntityKind::Person => WordClass::InPerson,
            EntityKind::Location => WordClass::InLocation,
            EntityKind::Organization => WordClass::InOrganization,
            EntityKind::Misc => WordClass::InMisc,
        }
    }
}

/// A listed name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazEntry {
    pub kind: EntityKind,
    /// Display form (the entry's first spelling).
    pub name: String,
    /// Every kind the built-in lists give this spelling, as bits by [`kind_bit`] (a club named
    /// after its city is listed as both a place and an organisation; the tagger decides).
    pub kinds: u8,
}

/// The bit of `kind` in [`GazEntry::kinds`].
pub fn kind_bit(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 1,
        EntityKind::Location => 2,
        EntityKind::Organization => 4,
        EntityKind::Misc => 8,
    }
}

/// A match of a listed name over tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub entry: GazEntry,
}

/// The tables use a fast non-keyed hash: their keys are the lists' own words, so lookups of
/// hostile text cannot lengthen probe chains (building them is most of the recognizer's load
/// time, and they are read for every token).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    names: FxHashMap<String, GazEntry>,
    max_tokens: usize,
    /// First words of listed names (a quick filter before building candidate keys).
    firsts: FxHashSet<String>,
    classes: FxHashMap<String, u8>,
    /// The keys with a hamza seat (ئ ؤ), by the form grouping keys have, with the seats
    /// folded (`normalize_name`), for [`Gazetteer::get_by_name_key`]; built on first use, off
    /// the start-up path.
    folded: OnceLock<FxHashMap<String, String>>,
}

#[derive(Debug, Deserialize)]
struct UserFile {
    #[serde(default, rename = "entity")]
    entities: Vec<UserEntry>,
}

#[derive(Debug, Deserialize)]
struct UserEntry {
    name: String,
    #[serde(rename = "type")]
    kind: EntityKind,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Normalized form of a name: its tokens normalized, joined by single spaces.
pub fn name_key(name: &str) -> String {
    if name.chars().all(is_plain_name_char) {
        // Arabic letters and spaces only, as most listed names are: the tokens are the
        // words between the spaces, without the tokenizer's work (building the lists is
        // most of the recognizer's load time).
        join_normalized(name.split(' ').filter(|w| !w.is_empty()), name.len())
    } else {
        join_normalized(tokenize(name).iter().map(|t| t.text), name.len())
    }
}

/// Arabic letters (which the tokenizer never splits) and the plain space.
fn is_plain_name_char(c: char) -> bool {
    matches!(c, ' ' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

fn join_normalized<'a>(words: impl Iterator<Item = &'a str>, capacity: usize) -> String {
    let mut key = String::with_capacity(capacity);
    for (i, w) in words.enumerate() {
        if i > 0 {
            key.push(' ');
        }
        normalize_into(w, &mut key);
    }
    key
}

/// Normalized word without the article (how triggers are keyed).
fn bare(word: &str) -> &str {
    word.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(word)
}

impl Gazetteer {
    /// The built-in lists (compiled into the binary).
    pub fn builtin() -> Self {
        let lines: usize = BUILTIN.iter().map(|t| t.lines().count()).sum();
        let mut g = Gazetteer {
            names: FxHashMap::with_capacity_and_hasher(2 * lines, Default::default()),
            classes: FxHashMap::with_capacity_and_hasher(2 * lines, Default::default()),
            ..Gazetteer::default()
        };
        for text in BUILTIN {
            g.add_lines(text);
        }
        g
    }

    /// Parses the plain-text list format (see the module documentation). Unknown types and
    /// malformed lines are skipped.
    pub fn from_lines(text: &str) -> Self {
        let mut g = Gazetteer::default();
        g.add_lines(text);
        g
    }

    fn add_lines(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((ty, names)) = line.split_once('\t') else {
                continue;
            };
            let spellings: Vec<&str> = names
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            let Some(first) = spellings.first() else {
                continue;
            };
            match ty.trim() {
                "GIVEN" => self.add_class(&spellings, WordClass::Given),
                "TITLE" => self.add_class(&spellings, WordClass::Title),
                "ORG-TRIGGER" => self.add_class(&spellings, WordClass::OrgTrigger),
                "LOC-TRIGGER" => self.add_class(&spellings, WordClass::LocTrigger),
                code => {
                    if let Some(kind) = EntityKind::from_code(code) {
                        self.add_name(first, &spellings, kind);
                    }
                }
            }
        }
    }

    fn add_class(&mut self, words: &[&str], class: WordClass) {
        for w in words {
            self.mark_word(bare(&normalize(w)), 1 << class as u8);
        }
    }

    /// Adds class bits to a word, allocating its key only the first time it is seen.
    fn mark_word(&mut self, word: &str, bits: u8) {
        match self.classes.get_mut(word) {
            Some(b) => *b |= bits,
            None => {
                self.classes.insert(word.to_string(), bits);
            }
        }
    }

    fn add_name(&mut self, display: &str, spellings: &[&str], kind: EntityKind) {
        for s in spellings {
            let key = name_key(s);
            if key.is_empty() {
                continue;
            }
            for w in key.split(' ') {
                self.mark_word(bare(w), 1 << WordClass::inside(kind) as u8);
            }
            self.max_tokens = self.max_tokens.max(key.split(' ').count());
            if let Some(first) = key.split(' ').next()
                && !self.firsts.contains(first)
            {
                self.firsts.insert(first.to_string());
            }
            self.names
                .entry(key)
                .and_modify(|e| e.kinds |= kind_bit(kind))
                .or_insert_with(|| GazEntry {
                    kind,
                    name: display.to_string(),
                    kinds: kind_bit(kind),
                });
        }
    }

    /// Parses user entries from `entities.toml` (see the module documentation).
    pub fn from_toml_str(text: &str) -> Result<Self, toml::de::Error> {
        let file: UserFile = toml::from_str(text)?;
        let mut g = Gazetteer::default();
        for e in &file.entities {
            let mut spellings: Vec<&str> = vec![e.name.as_str()];
            spellings.extend(e.aliases.iter().map(String::as_str));
            g.add_name(&e.name, &spellings, e.kind);
        }
        Ok(g)
    }

    /// Adds `other`'s entries; where both list a name, `other` wins.
    pub fn merge(&mut self, other: Gazetteer) {
        self.folded = OnceLock::new();
        self.names.extend(other.names);
        self.max_tokens = self.max_tokens.max(other.max_tokens);
        self.firsts.extend(other.firsts);
        for (w, bits) in other.classes {
            *self.classes.entry(w).or_insert(0) |= bits;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.classes.is_empty()
    }

    /// Number of listed spellings of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The entry for a whole normalized name, if listed.
    pub fn get(&self, key: &str) -> Option<&GazEntry> {
        self.names.get(key)
    }

    /// The entry for a whole name keyed as entities are grouped, hamza seats folded
    /// (`normalize_name`: `الهييه` finds `الهيئة`), or as the lists key it.
    pub fn get_by_name_key(&self, key: &str) -> Option<&GazEntry> {
        self.names.get(key).or_else(|| {
            let folded = self.folded.get_or_init(|| {
                self.names
                    .keys()
                    .filter(|k| k.contains(['ئ', 'ؤ']))
                    .map(|k| (normalize_name(k), k.clone()))
                    .collect()
            });
            self.names.get(folded.get(key)?)
        })
    }

    /// Bit set of [`WordClass`]es of a normalized word (article ignored).
    pub fn word_classes(&self, normalized: &str) -> u8 {
        self.classes.get(bare(normalized)).copied().unwrap_or(0)
    }

    /// Whether a normalized word is a listed given name.
    pub fn is_given_name(&self, normalized: &str) -> bool {
        self.word_classes(normalized) & (1 << WordClass::Given as u8) != 0
    }

    /// Whether a normalized word is an adjective of belonging that can follow a name without
    /// making it another one: the nisba of a listed place (`الامريكي` ← `امريكا`, `التونسيه` ←
    /// `تونس`, `البريطاني` ← `بريطانيا`, `العراقي` ← `العراق`, `السعودي` ← `السعوديه`), or
    /// `الدولي` and `العالمي`. Directions are not (`كوريا الشماليه` is not `كوريا`).
    pub fn is_belonging_adjective(&self, word: &str) -> bool {
        const WORLDWIDE: [&str; 4] = ["الدولي", "الدوليه", "العالمي", "العالميه"];
        const DIRECTIONS: [&str; 5] = ["شمال", "جنوب", "شرق", "غرب", "وسط"];
        if WORLDWIDE.contains(&word) {
            return true;
        }
        let Some(stem) = word
            .strip_prefix("ال")
            .and_then(|w| w.strip_suffix("يه").or_else(|| w.strip_suffix('ي')))
            .filter(|stem| stem.chars().count() >= 2 && !DIRECTIONS.contains(stem))
        else {
            return false;
        };
        // Grouping keys fold the hamza seats (`الجزايري` ← `الجزائر`).
        let place = |name: String| {
            self.get_by_name_key(&name)
                .is_some_and(|e| e.kinds & kind_bit(EntityKind::Location) != 0)
        };
        place(stem.to_string())
            || place(format!("{stem}ا"))
            || place(format!("{stem}يا"))
            || place(format!("ال{stem}"))
            || place(format!("ال{stem}يه"))
    }

    /// Whether a normalized word is listed as a one-word name or occurs in one.
    pub fn knows_word(&self, normalized: &str) -> bool {
        self.names.contains_key(normalized) || self.word_classes(normalized) >> 4 != 0
    }

    /// Longest listed names over normalized tokens, left to right, not overlapping. The first
    /// token of a match may carry proclitics.
    pub fn find(&self, norms: &[String]) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < norms.len() {
            match self.longest_at(norms, i) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// For each token, the kinds of the listed name it begins (low four bits, by
    /// [`kind_bit`]) or is inside of (high four bits); 0 outside listed names.
    pub fn kinds_per_token(&self, norms: &[String]) -> Vec<u8> {
        let mut out = vec![0u8; norms.len()];
        for m in self.find(norms) {
            let kinds = m.entry.kinds;
            out[m.start] = kinds;
            for k in &mut out[m.start + 1..m.end] {
                *k = kinds << 4;
            }
        }
        out
    }

    /// Whether the normalized tokens, all of them (the first may carry proclitics), are one
    /// listed name of `kind`.
    pub fn lists_whole(&self, norms: &[String], kind: EntityKind) -> bool {
        !norms.is_empty()
            && self
                .longest_at(norms, 0)
                .is_some_and(|m| m.end == norms.len() && m.entry.kinds & kind_bit(kind) != 0)
    }

    fn longest_at(&self, norms: &[String], i: usize) -> Option<GazMatch> {
        let max = self.max_tokens.min(norms.len() - i);
        let firsts: Vec<String> = proclitic_splits(&norms[i])
            .into_iter()
            .rev()
            .map(|c| c.stem)
            .filter(|f| self.firsts.contains(f))
            .collect();
        if firsts.is_empty() {
            return None;
        }
        // The longest match wins; among matches of one length, the first reading of the first
        // word in `firsts` order. Keys grow a word at a time instead of being joined anew.
        // A second word that normalizes to nothing is looked up as the first word alone (the
        // models were trained with keys made that way).
        let mut best: Option<(usize, &GazEntry)> = None;
        let mut key = String::new();
        for first in &firsts {
            key.clear();
            key.push_str(first);
            for len in 1..=max {
                if len > 1 {
                    key.push(' ');
                    key.push_str(&norms[i + len - 1]);
                }
                let lookup = if len == 2 && norms[i + 1].is_empty() {
                    first.as_str()
                } else {
                    key.as_str()
                };
                if let Some(entry) = self.names.get(lookup)
                    && best.is_none_or(|(l, _)| len > l)
                {
                    best = Some((len, entry));
                }
            }
        }
        best.map(|(len, entry)| GazMatch {
            start: i,
            end: i + len,
            entry: entry.clone(),
        })
    }
}

/// The built-in list files, compiled in.
const BUILTIN: [&str; 20] = [
    include_str!("../../../assets/ner/gazetteer/countries.txt"),
    include_str!("../../../assets/ner/gazetteer/cities.txt"),
    include_str!("../../../assets/ner/gazetteer/people.txt"),
    include_str!("../../../assets/ner/gazetteer/organizations.txt"),
    include_str!("../../../assets/ner/gazetteer/given-names.txt"),
    include_str!("../../../assets/ner/gazetteer/triggers.txt"),
    include_str!("../../../assets/ner/gazetteer/sports.txt"),
    include_str!("../../../assets/ner/gazetteer/companies.txt"),
    include_str!("../../../assets/ner/gazetteer/politics.txt"),
    include_str!("../../../assets/ner/gazetteer/places.txt"),
    include_str!("../../../assets/ner/gazetteer/given-names-more.txt"),
    include_str!("../../../assets/ner/gazetteer/misc.txt"),
    include_str!("../../../assets/ner/gazetteer/organizations-arab.txt"),
    include_str!("../../../assets/ner/gazetteer/organizations-world.txt"),
    include_str!("../../../assets/ner/gazetteer/people-politics.txt"),
    include_str!("../../../assets/ner/gazetteer/people-public.txt"),
    include_str!("../../../assets/ner/gazetteer/places-world.txt"),
    include_str!("../../../assets/ner/gazetteer/places-mena.txt"),
    include_str!("../../../assets/ner/gazetteer/people-world.txt"),
    include_str!("../../../assets/ner/gazetteer/people-arab.txt"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path for names of plain Arabic words keys every built-in spelling exactly
    /// as the tokenizer would.
    #[test]
    fn plain_name_keys_match_the_tokenizer() {
        let mut plain = 0;
        for line in BUILTIN.iter().flat_map(|t| t.lines()) {
            let Some((_, names)) = line.split('#').next().unwrap_or("").split_once('\t') else {
                continue;
            };
            for s in names.split('|').map(str::trim) {
                let tokenized = join_normalized(tokenize(s).iter().map(|t| t.text), s.len());
                assert_eq!(name_key(s), tokenized, "{s}");
                plain += usize::from(s.chars().all(is_plain_name_char));
            }
        }
        assert!(
            plain > 20_000,
            "most spellings take the fast path ({plain})"
        );
        assert_eq!(name_key("  وزارة   الخارجية "), "وزاره الخارجيه");
        assert_eq!(name_key("أ.ف.ب"), "ا . ف . ب");
    }

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).iter().map(|t| normalize(t.text)).collect()
    }

    #[test]
    fn adjectives_of_belonging() {
        let g = Gazetteer::builtin();
        let yes = [
            "الامريكي",
            "الاميركيه",
            "التونسي",
            "السوريه",
            "البريطاني",
            "العراقي",
            "السعودي",
            "الليبي",
            "الصيني",
            "الدولي",
            "العالميه",
            // Grouping keys fold the hamza seat: `الجزائر`, `اسرائيل`.
            "الجزايري",
            "الاسراييليه",
        ];
        let no = [
            "الشماليه",
            "الجنوبي",
            "الوطني",
            "الاقتصادي",
            "الرئيسي",
            "الجديد",
            "تونسي",
        ];
        for w in yes {
            assert!(g.is_belonging_adjective(w), "{w}");
        }
        for w in no {
            assert!(!g.is_belonging_adjective(w), "{w}");
        }
    }

    #[test]
    fn finds_longest_names_with_clitics() {
        let g = Gazetteer::from_lines(
            "LOC\tالولايات المتحدة|الولايات المتحدة الأمريكية\nLOC\tموسكو\nTITLE\tالرئيس\n",
        );
        let m = g.find(&norms("زار لموسكو وفد من الولايات المتحدة الأمريكية"));
        let got: Vec<(usize, usize, &str)> = m
            .iter()
            .map(|m| (m.start, m.end, m.entry.name.as_str()))
            .collect();
        assert_eq!(got, [(1, 2, "موسكو"), (4, 7, "الولايات المتحدة")]);
        assert_ne!(g.word_classes("رئيس") & (1 << WordClass::Title as u8), 0);
    }

    /// The committed models were trained with this: a listed one-word name followed by a
    /// token that normalizes to nothing matches both tokens; after it, keys keep the space.
    #[test]
    fn lists_whole_takes_all_the_words_and_the_kind() {
        let g = Gazetteer::from_lines("LOC\tبحر قزوين\nORG\tحماس\n");
        let norms = |s: &str| s.split(' ').map(normalize).collect::<Vec<_>>();
        assert!(g.lists_whole(&norms("وبحر قزوين"), EntityKind::Location));
        assert!(!g.lists_whole(&norms("بحر قزوين أمس"), EntityKind::Location));
        assert!(!g.lists_whole(&norms("بحر"), EntityKind::Location));
        assert!(!g.lists_whole(&norms("حماس"), EntityKind::Location));
        assert!(g.lists_whole(&norms("حماس"), EntityKind::Organization));
        assert!(!g.lists_whole(&[], EntityKind::Organization));
    }

    #[test]
    fn an_empty_second_word_extends_a_one_word_match() {
        let g = Gazetteer::from_lines("LOC\tموسكو\nLOC\tبحر قزوين\n");
        let toks = |t: &[&str]| t.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let spans = |m: Vec<GazMatch>| m.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>();
        assert_eq!(spans(g.find(&toks(&["موسكو", "", "امس"]))), [(0, 2)]);
        assert_eq!(spans(g.find(&toks(&["بحر", "", "قزوين"]))), []);
        assert_eq!(spans(g.find(&toks(&["بحر", "قزوين"]))), [(0, 2)]);
    }

    #[test]
    fn a_name_listed_with_two_kinds_keeps_both() {
        let g = Gazetteer::from_lines("LOC\tليون\nORG\tليون|أولمبيك ليون\n");
        let Some(e) = g.get(&name_key("ليون")) else {
            panic!("ليون is listed")
        };
        assert_eq!(
            e.kind,
            EntityKind::Location,
            "the first listing gives the kind"
        );
        assert_eq!(
            e.kinds,
            kind_bit(EntityKind::Location) | kind_bit(EntityKind::Organization)
        );
        let marks = g.kinds_per_token(&norms("فاز أولمبيك ليون"));
        let org = kind_bit(EntityKind::Organization);
        assert_eq!(marks, [0, org, org << 4]);
    }

    #[test]
    fn user_entries_from_toml_win() {
        let mut g = Gazetteer::from_lines("LOC\tأبل\n");
        let user = Gazetteer::from_toml_str(
            "[[entity]]\nname = \"شركة أبل\"\ntype = \"ORG\"\naliases = [\"أبل\", \"آبل\"]\n",
        );
        let Ok(user) = user else {
            panic!("toml parses")
        };
        g.merge(user);
        let hit = g.get(&name_key("ابل")).map(|e| (e.kind, e.name.clone()));
        assert_eq!(
            hit,
            Some((EntityKind::Organization, "شركة أبل".to_string()))
        );
        assert!(Gazetteer::from_toml_str("[[entity]]\nname = 3").is_err());
        let lower = Gazetteer::from_toml_str("[[entity]]\nname = \"x\"\ntype = \"person\"\n");
        assert!(lower.is_ok());
    }
}
