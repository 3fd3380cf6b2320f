//! Named things and quoted names: works' titles, laws, quoted organisations and listed names
//! around quotes (rules 9, 16, 19 and 24).

use super::*;

/// Nouns for works whose title follows in quotes, normalized (`رواية` → `روايه`).
/// (`ديوان` is left out: as often a royal or government office, `الديوان الملكي`.)
pub(super) const WORK_NOUNS: [&str; 9] = [
    "برنامج",
    "مسلسل",
    "فيلم",
    "كتاب",
    "روايه",
    "مسرحيه",
    "اغنيه",
    "البوم",
    "قصيده",
];

/// Whether a stem (proclitics off) is a work noun, with or without the article or a
/// possessive or accusative ending (`البرنامج`، `برنامجا`، `كتابه`، `روايتها`).
pub(super) fn is_work_noun(stem: &str) -> bool {
    let bare = stem.strip_prefix("ال").filter(|b| b.chars().count() >= 3);
    [Some(stem), bare].into_iter().flatten().any(|w| {
        WORK_NOUNS.contains(&w)
            || ["ها", "ه", "ا"].iter().any(|end| {
                w.strip_suffix(end).is_some_and(|head| {
                    WORK_NOUNS.contains(&head)
                        || head
                            .strip_suffix('ت')
                            .is_some_and(|h| WORK_NOUNS.contains(&format!("{h}ه").as_str()))
                })
            })
    })
}

/// Words a work noun and its title's opening quote may have between them (`رواية محفوظ
/// الأولى « … »`).
pub(super) const TITLE_GAP: usize = 3;

/// Prepositions, normalized, that end a work noun's description.
pub(super) const TITLE_GAP_STOPS: [&str; 9] =
    ["عن", "حول", "علي", "في", "من", "الي", "مع", "ضد", "بين"];

/// Words a quoted title may have.
pub(super) const TITLE_WORDS: usize = 6;

/// Rule 9: the quoted title of a work (`برنامج « … »`، `رواية " … "`) is a MISC name, with
/// any names the tagger found inside it (ANERcorp's convention: of such titles in the
/// first 90% of its train sentences, 25 are one MISC name, 8 untagged, 6 tagged otherwise).
pub fn quoted_work_titles(norms: &[String], stems: &[String], tags: &mut [Tag]) {
    let n = norms.len().min(stems.len()).min(tags.len());
    for i in 0..n {
        if !is_work_noun(&stems[i]) && !is_work_noun(&norms[i]) {
            continue;
        }
        let Some(open) = (i + 1..n.min(i + 2 + TITLE_GAP)).find(|&k| is_quote(&norms[k])) else {
            continue;
        };
        // Words between the noun and the quote describe the work. One with و starts another
        // phrase, whose quote this is not (`"مهن الكتاب وقضاياه" و"…"`), and after a
        // preposition the quote is what the work is about (`فيلمه عن الدكتاتور "…"`).
        if norms[i + 1..open]
            .iter()
            .any(|w| w.starts_with('و') || TITLE_GAP_STOPS.contains(&w.as_str()))
        {
            continue;
        }
        let Some(close) = closing_quote(&norms[open]) else {
            continue;
        };
        let Some(end) = (open + 2..n.min(open + 2 + TITLE_WORDS)).find(|&k| norms[k] == close)
        else {
            continue;
        };
        // Names the tagger found inside the title become part of it (`فيلم « نحبك هادي »`),
        // unless one reaches out of the quotes.
        let crosses = tags[open + 1].is_inside() || tags.get(end).is_some_and(|t| t.is_inside());
        if crosses || (open + 1..end).any(|k| is_quote(&norms[k])) {
            continue;
        }
        let misc = EntityKind::Misc;
        tags[open + 1] = misc.begin();
        tags[open + 2..end].fill(misc.inside());
    }
}

/// Heads, normalized and without proclitics, whose name often follows in quotes: companies,
/// media, parties, movements, associations, clubs and institutes (`شركة «غوغل»`, `صحيفة
/// "النهار"`, `حزب "نداء تونس"`). Not the bodies named after a place (`شرطة "مانشستر"`,
/// `برلمان "طبرق"`), nor `جامعة`, which ANERcorp tags as part of the name.
pub(super) const QUOTED_NAME_HEADS: [&str; 30] = [
    "شركه",
    "شركات",
    "مؤسسه",
    "مجموعه",
    "صحيفه",
    "جريده",
    "مجله",
    "قناه",
    "اذاعه",
    "وكاله",
    "حزب",
    "حركه",
    "جمعيه",
    "منظمه",
    "نادي",
    "فريق",
    "مركز",
    "معهد",
    "صندوق",
    "بنك",
    "مصرف",
    "هيئه",
    "اتحاد",
    "موقع",
    "شبكه",
    "تنظيم",
    "جماعه",
    "نقابه",
    "ائتلاف",
    "تيار",
];

pub(super) fn is_quoted_name_head(norm: &str) -> bool {
    // `بتنظيم "…"` is "by organising" an event, not "by the organisation".
    quoted_name_head(norm).is_some_and(|c| !(c.stem == "تنظيم" && c.prefix.contains('ب')))
}

/// The split of a normalized word that leaves a head of [`QUOTED_NAME_HEADS`], if any.
pub(super) fn quoted_name_head(norm: &str) -> Option<Clitics<'_>> {
    proclitic_splits(norm)
        .into_iter()
        .find(|c| QUOTED_NAME_HEADS.contains(&c.stem.as_str()))
}

/// A lone indefinite feminine adjective in quotes classes the head, it does not name it
/// (`منظمة "إرهابية"`).
pub(super) fn is_quoted_adjective(words: &[String]) -> bool {
    matches!(words, [w] if !w.starts_with("ال") && w.ends_with("يه") && w.chars().count() >= 5)
}

/// Rule 16: a quoted name right after an organisation head is an organisation (`شركة
/// «غوغل»`, `صحيفة "السفير"`, `حزب "نداء تونس"`), whatever the tagger made of its words (a
/// place, a person, nothing); the head and the quotes stay outside it, as in ANERcorp, where
/// 42 of the 44 quoted names after such heads in its train sentences are tagged so. On the
/// folds' predictions (seed 42) it finds 8 more names and makes 1 fewer wrong one, net: the
/// two it gets wrong are `«المهاجرون»`, left untagged there.
pub fn quoted_organisation_names(norms: &[String], tags: &mut [Tag]) {
    let n = norms.len().min(tags.len());
    for head in 0..n.saturating_sub(3) {
        let open = head + 1;
        let Some(close) = closing_quote(&norms[open]) else {
            continue;
        };
        if !is_quoted_name_head(&norms[head]) {
            continue;
        }
        let Some(end) = (open + 2..n.min(open + 2 + TITLE_WORDS)).find(|&k| norms[k] == close)
        else {
            continue;
        };
        if (open + 1..end).any(|k| is_quote(&norms[k]))
            || is_quoted_adjective(&norms[open + 1..end])
        {
            continue;
        }
        tags[head..=end].fill(Tag::O);
        let org = EntityKind::Organization;
        tags[open + 1] = org.begin();
        tags[open + 2..end].fill(org.inside());
        if let Some(next) = tags.get_mut(end + 1)
            && let Some(kind) = next.kind().filter(|_| next.is_inside())
        {
            *next = kind.begin();
        }
    }
}

/// Rule 19: a listed name written with its last words in quotes (`الجوهرة "اف ام"`, how
/// Jawhara FM writes its own name 400 times in its archive) is that name, quotes included,
/// whatever the tagger made of the quoted words (`اف ام` was a MISC name of its own).
/// `listed` gives the one kind the lists give the words without the quotes.
pub fn listed_names_around_quotes(
    norms: &[String],
    listed: impl Fn(&[String]) -> Option<EntityKind>,
    tags: &mut [Tag],
) {
    let n = norms.len().min(tags.len());
    for first in 0..n.saturating_sub(3) {
        let open = first + 1;
        let Some(close) = closing_quote(&norms[open]) else {
            continue;
        };
        let Some(end) = (open + 2..n.min(open + 2 + TITLE_WORDS)).find(|&k| norms[k] == close)
        else {
            continue;
        };
        let words: Vec<String> = std::iter::once(&norms[first])
            .chain(&norms[open + 1..end])
            .cloned()
            .collect();
        let crosses = tags[first].is_inside() || tags.get(end + 1).is_some_and(|t| t.is_inside());
        // After a head word the quoted name is rule 16's (`تنظيم "داعش"` is `داعش`), or no
        // one's (`بتنظيم "…"`).
        if crosses || quoted_name_head(&norms[first]).is_some() {
            continue;
        }
        let Some(kind) = listed(&words) else {
            continue;
        };
        tags[first] = kind.begin();
        tags[open..=end].fill(kind.inside());
    }
}

/// Rule 24: a law named by `قانون` and a definite noun, left untagged, is a named thing
/// (Other): `قانون المالية` (130 times in the Jawhara FM articles), `قانون المصالحة
/// الاقتصادية`, `قانون المالية لسنة 2017`, which a reader looks for across a folder. Its
/// adjectives and its year come with it. So is a code of law, which Tunisian usage calls
/// `مجلة` (`المجلة الجزائية`, `مجلة الأحوال الشخصية`, about 70 mentions), even where rule 2
/// made it an organisation (`مجلة` is also a magazine's head; a magazine with a definite
/// Arabic name, `مجلة الطب المهني`, is a named work, Other too).
pub fn named_laws(words: &[&str], norms: &[String], tags: &mut [Tag]) {
    let misc = EntityKind::Misc;
    let mut i = 0;
    while i + 1 < words.len() {
        let Some(code) = law_head(&norms[i]) else {
            i += 1;
            continue;
        };
        // A code may already be an organisation starting at its head.
        let free = |j: usize| {
            tags[j] == Tag::O
                || code
                    && tags[j].kind() == Some(EntityKind::Organization)
                    && (j > i) != tags[j].is_begin()
        };
        if !free(i) || !free(i + 1) || !is_definite(words[i + 1]) {
            i += 1;
            continue;
        }
        let mut end = i + 2;
        while end < words.len() && free(end) && is_definite_nisba(words[end]) {
            end += 1;
        }
        let year = words.get(end..end + 2).is_some_and(|w| {
            normalize(w[0]) == "لسنه" && w[1].chars().count() == 4 && is_number(w[1])
        });
        if year && tags[end..end + 2].iter().all(|t| *t == Tag::O) {
            end += 2;
        }
        if tags.get(end).is_some_and(|t| t.is_inside()) {
            i += 1;
            continue;
        }
        tags[i] = misc.begin();
        tags[i + 1..end].fill(misc.inside());
        i = end;
    }
}

/// Whether the normalized word (proclitics allowed) heads a law's name: `Some(false)` for
/// `قانون`, `Some(true)` for a code, `مجلة` (with or without the article).
fn law_head(norm: &str) -> Option<bool> {
    // The suffix tests first: this runs for every word of every article.
    let (law, code) = (norm.ends_with("قانون"), norm.ends_with("مجله"));
    if !law && !code {
        return None;
    }
    proclitic_splits(norm)
        .iter()
        .find_map(|c| match c.stem.as_str() {
            "قانون" => Some(false),
            "مجله" | "المجله" => Some(true),
            _ => None,
        })
}
