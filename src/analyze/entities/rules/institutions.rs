//! Institutions of Tunisian copy: local units, institutions named after someone, the places
//! they serve, and media without their kind (rules 4 for units, 25, 26 and 27).

use super::*;

/// Heads of a body's local units and of the places it runs (`فرقة الشرطة العدلية`, `إقليم
/// الحرس الوطني`, `سجن برج العامري`), normalized, without the article. Not `إدارة`, `مكتب`
/// or `فرع`, which as often say "the management of" or "the office of" a body already named
/// (`إدارة برشلونة`).
pub(super) const UNIT_HEADS: [&str; 8] = [
    "فرقه",
    "اقليم",
    "منطقه",
    "مصلحه",
    "سجن",
    "مستشفي",
    "مندوبيه",
    "دائره",
];

/// Whether `stem` (normalized, article allowed) heads a local unit of a body (see
/// `UNIT_HEADS`): before the body's name it is part of the unit's (panel rule 4).
pub fn is_unit_head(stem: &str) -> bool {
    UNIT_HEADS.contains(&stem.strip_prefix("ال").unwrap_or(stem))
}

/// Heads of schools, hospitals and places of worship, which Tunisia names after people and
/// places (`المعهد الثانوي ابن خلدون`, `المستشفى الجهوي الحسين بوزيان`), normalized, without
/// the article (rule 27).
pub(super) const NAMESAKE_HEADS: [&str; 8] = [
    "معهد",
    "مدرسه",
    "مستشفي",
    "اعداديه",
    "مستوصف",
    "جامع",
    "مسجد",
    "مركب",
];

/// Rule 27: a school, hospital or mosque named by its kind alone (`المعهد الثانوي`, `المستشفى
/// الجهوي`: a head and its adjectives) and then a person or place is named after them:
/// `المعهد الثانوي أبو القاسم الشابي`, `المستشفى الجهوي محمود الماطري`, `المعهد الثانوي
/// مونفلوري`. The name is the institution's, not a mention of the person. Not when the name
/// after it starts with `لـ` or `بـ` (`المعهد الوطني لعلوم …`, a complement the tagger took
/// for a person).
pub fn institutions_named_after(words: &[&str], norms: &[String], tags: &mut [Tag]) {
    let is_head = |stem: &str| {
        stem.strip_prefix("ال")
            .is_some_and(|bare| NAMESAKE_HEADS.contains(&bare))
    };
    for pair in spans(tags).windows(2) {
        let [(start, end, kind), (at, name_end, name)] = [pair[0], pair[1]];
        let by_kind = kind == EntityKind::Organization
            && org_head(&norms[start], &is_head).is_some()
            && words[start + 1..end].iter().all(|w| is_definite_nisba(w));
        let namesake = matches!(name, EntityKind::Person | EntityKind::Location)
            && at == end
            && !norms[at].starts_with(['ل', 'ب']);
        if by_kind && end - start >= 2 && namesake {
            tags[at..name_end].fill(EntityKind::Organization.inside());
        }
    }
    named_after_people(norms, tags);
}

/// What a head word names when a person's name follows it: `مستشفى شارل نيكول` is a hospital,
/// `ملعب مصطفى بن جنات` a stadium (Other, as the lists give stadiums), `شارع محمد الخامس` a
/// street (a place). `دار` is left out: `دار شعبان الفهري` is a town.
fn named_after_kind(head: &str) -> Option<EntityKind> {
    if NAMESAKE_HEADS.contains(&head) || matches!(head, "مصحه" | "كليه" | "روضه") {
        Some(EntityKind::Organization)
    } else if matches!(head, "ملعب" | "قاعه") {
        Some(EntityKind::Misc)
    } else if matches!(head, "شارع" | "نهج" | "ساحه" | "مطار") {
        Some(EntityKind::Location)
    } else {
        None
    }
}

/// Rule 27, the other form: an indefinite head the tagger left untagged, right before a
/// person, names a thing after that person (`بمستشفى فرحات حشاد`, 55 mentions in the
/// Jawhara FM articles, had been the trade unionist), of the kind the head says.
fn named_after_people(norms: &[String], tags: &mut [Tag]) {
    for (start, end, kind) in spans(tags) {
        if kind != EntityKind::Person || start == 0 || tags[start - 1] != Tag::O {
            continue;
        }
        let named = proclitic_splits(&norms[start - 1])
            .iter()
            .find_map(|c| named_after_kind(&c.stem));
        if let Some(kind) = named {
            tags[start - 1] = kind.begin();
            tags[start..end].fill(kind.inside());
        }
    }
}

/// Heads of institutions that serve a place, beyond [`COMPLEMENT_HEADS`] (rule 25),
/// normalized, without the article.
pub(super) const PLACED_HEADS: [&str; 7] =
    ["محكمه", "نادي", "سجن", "مستوصف", "مصحه", "كليه", "معمل"];

/// Rule 25: an institution's place is part of its name. Tunisian copy names a court, a
/// hospital, a police unit or a club by its head, what it is and the place it serves, after
/// `بـ`: `المحكمة الابتدائية بالكاف`, `المستشفى الجهوي بقابس`, `مركز الأمن الوطني ببنعروس`
/// (`المحكمة الابتدائية` alone is 140 mentions of many courts). So an organisation of two
/// words or more, led by an institution head (proclitics allowed) and not a listed name
/// (`listed_org`: `النجم الساحلي بسوسة` is a club and where it played), takes in the place
/// right after it when that place begins with the preposition `بـ` (`exact_place`, the
/// lists without proclitics, tells `ببنعروس`, ب + `بنعروس`, from `بنعروس` itself; `listed_place`
/// matches as the tagger's lists do): a listed place whatever kind the tagger
/// gave it, or an unlisted one it tagged as a place. Returns the places taken in, so that
/// the article is still found under them.
pub fn places_in_institution_names(
    norms: &[String],
    listed_org: impl Fn(Range<usize>) -> bool,
    listed_place: impl Fn(&[String]) -> bool,
    exact_place: impl Fn(&str) -> bool,
    tags: &mut [Tag],
) -> Vec<Range<usize>> {
    let is_head = |stem: &str| {
        let bare = stem.strip_prefix("ال").unwrap_or(stem);
        COMPLEMENT_HEADS.contains(&bare) || PLACED_HEADS.contains(&bare) || is_unit_head(bare)
    };
    // `بـ` + a place: the words without the preposition, if they are a listed place (and the
    // whole word is not itself one: `بنعروس`), or an unlisted place the tagger found.
    let after_preposition = |range: Range<usize>, tagged_place: bool| {
        let mut words = norms[range].to_vec();
        let Some(stripped) = words[0].strip_prefix('ب').map(str::to_string) else {
            return false;
        };
        let whole_listed = exact_place(&words[0]);
        words[0] = stripped;
        let listed = listed_place(&words) && !whole_listed;
        (listed || tagged_place && words[0].starts_with("ال")) && is_word(&words[0])
    };
    let mut joined = Vec::new();
    for (start, end, kind) in spans(tags) {
        let institution = kind == EntityKind::Organization
            && end - start >= 2
            && org_head(&norms[start], &is_head).is_some()
            && !listed_org(start..end);
        if !institution || end == tags.len() {
            continue;
        }
        let place = if tags[end] == Tag::O {
            // Left untagged: a listed place of two words or one.
            [2, 1].into_iter().map(|n| end..end + n).find(|r| {
                r.end <= tags.len()
                    && tags[r.clone()].iter().all(|t| *t == Tag::O)
                    && tags.get(r.end).is_none_or(|t| !t.is_inside())
                    && after_preposition(r.clone(), false)
            })
        } else {
            // Tagged: a place, or a listed place the tagger gave another kind (`بالكاف`
            // read as CAF, an organisation).
            let next_end = (end + 1..tags.len())
                .find(|&j| !tags[j].is_inside())
                .unwrap_or(tags.len());
            let tagged_place = tags[end] == EntityKind::Location.begin();
            after_preposition(end..next_end, tagged_place).then_some(end..next_end)
        };
        if let Some(place) = place {
            tags[place.clone()].fill(EntityKind::Organization.inside());
            joined.push(place);
        }
    }
    joined
}

/// Words for a kind of medium that stay outside its name (`قناة الحوار التونسي` is the
/// channel `الحوار التونسي`), normalized; as ANERcorp tags them (`صحيفة` untagged 36 times
/// before a name). Not `مجلة`, which in Tunisian usage is also a code of law (`مجلة الشغل`).
pub(super) const MEDIUM_HEADS: [&str; 4] = ["قناه", "اذاعه", "صحيفه", "جريده"];

/// Rule 26: an organisation's name led by an indefinite word for its kind of medium starts
/// after that word (`إذاعة موزاييك`, `صحيفة نيويورك تايمز`, `لقناة نسمة`), and a feminine
/// adjective agreeing with that word is left out with it (`صحيفة ديلي ميل البريطانية`, `قناة
/// الجزيرة القطرية`: the newspaper is British, its name `ديلي ميل`; `الحوار التونسي` keeps its
/// masculine one). Unless the whole is listed as something else (`listed`: `قناة السويس`, a
/// canal) or the medium is named by a place (`إذاعة صفاقس الجهوية`, `listed_place` of its
/// first word). Definite heads name things themselves (`القناة الوطنية`).
pub fn medium_names_without_their_kind(
    words: &[&str],
    norms: &[String],
    listed: impl Fn(Range<usize>) -> bool,
    listed_place: impl Fn(&str) -> bool,
    tags: &mut [Tag],
) {
    for (start, end, kind) in spans(tags) {
        if kind != EntityKind::Organization || end - start < 2 {
            continue;
        }
        let head = proclitic_splits(&norms[start])
            .into_iter()
            .any(|c| MEDIUM_HEADS.contains(&c.stem.as_str()));
        if !head || listed(start..end) || listed_place(&norms[start + 1]) {
            continue;
        }
        let mut last = end;
        while last - start > 2 && is_feminine_nisba(words[last - 1]) {
            last -= 1;
        }
        tags[start] = Tag::O;
        tags[start + 1] = kind.begin();
        tags[last..end].fill(Tag::O);
    }
}
