//! What the lists and the article say of a name: one sense per article, listed names the
//! tagger cut or left out, and the user's entries (rules 5, 6, 7, 13 and 14).

use super::*;

/// Rule 5: one sense per article for one-word names.
pub fn propagate_names(stems: &[Vec<String>], tags: &mut [Vec<Tag>]) {
    let mut seen: HashMap<&str, (usize, [usize; 4])> = HashMap::new();
    for (s, t) in stems.iter().zip(tags.iter()) {
        for (i, stem) in s.iter().enumerate() {
            let entry = seen.entry(stem.as_str()).or_insert((0, [0; 4]));
            entry.0 += 1;
            if let Some(k) = single_word_kind(t, i) {
                entry.1[kind_slot(k)] += 1;
            }
        }
    }
    for (s, t) in stems.iter().zip(tags.iter_mut()) {
        for i in 0..s.len() {
            let isolated = t[i] == Tag::O && t.get(i + 1).is_none_or(|n| !n.is_inside());
            let Some(&(total, by_kind)) = seen.get(s[i].as_str()).filter(|_| isolated) else {
                continue;
            };
            let best = (0..4).max_by_key(|&k| by_kind[k]).unwrap_or(0);
            if by_kind[best] >= 2 && 2 * by_kind[best] > total {
                t[i] = EntityKind::ALL[best].begin();
            }
        }
    }
}

pub(super) fn kind_slot(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// The kind of token `i` if it is a one-word entity.
pub(super) fn single_word_kind(tags: &[Tag], i: usize) -> Option<EntityKind> {
    let ends = tags.get(i + 1).is_none_or(|n| !n.is_inside());
    (tags[i].is_begin() && ends)
        .then(|| tags[i].kind())
        .flatten()
}

/// Rule 6: a gazetteer's matches (the user's entries) override the model.
pub fn apply_user_entries(norms: &[String], user: &Gazetteer, tags: &mut Vec<Tag>) {
    if user.is_empty() {
        return;
    }
    let matches = user.find(norms);
    if matches.is_empty() {
        return;
    }
    let mut kept: Vec<(usize, usize, EntityKind)> = spans(tags)
        .into_iter()
        .filter(|&(s, e, _)| matches.iter().all(|m| e <= m.start || s >= m.end))
        .collect();
    kept.extend(matches.iter().map(|m| (m.start, m.end, m.entry.kind)));
    kept.sort_unstable_by_key(|s| s.0);
    *tags = tags_from_spans(tags.len(), &kept);
}

/// Rule 7: a listed name of `kind` of several words is completed when the tagger found only
/// part of it (`بان` + `[كي مون]` → `[بان كي مون]`): where every span the tagger gave inside
/// the listed name is of `kind` and lies within it, the whole name becomes one. Spans
/// reaching outside the name are left as they are, and so are those for which
/// `keep(part, name)` holds (token ranges). Persons in every output; organisations and
/// places in the panel only (rule 14), and not where the part is listed itself and what the
/// full name adds only says what it is (`حركة حماس`, `دولة قطر`; see [`is_place_descriptor`]):
/// news annotation leaves such words out, and `حماس` would become two entities.
pub fn complete_listed_names(
    gaz: &[u8],
    kind: EntityKind,
    keep: impl Fn(Range<usize>, Range<usize>) -> bool,
    tags: &mut Vec<Tag>,
) {
    let found = spans(tags);
    let mut kept = found.clone();
    let mut changed = false;
    for (start, end, kinds) in listed_names(gaz) {
        if end - start < 2 || kinds & kind_bit(kind) == 0 {
            continue;
        }
        let inside: Vec<&(usize, usize, EntityKind)> = found
            .iter()
            .filter(|&&(s, e, _)| s < end && e > start)
            .collect();
        let fits = !inside.is_empty()
            && inside
                .iter()
                .all(|&&(s, e, k)| s >= start && e <= end && k == kind && !keep(s..e, start..end));
        let whole = inside.len() == 1 && inside[0].0 == start && inside[0].1 == end;
        if fits && !whole {
            kept.retain(|&(s, e, _)| e <= start || s >= end);
            kept.push((start, end, kind));
            changed = true;
        }
    }
    if changed {
        kept.sort_unstable_by_key(|s| s.0);
        *tags = tags_from_spans(tags.len(), &kept);
    }
}

/// Normalized words that only say what kind of place a name is: `دولة قطر` is `قطر`. Not
/// directions or landforms: `جنوب السودان`, `خليج قابس` and `العاصمة` name other places.
pub(super) const PLACE_DESCRIPTORS: [&str; 13] = [
    "دوله",
    "مملكه",
    "جمهوريه",
    "اماره",
    "ولايه",
    "اقليم",
    "منطقه",
    "جزيره",
    "مدينه",
    "محافظه",
    "بلده",
    "قريه",
    "مقاطعه",
];

/// Whether a normalized word (proclitics allowed) only says what kind of place follows.
pub(super) fn is_place_descriptor(word: &str) -> bool {
    proclitic_splits(word)
        .iter()
        .any(|c| PLACE_DESCRIPTORS.contains(&c.stem.as_str()))
}

/// Whether the tagger's place `part` of the listed place `name` (token ranges over `norms`)
/// stays as it is: it is a listed place itself (`listed`) and the rest of the name only says
/// what kind of place it is (`دولة قطر`). A word that normalizes to nothing (a lone tatweel)
/// adds nothing either.
pub fn place_part_stands(
    norms: &[String],
    part: Range<usize>,
    name: Range<usize>,
    listed: impl Fn(&[String]) -> bool,
) -> bool {
    let mut added = (name.start..part.start).chain(part.end..name.end);
    listed(&norms[part]) && added.all(|i| norms[i].is_empty() || is_place_descriptor(&norms[i]))
}

/// Prepositions, normalized: a listed name that starts with one is a work's title (`بين
/// القصرين`), which in running text is more often just the words.
pub(super) const PREPOSITIONS: [&str; 16] = [
    "بين", "في", "من", "علي", "الي", "عن", "مع", "حتي", "منذ", "بعد", "قبل", "عند", "لدي", "امام",
    "تحت", "فوق",
];

/// Rule 13: a listed name of several words that the tagger did not tag as a name of its
/// listed kind is one (`وزارة الداخلية`, `الهيئة العليا المستقلة للانتخابات`): a phrase that
/// long that the lists give one kind is seldom anything else, while ANERcorp, which the
/// tagger learned from, leaves ministries and many institutions untagged. Names of another
/// kind the tagger found inside it become part of it (`نداء [تونس]`, `وكالة [تونس]
/// [افريقيا] للأنباء`, `الجوهرة [اف ام]`), unless one reaches out of it; one part of the
/// listed kind is rule 14's to complete, several are joined (`[الكوت] [ديفوار]`). Names
/// listed under several kinds, and names
/// starting with a preposition, are left to the tagger.
pub fn tag_listed_names_left_out(norms: &[String], gaz: &[u8], tags: &mut [Tag]) {
    for (start, end, kinds) in listed_names(gaz) {
        let Some(kind) = EntityKind::ALL.into_iter().find(|&k| kind_bit(k) == kinds) else {
            continue;
        };
        let crosses = tags[start].is_inside() || tags.get(end).is_some_and(|t| t.is_inside());
        // One part of the listed kind is rule 14's to complete; the name cut in several parts
        // (`[الكوت] [ديفوار]`) is joined here.
        let parts = tags[start..end].iter().filter(|t| t.is_begin()).count();
        let one_part_of_kind =
            parts == 1 && tags[start..end].iter().any(|t| t.kind() == Some(kind));
        if end - start < 2
            || PREPOSITIONS.contains(&norms[start].as_str())
            || crosses
            || one_part_of_kind
        {
            continue;
        }
        tags[start] = kind.begin();
        for t in &mut tags[start + 1..end] {
            *t = kind.inside();
        }
    }
}
