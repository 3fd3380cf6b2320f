//! Post-rules applied to the tagger's output, numbered in the order they were added.
//!
//! **Every output** (the CoNLL output of `tag_tokens` and `tag_conll`, scored on the dev set,
//! and the panel): rules that ANERcorp's own annotation agrees with, each admitted on the
//! tags the cross-validation folds predict for sentences they never saw.
//! - (6) User entries win: a span matching a user gazetteer entry gets the user's type, and
//!   model spans overlapping it are dropped ([`apply_user_entries`]).
//! - (7) A listed person's name the tagger found only part of is completed
//!   ([`complete_listed_names`]).
//! - (8) Inside a person, و + a given name starts a second person ([`split_persons_at_and`]).
//! - (9) The quoted title after a work noun (`برنامج « … »`) is a MISC name, names the tagger
//!   found inside it included ([`quoted_work_titles`]).
//! - (10) A one-word person right after another person, not starting with و, ends that
//!   person's name (`[عبد الفتاح] [صلاح]`; [`join_adjacent_persons`]).
//! - (11) A person's name does not end on a connector (`بن`، `أبو`، `عبد`، `ولد`، `دي` …): the
//!   word after it joins the name ([`finish_person_connectors`]).
//! - (15) A person's name has no number in it (`[كمال سعد 376] صوتا` → `كمال سعد`;
//!   [`persons_without_numbers`]).
//! - (16) A quoted name right after an organisation head is an organisation (`صحيفة "النهار"`,
//!   `حزب "نداء تونس"`; [`quoted_organisation_names`]).
//!
//! **The panel only** (`Recognizer::entities`): ANERcorp cuts names short (it leaves trailing
//! adjectives, `وزارة X` and national teams untagged), a reader wants them whole.
//! - (1) An ORG span goes on over the definite nisba adjectives after it (`وزارة الخزانة` +
//!   `الأمريكية`; [`extend_org_nisba`]).
//! - (2) An organisation head the tagger left out starts an ORG when nisba adjectives follow
//!   (`الجمارك الصينية`, `وزارة الخزانة الأمريكية`; [`org_head_nisba`]).
//! - (3) An ORG span in which a definite nisba adjective is followed by words without the
//!   article is cut there, and those words become a person (`رئيسة البنك المركزي` + a name;
//!   [`split_org_before_name`]).
//! - (4) An indefinite organisation head left `O` before an ORG span joins it (`لوزارة` +
//!   `[الخزانة الأمريكية]`), and, once the bodies are whole, so does a local unit's head
//!   (`فرقة الشرطة العدلية`, [`is_unit_head`]; [`org_head_before_org`]).
//! - (5) One sense per article: a word tagged as a one-word entity of one kind at least twice,
//!   and so in more than half of its occurrences, is so tagged where it stands alone
//!   ([`propagate_names`]).
//! - (12) An institution's name goes on through its `لـ` complement (`المركز الوطني للسينما`;
//!   [`extend_org_complement`]).
//! - (13) A listed name of several words that the tagger did not tag as such gets its listed
//!   kind (`وزارة الداخلية`, `نداء [تونس]`, `[ريال] [مدريد]`; [`tag_listed_names_left_out`]).
//! - (14) Listed organisations' and places' names the tagger found part of are completed
//!   (`الجوهرة` + `[أف أم]`, `منزل` + `[بورقيبة]`), unless the part is listed itself and the
//!   rest only says what it is (`حركة` + `[حماس]` stays `حماس`; [`complete_listed_names`]).
//! - (17) A regional institution (`المندوبية الجهوية للتربية`) is an organisation, and the
//!   listed place after it (`بسوسة`) a place ([`regional_institutions`], [`regional_place`]).
//! - (18) A one-word listed place left untagged is a place after `بـ`, a preposition of place
//!   or a word for a kind of place, and a town taken for its club is one after `بـ` or a kind
//!   of place (`بالكاف`; [`listed_places_left_out`]).
//! - (19) A listed name with its last words in quotes (`الجوهرة "اف ام"`) is that name
//!   ([`listed_names_around_quotes`]).
//! - (20) An organisation's name goes on through a feminine nisba adjective joined with و
//!   (`للدراسات السياسية والاجتماعية`; [`extend_org_conjuncts`]); rules 2 and 4 also take a
//!   national team's head ([`TEAM_HEADS`]).
//! - (21) A competition is Other, whatever organisation it is named after (`كأس الكاف`), and
//!   its name goes on through its game (`كأس تونس لكرة السلة`; [`extend_competition_game`]).
//! - (22) A one-word name the lists give only as a person, left untagged, is a person
//!   ([`listed_persons_left_out`]).
//! - (23) A landform head and the name after it are a place (`شط مريم`; [`landform_places`]),
//!   and so is a saint's name after `سيدي` (`سيدي علي بن عون`; [`saints_places`]).
//! - (24) A law named by `قانون` and a definite noun is a named thing (`قانون المالية لسنة
//!   2017`), and so is a code, `مجلة` (`المجلة الجزائية`; [`named_laws`]).
//! - (25) An institution's place is part of its name (`المحكمة الابتدائية بتونس`;
//!   [`places_in_institution_names`]).
//! - (26) A medium's kind word and the adjective agreeing with it stay outside its name
//!   (`صحيفة ديلي ميل البريطانية` → `ديلي ميل`; [`medium_names_without_their_kind`]).
//! - (27) A school or hospital named by its kind is named after the person or place that
//!   follows (`المعهد الثانوي ابن خلدون`), and an untagged head before a person names a
//!   hospital, a stadium or a street after them (`مستشفى فرحات حشاد`, `شارع محمد الخامس`;
//!   [`institutions_named_after`]).
//!
//! The rules live by subject: `organisations` (1–4, 12, 17, 20, 21), `institutions` (4 for
//! units, 25–27), `lists` (5–7, 13, 14), `places` (18, 23), `persons` (8, 10, 11, 15, 22) and
//! `named` (9, 16, 19, 24); this module holds the word tests they share.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{Gazetteer, kind_bit};
use super::tags::{EntityKind, Tag, spans, tags_from_spans};
use crate::text::normalize;
use crate::text::tokenize::{Clitics, proclitic_splits};

mod institutions;
mod lists;
mod named;
mod organisations;
mod persons;
mod places;

pub use institutions::*;
pub use lists::*;
pub use named::*;
pub use organisations::*;
pub use persons::*;
pub use places::*;

/// Adjectives ending like a nisba that name no place, people or field, normalized and
/// without the article: ordinals (`المركز الثاني` is second place, not an organisation),
/// time (`العام الماضي`) and generic qualities (`المقر الرئيسي`).
const NOT_NISBA: [&str; 20] = [
    "ثاني",
    "حادي",
    "ماضي",
    "حالي",
    "تالي",
    "جاري",
    "نهائي",
    "باقي",
    "اتي",
    "رئيسي",
    "اساسي",
    "حقيقي",
    "اضافي",
    "رسمي",
    "فعلي",
    "كلي",
    "جزئي",
    "معني",
    "ضروري",
    "اولي",
];

fn is_definite_nisba(word: &str) -> bool {
    if !is_definite(word) {
        return false;
    }
    let norm = normalize(word);
    let Some(rest) = norm.strip_prefix("ال") else {
        return false;
    };
    let stem = rest.strip_suffix('ه').unwrap_or(rest);
    let letters = rest.chars().count();
    letters >= 3 && (rest.ends_with('ي') || rest.ends_with("يه")) && !NOT_NISBA.contains(&stem)
}

/// A definite feminine nisba adjective (`السياسية`, `الفنية`).
fn is_feminine_nisba(word: &str) -> bool {
    is_definite_nisba(word) && normalize(word).ends_with("يه")
}

/// Whether a word carries the article. Checked on the surface form: `إلفيرا` normalizes to
/// `الفيرا` but has no article.
fn is_definite(word: &str) -> bool {
    let is_mark = |c: &char| ('\u{064B}'..='\u{065F}').contains(c) || *c == '\u{0640}';
    let mut letters = word.chars().filter(|c| !is_mark(c));
    letters.next() == Some('ا') && letters.next() == Some('ل') && letters.count() >= 2
}

/// Whether a word carries the article, proclitics allowed (`والزراعة`، `للإحصاء`،
/// `بالتعاون`): such a word continues a phrase and cannot start a person's name.
fn carries_article(word: &str) -> bool {
    proclitic_splits(word).iter().any(|c| is_definite(&c.stem))
}

fn is_word(norm: &str) -> bool {
    norm.chars().all(char::is_alphabetic) && !norm.is_empty()
}

/// The head's stem, if the normalized token (clitics allowed) is an organisation head.
fn org_head(norm: &str, is_head: &impl Fn(&str) -> bool) -> Option<String> {
    proclitic_splits(norm)
        .into_iter()
        .rev()
        .map(|c| c.stem)
        .find(|s| is_head(s))
}

/// Digits, with the separators numbers are written with (`1.5`, `2,000`, `٣٫٥`, `1/2`).
fn is_number(word: &str) -> bool {
    word.chars().any(char::is_numeric)
        && word
            .chars()
            .all(|c| c.is_numeric() || matches!(c, '.' | ',' | '،' | '/' | '٫' | '٬'))
}

/// Whether a token is a quotation mark, opening or closing.
pub fn is_quote(token: &str) -> bool {
    closing_quote(token).is_some() || ["»", "”"].contains(&token)
}

/// The closing quote token for an opening one.
fn closing_quote(open: &str) -> Option<&'static str> {
    match open {
        "«" => Some("»"),
        "\"" => Some("\""),
        "''" => Some("''"),
        "“" => Some("”"),
        _ => None,
    }
}

/// Listed names `(start, end, kinds)` back from [`Gazetteer::kinds_per_token`]'s marks.
fn listed_names(gaz: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out: Vec<(usize, usize, u8)> = Vec::new();
    for (i, &g) in gaz.iter().enumerate() {
        match out.last_mut() {
            _ if g & 0x0f != 0 => out.push((i, i + 1, g & 0x0f)),
            Some(last) if g >> 4 != 0 && last.1 == i => last.1 = i + 1,
            _ => {}
        }
    }
    out
}

/// The words that are a one-word name the lists give only as `kind` (see [`listed_names`])
/// and that the tagger left untagged, with no name going on after them (rules 18 and 22).
fn lone_listed_words(gaz: &[u8], kind: EntityKind, tags: &[Tag]) -> Vec<usize> {
    listed_names(gaz)
        .into_iter()
        .filter(|&(start, end, kinds)| {
            end - start == 1
                && kinds == kind_bit(kind)
                && tags[start] == Tag::O
                && tags.get(end).is_none_or(|t| !t.is_inside())
        })
        .map(|(start, ..)| start)
        .collect()
}

#[cfg(test)]
mod tests;
