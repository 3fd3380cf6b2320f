//! From tagged spans to entities: mention offsets without proclitics, normalized grouping
//! keys, surname joining, majority type and display names.

use std::collections::{HashMap, HashSet};

use super::gazetteer::{Gazetteer, WordClass, kind_bit};
use super::tags::EntityKind;
use super::{Entity, Mention};
use crate::text::normalize_name;

/// One recognised span, before grouping.
#[derive(Debug, Clone)]
pub struct RawMention {
    pub range: std::ops::Range<usize>,
    pub text: String,
    /// Display form: the surface text, with `لل` restored to `ال`.
    pub display: String,
    pub key: String,
    pub kind: EntityKind,
    pub tokens: usize,
    /// Set when a user gazetteer entry fixed the key and display name.
    pub canonical: Option<String>,
    /// Places inside the name (rule 25).
    pub places: Vec<String>,
}

struct Group {
    key: String,
    mentions: Vec<RawMention>,
}

/// Groups mentions by key, joins person surnames to full names, names to their form with
/// an adjective of belonging (see [`join_qualified_names`]; `gazetteer` knows the places) and
/// spellings the lists give for one name (`panel_names` first, then `gazetteer`), and builds
/// entities sorted by number of mentions (then first occurrence).
pub fn group(
    mentions: Vec<RawMention>,
    gazetteer: &Gazetteer,
    panel_names: &Gazetteer,
) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for m in mentions {
        let i = *index.entry(m.key.clone()).or_insert_with(|| {
            groups.push(Group {
                key: m.key.clone(),
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        groups[i].mentions.push(m);
    }
    join_surnames(&mut groups);
    join_qualified_names(&mut groups, gazetteer);
    join_listed_spellings(&mut groups, &[panel_names, gazetteer]);
    let mut entities: Vec<Entity> = groups
        .into_iter()
        .filter(|g| !g.mentions.is_empty())
        .map(entity)
        .collect();
    entities.sort_by_key(|e| {
        (
            std::cmp::Reverse(e.mentions.len()),
            e.mentions.first().map_or(0, |m| m.range.start),
        )
    });
    entities
}

fn majority(mentions: &[RawMention]) -> EntityKind {
    let mut counts: Vec<(EntityKind, usize)> = Vec::new();
    for m in mentions {
        match counts.iter_mut().find(|(k, _)| *k == m.kind) {
            Some(c) => c.1 += 1,
            None => counts.push((m.kind, 1)),
        }
    }
    // First-seen kind wins ties: `max_by_key` keeps the last maximum, so scan reversed.
    counts
        .iter()
        .rev()
        .max_by_key(|c| c.1)
        .map_or(EntityKind::Misc, |c| c.0)
}

/// Words a part of a person's name joined to the full name may have.
const SURNAME_WORDS: usize = 8;

/// Joins a person group whose key is a proper prefix or suffix (in words, at most
/// [`SURNAME_WORDS`]) of exactly one longer person group's key into that group: `بوتين` →
/// `فلاديمير بوتين`.
fn join_surnames(groups: &mut [Group]) {
    let persons: Vec<usize> = (0..groups.len())
        .filter(|&i| majority(&groups[i].mentions) == EntityKind::Person)
        .collect();
    // The proper prefixes and suffixes (up to `SURNAME_WORDS` words) of each person's key,
    // with the groups they are part of: linear in the length of the names, however many an
    // article has and however long a (hostile) one is.
    let mut longer: HashMap<&str, Vec<usize>> = HashMap::new();
    for &l in &persons {
        let key = groups[l].key.as_str();
        let prefixes = key.match_indices(' ').take(SURNAME_WORDS);
        let suffixes = key.rmatch_indices(' ').take(SURNAME_WORDS);
        let parts = prefixes
            .map(|(i, _)| &key[..i])
            .chain(suffixes.map(|(i, _)| &key[i + 1..]));
        for part in parts {
            let within = longer.entry(part).or_default();
            if within.last() != Some(&l) {
                within.push(l);
            }
        }
    }
    let moves = joins(&persons, groups, &longer, |_| true);
    apply_moves(groups, moves);
}

/// Joins an organisation or place group into the one group of its kind whose key is its key
/// and one more word, an adjective of belonging ([`Gazetteer::is_belonging_adjective`]):
/// `الكونغرس` → `الكونغرس الامريكي`, `ادلب` → `ادلب السوريه`, `مجلس الامن` → `مجلس الامن
/// الدولي`. A single word that only says what kind of body or place it is stays apart
/// (`النادي` is not `النادي الافريقي`, nor `البنك` `البنك الدولي`).
fn join_qualified_names(groups: &mut [Group], gazetteer: &Gazetteer) {
    let heads = 1 << WordClass::OrgTrigger as u8 | 1 << WordClass::LocTrigger as u8;
    let kinds: Vec<EntityKind> = groups.iter().map(|g| majority(&g.mentions)).collect();
    let candidates: Vec<usize> = (0..groups.len())
        .filter(|&i| matches!(kinds[i], EntityKind::Organization | EntityKind::Location))
        .collect();
    let mut longer: HashMap<&str, Vec<usize>> = HashMap::new();
    for &l in &candidates {
        let key = groups[l].key.as_str();
        if let Some((head, adj)) = key.rsplit_once(' ')
            && gazetteer.is_belonging_adjective(adj)
        {
            longer.entry(head).or_default().push(l);
        }
    }
    let joinable = |short: usize| {
        let key = &groups[short].key;
        key.contains(' ') || gazetteer.word_classes(key) & heads == 0
    };
    let shorts: Vec<usize> = candidates.into_iter().filter(|&s| joinable(s)).collect();
    let moves = joins(&shorts, groups, &longer, |(s, l)| kinds[s] == kinds[l]);
    apply_moves(groups, moves);
}

/// Joins the groups of one article that the lists give as spellings of one name, of the
/// kind the lists give it alone: `السعودية` and `المملكة العربية السعودية`, `نداء تونس` and
/// `حركة نداء تونس`, `الفيفا` and `الاتحاد الدولي لكرة القدم`. They join the group with the
/// most words, whose key the entity keeps (an article naming only one of them keeps it as
/// it is).
fn join_listed_spellings(groups: &mut [Group], lists: &[&Gazetteer]) {
    // Keyed by the list and its entry: a spelling belongs to the first list that has it.
    let mut by_entry: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        let listed = lists
            .iter()
            .enumerate()
            .find_map(|(l, list)| list.get_by_name_key(&g.key).map(|e| (l, e)));
        let Some((list, entry)) = listed.filter(|_| !g.mentions.is_empty()) else {
            continue;
        };
        if entry.kinds == kind_bit(majority(&g.mentions)) {
            by_entry
                .entry((list, entry.name.as_str()))
                .or_default()
                .push(i);
        }
    }
    let mut moves = Vec::new();
    for members in by_entry.into_values().filter(|m| m.len() > 1) {
        let words = |i: usize| groups[i].key.split(' ').count();
        let Some(&to) = members
            .iter()
            .max_by_key(|&&i| (words(i), std::cmp::Reverse(i)))
        else {
            continue;
        };
        moves.extend(members.into_iter().filter(|&i| i != to).map(|i| (i, to)));
    }
    moves.sort_unstable();
    apply_moves(groups, moves);
}

/// For each group of `shorts` in order, the one group `longer` lists for its key (among
/// those `fits` accepts for it), if there is exactly one.
fn joins(
    shorts: &[usize],
    groups: &[Group],
    longer: &HashMap<&str, Vec<usize>>,
    fits: impl Fn((usize, usize)) -> bool,
) -> Vec<(usize, usize)> {
    shorts
        .iter()
        .filter_map(|&s| {
            let within = longer.get(groups[s].key.as_str())?;
            let mut targets = within.iter().filter(|&&l| l != s && fits((s, l)));
            match (targets.next(), targets.next()) {
                (Some(&l), None) => Some((s, l)),
                _ => None,
            }
        })
        .collect()
}

/// Moves each `(from, to)` group's mentions, in order, as joining one group at a time would.
fn apply_moves(groups: &mut [Group], moves: Vec<(usize, usize)>) {
    for (from, to) in moves {
        let moved = std::mem::take(&mut groups[from].mentions);
        groups[to].mentions.extend(moved);
    }
}

fn entity(g: Group) -> Entity {
    let kind = majority(&g.mentions);
    let name = display_name(&g.mentions);
    let key = g
        .mentions
        .iter()
        .find_map(|m| m.canonical.as_ref().map(|_| m.key.clone()))
        .unwrap_or(g.key);
    let aliases = aliases(&g.mentions, &key, &name);
    let mut places: Vec<String> = Vec::new();
    for p in g.mentions.iter().flat_map(|m| &m.places) {
        if !places
            .iter()
            .any(|q| normalize_name(q) == normalize_name(p))
        {
            places.push(p.clone());
        }
    }
    let mut mentions: Vec<Mention> = g
        .mentions
        .into_iter()
        .map(|m| Mention {
            range: m.range,
            text: m.text,
        })
        .collect();
    mentions.sort_by_key(|m| m.range.start);
    Entity {
        name,
        key,
        kind,
        mentions,
        aliases,
        places,
    }
}

/// The other names the entity's mentions were grouped from (`الفيفا` in `الاتحاد الدولي
/// لكرة القدم`, `بوتين` in `فلاديمير بوتين`): one display form per key other than the
/// entity's, in text order, none spelt like its name.
fn aliases(mentions: &[RawMention], key: &str, name: &str) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::from([key]);
    let mut first: Vec<&RawMention> = mentions
        .iter()
        .filter(|m| seen.insert(m.key.as_str()))
        .collect();
    first.sort_by_key(|m| m.range.start);
    let name = normalize_name(name);
    first
        .into_iter()
        .map(|m| m.display.clone())
        .filter(|d| normalize_name(d) != name)
        .collect()
}

/// The most complete form: a user entry's name if any, else the display form with most
/// words, then the most frequent, then the first seen.
fn display_name(mentions: &[RawMention]) -> String {
    if let Some(c) = mentions.iter().find_map(|m| m.canonical.clone()) {
        return c;
    }
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for m in mentions {
        *freq.entry(m.display.as_str()).or_insert(0) += 1;
    }
    let mut seen = HashSet::new();
    let mut best: Option<(&RawMention, usize)> = None;
    for m in mentions {
        if !seen.insert(m.display.as_str()) {
            continue;
        }
        let f = freq.get(m.display.as_str()).copied().unwrap_or(0);
        let better = best.is_none_or(|(b, bf)| (m.tokens, f) > (b.tokens, bf));
        if better {
            best = Some((m, f));
        }
    }
    best.map(|(m, _)| m.display.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, display: &str, key: &str, kind: EntityKind) -> RawMention {
        RawMention {
            range: start..start + display.len(),
            text: display.to_string(),
            display: display.to_string(),
            key: key.to_string(),
            kind,
            tokens: key.split(' ').count(),
            canonical: None,
            places: Vec::new(),
        }
    }

    fn group_plain(mentions: Vec<RawMention>) -> Vec<Entity> {
        group(mentions, &Gazetteer::default(), &Gazetteer::default())
    }

    fn places() -> Gazetteer {
        Gazetteer::from_lines(
            "LOC\tالولايات المتحدة|أمريكا\nLOC\tسوريا\nLOC\tكوريا\nORG-TRIGGER\tنادي\n",
        )
    }

    /// (name, mentions) of each entity, in order.
    fn summary(entities: &[Entity]) -> Vec<(&str, usize)> {
        entities
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect()
    }

    #[test]
    fn joins_a_name_to_its_form_with_an_adjective_of_belonging() {
        use EntityKind::*;
        let e = group(
            vec![
                m(0, "الكونغرس", "الكونغرس", Organization),
                m(10, "الكونغرس الأمريكي", "الكونغرس الامريكي", Organization),
                m(40, "الكونغرس", "الكونغرس", Organization),
                m(50, "إدلب", "ادلب", Location),
                m(60, "إدلب السورية", "ادلب السوريه", Location),
                m(80, "مجلس الأمن", "مجلس الامن", Organization),
                m(90, "مجلس الأمن الدولي", "مجلس الامن الدولي", Organization),
            ],
            &places(),
            &Gazetteer::default(),
        );
        assert_eq!(
            summary(&e),
            [
                ("الكونغرس الأمريكي", 3),
                ("إدلب السورية", 2),
                ("مجلس الأمن الدولي", 2)
            ]
        );
        assert_eq!(e[0].key, "الكونغرس الامريكي");
    }

    #[test]
    fn joins_spellings_the_lists_give_for_one_name() {
        use EntityKind::*;
        let lists = Gazetteer::from_lines(
            "LOC\tالولايات المتحدة|أمريكا\nORG\tحركة نداء تونس|نداء تونس\nLOC\tتونس\nORG\tالكاف|نادي الكاف\nLOC\tالكاف\n",
        );
        let e = group(
            vec![
                m(0, "أمريكا", "امريكا", Location),
                m(10, "نداء تونس", "نداء تونس", Organization),
                m(30, "الولايات المتحدة", "الولايات المتحده", Location),
                m(50, "حركة نداء تونس", "حركه نداء تونس", Organization),
                m(70, "أمريكا", "امريكا", Location),
                // Listed as a place and a club: which one is the tagger's to say.
                m(80, "الكاف", "الكاف", Location),
                m(90, "نادي الكاف", "نادي الكاف", Organization),
            ],
            &lists,
            &Gazetteer::default(),
        );
        assert_eq!(
            summary(&e),
            [
                ("الولايات المتحدة", 3),
                ("حركة نداء تونس", 2),
                ("الكاف", 1),
                ("نادي الكاف", 1)
            ]
        );
        assert_eq!(e[0].key, "الولايات المتحده");
        // The index still finds the article under the other spelling.
        assert_eq!(e[0].aliases, ["أمريكا"]);
        assert_eq!(e[1].aliases, ["نداء تونس"]);
        assert!(e[2].aliases.is_empty());
        // A spelling a different kind of name has is not joined.
        let e = group(
            vec![
                m(0, "أمريكا", "امريكا", Person),
                m(30, "الولايات المتحدة", "الولايات المتحده", Location),
            ],
            &lists,
            &Gazetteer::default(),
        );
        assert_eq!(e.len(), 2);
    }

    /// A spelling with a hamza seat (`الهيئة`: grouping keys fold it, the lists' keys do not),
    /// and one the panel-only list gives: that list is asked first, so its spellings join
    /// even where the built-in lists hold one of them under another entry.
    #[test]
    fn joins_listed_spellings_with_hamza_seats_and_from_the_panel_list() {
        use EntityKind::*;
        let lists = Gazetteer::from_lines("ORG\tهيئة الإذاعة البريطانية|بي بي سي\nORG\tالهايكا\n");
        let panel =
            Gazetteer::from_lines("ORG\tالهيئة العليا المستقلة للاتصال السمعي البصري|الهايكا\n");
        let e = group(
            vec![
                m(
                    0,
                    "هيئة الإذاعة البريطانية",
                    "هييه الاذاعه البريطانيه",
                    Organization,
                ),
                m(40, "بي بي سي", "بي بي سي", Organization),
                m(
                    60,
                    "الهيئة العليا المستقلة للاتصال السمعي البصري",
                    "الهييه العليا المستقله للاتصال السمعي البصري",
                    Organization,
                ),
                m(120, "الهايكا", "الهايكا", Organization),
            ],
            &lists,
            &panel,
        );
        assert_eq!(
            summary(&e),
            [
                ("هيئة الإذاعة البريطانية", 2),
                ("الهيئة العليا المستقلة للاتصال السمعي البصري", 2)
            ]
        );
    }

    #[test]
    fn keeps_names_apart_that_an_adjective_makes_another() {
        use EntityKind::*;
        let cases = [
            // A direction names another place.
            (
                "كوريا",
                "كوريا",
                "كوريا الشمالية",
                "كوريا الشماليه",
                Location,
            ),
            // Not an adjective of belonging.
            (
                "المنتخب",
                "المنتخب",
                "المنتخب الوطني",
                "المنتخب الوطني",
                Organization,
            ),
            // The word alone only says what kind of body it is.
            (
                "النادي",
                "النادي",
                "النادي الأمريكي",
                "النادي الامريكي",
                Organization,
            ),
        ];
        for (short, short_key, long, long_key, kind) in cases {
            let e = group(
                vec![m(0, short, short_key, kind), m(20, long, long_key, kind)],
                &places(),
                &Gazetteer::default(),
            );
            assert_eq!(e.len(), 2, "{short} / {long}");
        }
        // Two places it could belong to: which one is not known.
        let e = group(
            vec![
                m(0, "الكونغرس", "الكونغرس", Organization),
                m(10, "الكونغرس الأمريكي", "الكونغرس الامريكي", Organization),
                m(40, "الكونغرس السوري", "الكونغرس السوري", Organization),
            ],
            &places(),
            &Gazetteer::default(),
        );
        assert_eq!(e.len(), 3);
        // Kinds must agree.
        let e = group(
            vec![
                m(0, "سوريا", "سوريا", Location),
                m(10, "سوريا الأمريكية", "سوريا الامريكيه", Misc),
            ],
            &places(),
            &Gazetteer::default(),
        );
        assert_eq!(e.len(), 2);
    }

    /// Joining compared every name with every other: an article naming 40,000 people and
    /// bodies (a hostile file) took 40 s to group, now linear; so is a name of 200,000 words.
    #[test]
    fn joining_is_linear_in_the_number_of_names() {
        use EntityKind::*;
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut mentions = Vec::new();
            for i in 0..20_000 {
                let (full, surname) = (format!("ا{i} ب{i}"), format!("ب{i}"));
                let (body, qualified) = (format!("هيئه{i}"), format!("هيئه{i} الامريكي"));
                mentions.push(m(0, &full, &full, Person));
                mentions.push(m(0, &surname, &surname, Person));
                mentions.push(m(0, &body, &body, Organization));
                mentions.push(m(0, &qualified, &qualified, Organization));
            }
            // And one name as long as a hostile file makes it (a person joined across
            // connectors: `للخبز بن للخبز بن …`), beside a part of it.
            let giant = vec!["بن للخبز"; 100_000].join(" ");
            mentions.push(m(0, &giant, &giant, Person));
            mentions.push(m(0, "بن", "بن", Person));
            let _ = send.send(group(mentions, &places(), &Gazetteer::default()).len());
        });
        let entities = receive.recv_timeout(std::time::Duration::from_secs(120));
        assert_eq!(entities, Ok(40_001));
    }

    #[test]
    fn groups_by_key_and_majority() {
        use EntityKind::*;
        let e = group_plain(vec![
            m(0, "موسكو", "موسكو", Location),
            m(10, "موسكو", "موسكو", Organization),
            m(20, "موسكو", "موسكو", Location),
            m(30, "بكين", "بكين", Location),
        ]);
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[0].name.as_str(), e[0].kind, e[0].mentions.len()),
            ("موسكو", Location, 3)
        );
    }

    #[test]
    fn joins_surname_to_full_name() {
        use EntityKind::*;
        let e = group_plain(vec![
            m(0, "بوتين", "بوتين", Person),
            m(10, "فلاديمير بوتين", "فلاديمير بوتين", Person),
            m(40, "بوتين", "بوتين", Person),
            m(50, "شي", "شي", Person),
            m(60, "شي جين بينغ", "شي جين بينغ", Person),
        ]);
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[0].name.as_str(), e[0].mentions.len()),
            ("فلاديمير بوتين", 3)
        );
        assert_eq!(e[0].key, "فلاديمير بوتين");
        assert_eq!(
            (e[1].name.as_str(), e[1].mentions.len()),
            ("شي جين بينغ", 2)
        );
    }

    #[test]
    fn ambiguous_surname_stays_alone() {
        use EntityKind::*;
        let e = group_plain(vec![
            m(0, "محمد", "محمد", Person),
            m(10, "محمد علي", "محمد علي", Person),
            m(30, "محمد صالح", "محمد صالح", Person),
        ]);
        assert_eq!(e.len(), 3);
    }
}
