//! The BIO tag set, spelled exactly as ANERcorp spells it, and the entity kinds.

use serde::{Deserialize, Serialize};

/// Entity types. Serialized in lowercase (`"person"`, `"location"`, `"organization"`,
/// `"misc"`); ANERcorp's names (`PERS`, `LOC`, `ORG`, `MISC`) are accepted when reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    #[serde(alias = "PERS", alias = "pers", alias = "PER", alias = "per")]
    Person,
    #[serde(alias = "LOC", alias = "loc")]
    Location,
    #[serde(alias = "ORG", alias = "org")]
    Organization,
    #[serde(alias = "MISC")]
    Misc,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Location,
        EntityKind::Organization,
        EntityKind::Misc,
    ];

    /// ANERcorp's name for the type: `PERS`, `LOC`, `ORG`, `MISC`.
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PERS",
            EntityKind::Location => "LOC",
            EntityKind::Organization => "ORG",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses `PERS`/`LOC`/`ORG`/`MISC` or the lowercase serde names.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "PERS" | "PER" | "person" | "pers" | "per" => Some(EntityKind::Person),
            "LOC" | "location" | "loc" => Some(EntityKind::Location),
            "ORG" | "organization" | "org" => Some(EntityKind::Organization),
            "MISC" | "misc" => Some(EntityKind::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            EntityKind::Person => 0,
            EntityKind::Location => 1,
            EntityKind::Organization => 2,
            EntityKind::Misc => 3,
        }
    }

    /// The `B-` tag of this kind.
    pub fn begin(self) -> Tag {
        Tag(1 + 2 * self.index() as u8)
    }

    /// The `I-` tag of this kind.
    pub fn inside(self) -> Tag {
        Tag(2 + 2 * self.index() as u8)
    }
}

/// Number of tags: `O` and `B-`/`I-` for four kinds.
pub const NUM_TAGS: usize = 9;

/// Tag names in index order.
pub const TAG_NAMES: [&str; NUM_TAGS] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];

/// One BIO tag, as an index into [`TAG_NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);

    pub fn from_name(name: &str) -> Option<Tag> {
        TAG_NAMES
            .iter()
            .position(|&n| n == name)
            .map(|i| Tag(i as u8))
    }

    pub fn name(self) -> &'static str {
        TAG_NAMES[self.index()]
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The kind of a `B-`/`I-` tag; `None` for `O`.
    pub fn kind(self) -> Option<EntityKind> {
        (self.0 > 0).then(|| EntityKind::ALL[usize::from((self.0 - 1) / 2)])
    }

    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1
    }

    pub fn is_inside(self) -> bool {
        self.0 > 0 && self.0.is_multiple_of(2)
    }

    /// Whether `self` may follow `prev` (`None`: sentence start) in a well-formed sequence:
    /// an `I-X` only continues a `B-X` or `I-X`.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        !self.is_inside() || prev.is_some_and(|p| p.kind() == self.kind() && p != Tag::O)
    }
}

/// Entity spans `(start, end, kind)` (token indices, end exclusive) in a BIO sequence, CoNLL
/// convention: an `I-X` that does not continue an `X` entity starts one.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityKind)> {
    let mut out: Vec<(usize, usize, EntityKind)> = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let kind = tag.kind();
        let continues = tag.is_inside() && open.is_some_and(|(_, k)| Some(k) == kind);
        if continues {
            continue;
        }
        if let Some((start, k)) = open.take() {
            out.push((start, i, k));
        }
        open = kind.map(|k| (i, k));
    }
    if let Some((start, k)) = open {
        out.push((start, tags.len(), k));
    }
    out
}

/// Writes `spans` back as BIO tags over `len` tokens.
pub fn tags_from_spans(len: usize, spans: &[(usize, usize, EntityKind)]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; len];
    for &(start, end, kind) in spans {
        for (i, tag) in tags.iter_mut().enumerate().take(end).skip(start) {
            *tag = if i == start {
                kind.begin()
            } else {
                kind.inside()
            };
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(names: &[&str]) -> Vec<Tag> {
        names.iter().filter_map(|n| Tag::from_name(n)).collect()
    }

    #[test]
    fn names_round_trip() {
        for name in TAG_NAMES {
            assert_eq!(Tag::from_name(name).map(Tag::name), Some(name));
        }
        assert_eq!(EntityKind::Organization.begin().name(), "B-ORG");
        assert_eq!(EntityKind::Misc.inside().name(), "I-MISC");
    }

    #[test]
    fn conll_span_convention() {
        let tags = t(&["I-PERS", "I-PERS", "O", "B-LOC", "I-ORG", "B-LOC", "I-LOC"]);
        assert_eq!(
            spans(&tags),
            vec![
                (0, 2, EntityKind::Person),
                (3, 4, EntityKind::Location),
                (4, 5, EntityKind::Organization),
                (5, 7, EntityKind::Location),
            ]
        );
        let back = tags_from_spans(tags.len(), &spans(&tags));
        assert_eq!(back[0].name(), "B-PERS");
        assert_eq!(back[6].name(), "I-LOC");
    }
}
