//! Post-rules applied to the tagger's output.
//!
//! 1. Organisation names end in nisba adjectives the tagger often leaves out
//!    (`وزارة الخزانة` + `الأمريكية`): an ORG span is extended over following definite
//!    nisba adjectives (normalized `ال…ي` / `ال…يه`, at least five letters, no proclitic)
//!    that the tagger tagged `O`.
//! 2. User entries win: a span matching a user gazetteer entry gets the user's type, and
//!    model spans overlapping it are dropped.

use super::gazetteer::Gazetteer;
use super::tags::{EntityKind, Tag, spans, tags_from_spans};
use crate::text::normalize;

fn is_definite_nisba(word: &str) -> bool {
    let norm = normalize(word);
    let Some(rest) = norm.strip_prefix("ال") else { return false };
    let letters = rest.chars().count();
    letters >= 3 && (rest.ends_with('ي') || rest.ends_with("يه"))
}

/// Rule 1: extends ORG spans over trailing definite nisba adjectives.
pub fn extend_org_nisba(tokens: &[&str], tags: &mut [Tag]) {
    let mut changed = Vec::new();
    for (_, end, kind) in spans(tags) {
        if kind != EntityKind::Organization {
            continue;
        }
        let mut j = end;
        while j < tokens.len() && tags[j] == Tag::O && is_definite_nisba(tokens[j]) {
            changed.push(j);
            j += 1;
        }
    }
    for j in changed {
        tags[j] = EntityKind::Organization.inside();
    }
}

/// Rule 2: user gazetteer matches override the model.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(names: &[&str]) -> Vec<Tag> {
        names.iter().filter_map(|n| Tag::from_name(n)).collect()
    }

    #[test]
    fn nisba_extends_org_only() {
        let toks = ["وزارة", "الخزانة", "الأمريكية", "الجديدة", "الرئيس", "الروسي"];
        let mut t = tags(&["B-ORG", "I-ORG", "O", "O", "O", "O"]);
        extend_org_nisba(&toks, &mut t);
        assert_eq!(t, tags(&["B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]));
        assert!(is_definite_nisba("الصينية"));
        assert!(!is_definite_nisba("والصينية"));
    }

    #[test]
    fn user_entries_override() {
        let user = Gazetteer::from_lines("ORG\tأبل\n");
        let norms: Vec<String> = ["قالت", "أبل", "اليوم"].iter().map(|w| normalize(w)).collect();
        let mut t = tags(&["O", "B-PERS", "I-PERS"]);
        apply_user_entries(&norms, &user, &mut t);
        assert_eq!(t, tags(&["O", "B-ORG", "O"]));
    }
}
