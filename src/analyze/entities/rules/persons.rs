//! Persons' names: where they start and end, and listed persons left out (rules 8, 10, 11,
//! 15 and 22).

use super::*;

/// Rule 8: two people joined by و are two names: inside a person span, a word made of و and
/// a given name (`وايمانويل`, not itself a given name as `وسام` is) starts a new person.
pub fn split_persons_at_and(norms: &[String], lists: &Gazetteer, tags: &mut [Tag]) {
    let given = |w: &str| lists.is_given_name(w);
    let person = EntityKind::Person;
    for i in 1..norms.len().min(tags.len()) {
        if tags[i] != person.inside() {
            continue;
        }
        let Some(rest) = norms[i].strip_prefix('و') else {
            continue;
        };
        if rest.chars().count() >= 2 && given(rest) && !given(&norms[i]) {
            tags[i] = person.begin();
        }
    }
}

/// Rule 10: a one-word person span right after another person, with neither punctuation
/// nor و between them, is that person's surname: the tagger sometimes starts a new name
/// there (`[عبد الفتاح] [صلاح]`, `[اوغو] [شافيز]`), while two people side by side are
/// written with و (rule 8 keeps those apart). Longer spans are left alone: an apposition
/// names a second person in full (`زوج الفنانة [نوال غشام] [محمد زياد الورغي]`). On the
/// tags the cross-validation folds predict for sentences they never saw, it changes 7
/// sentences: 3 names more right, 10 wrong ones fewer.
pub fn join_adjacent_persons(norms: &[String], tags: &mut [Tag]) {
    let person = EntityKind::Person;
    let n = norms.len().min(tags.len());
    for i in 1..n {
        let after_person = tags[i - 1].kind() == Some(person);
        let one_word = i + 1 == n || tags[i + 1] != person.inside();
        if tags[i] == person.begin() && after_person && one_word && !norms[i].starts_with('و') {
            tags[i] = person.inside();
        }
    }
}

/// Words that link the parts of a person's name and cannot end it, normalized: kinship
/// (`بن`، `ابن`، `بنت`، `أبو`، `أبي`، `أبا`، `أم`، `ولد`، `آل`), `عبد` of compound names, and
/// the particles of European names (`دو`، `دي`، `دا`، `فان`).
pub(super) const NAME_CONNECTORS: [&str; 14] = [
    "بن", "ابن", "بنت", "ابو", "ابي", "ابا", "ام", "ولد", "ال", "عبد", "دو", "دي", "دا", "فان",
];

/// Words at least this frequent in the unlabeled news are function words (`أن`، `الذي`),
/// not the rest of a name.
pub(super) const NAME_PART_MAX_COUNT: u32 = 1000;

/// Rule 11: a person span ending on a name connector (`[عمرو بن] ود`، `[أبو] طالب`)
/// takes the next word when it is an Arabic word no more frequent than
/// [`NAME_PART_MAX_COUNT`] (`count` gives a normalized word's frequency). On the tags the
/// cross-validation folds predict for sentences they never saw, it changes 11 sentences:
/// 6 names right that were wrong, no new wrong one.
pub fn finish_person_connectors(norms: &[String], count: impl Fn(&str) -> u32, tags: &mut [Tag]) {
    let person = EntityKind::Person;
    for i in 0..norms.len().min(tags.len()).saturating_sub(1) {
        let in_person = tags[i].kind() == Some(person);
        let next = &norms[i + 1];
        if in_person
            && tags[i + 1] == Tag::O
            && NAME_CONNECTORS.contains(&norms[i].as_str())
            && next.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
            && count(next) < NAME_PART_MAX_COUNT
        {
            tags[i + 1] = person.inside();
        }
    }
}

/// Rule 15: a person's name has no number in it (`[كمال سعد 376] صوتا`, a vote count after
/// a name): a token of digits in a person span is left out of it, and the person goes on
/// after it as a new one. In ANERcorp's training data no token of digits is part of a
/// person's name (0 of 1,622 such tokens).
pub fn persons_without_numbers(norms: &[String], tags: &mut [Tag]) {
    let person = EntityKind::Person;
    for i in 0..norms.len().min(tags.len()) {
        if tags[i].kind() != Some(person) || !is_number(&norms[i]) {
            continue;
        }
        tags[i] = Tag::O;
        if let Some(next) = tags.get_mut(i + 1)
            && *next == person.inside()
        {
            *next = person.begin();
        }
    }
}

/// Rule 22: a one-word name the lists give only as a person, left untagged between untagged
/// words, is a person (`ترامب`: the tagger, taught on 2003-era news, missed him 148 times in
/// the Jawhara FM articles; `المرزوقي`, `بورقيبة`, `القذافي`). Not after a number (`20
/// ميلا`), a quote or an organisation's or place's head word (`مصنع "السياب"`, a factory);
/// and words the news also uses as common nouns are left to the tagger (`name_like`, as in
/// rule 18).
pub fn listed_persons_left_out(
    norms: &[String],
    gaz: &[u8],
    name_like: impl Fn(&str) -> bool,
    after_head: impl Fn(&str) -> bool,
    tags: &mut [Tag],
) {
    let person = EntityKind::Person;
    for start in lone_listed_words(gaz, person, tags) {
        if start > 0 && tags[start - 1] != Tag::O {
            continue;
        }
        let prev = start.checked_sub(1).map(|p| norms[p].as_str());
        let named = prev.is_none_or(|p| !is_number(p) && !is_quote(p) && !after_head(p));
        if named && name_like(&norms[start]) {
            tags[start] = person.begin();
        }
    }
}
