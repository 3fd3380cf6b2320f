//! Organisations' names: their adjectives, heads, complements and conjuncts (rules 1–4, 12,
//! 17, 20 and 21).

use super::*;

/// Heads of a national team's name (`المنتخب التونسي`) for rules 2 and 4 in the panel only:
/// ANERcorp leaves them untagged (`المنتخب الكويتي`), and the lists, which feed the tagger,
/// hold only its heads.
pub const TEAM_HEADS: [&str; 2] = ["منتخب", "المنتخب"];

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

/// Rule 2: organisation heads followed by nisba adjectives.
pub fn org_head_nisba(tokens: &[&str], is_head: impl Fn(&str) -> bool, tags: &mut [Tag]) {
    let mut i = 0;
    while i < tokens.len() {
        let end = org_head_span(tokens, i, &is_head, tags);
        match end {
            Some(end) => {
                for (j, tag) in tags.iter_mut().enumerate().take(end).skip(i) {
                    let k = EntityKind::Organization;
                    *tag = if j == i { k.begin() } else { k.inside() };
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

pub(super) fn org_head_span(
    tokens: &[&str],
    i: usize,
    is_head: &impl Fn(&str) -> bool,
    tags: &[Tag],
) -> Option<usize> {
    if tags[i] != Tag::O || tags.get(i + 1).is_some_and(|t| t.is_inside()) {
        return None;
    }
    // Either way the next word carries the article (an adjective or the construct's noun);
    // checked first because it is cheaper than looking the head up.
    if !tokens.get(i + 1).is_some_and(|t| is_definite(t)) {
        return None;
    }
    let head = org_head(&normalize(tokens[i]), is_head)?;
    let mut j = i + 1;
    if !is_definite(&head) {
        // Construct state: the head needs a definite noun after it.
        if !tokens.get(j).is_some_and(|t| is_definite(t)) {
            return None;
        }
        j += 1;
    }
    let first_adj = j;
    while j < tokens.len()
        && is_definite_nisba(tokens[j])
        && tags[j].kind().is_none_or(|k| k == EntityKind::Organization)
    {
        j += 1;
    }
    (j > first_adj && tags[i + 1..j].iter().all(|t| *t == Tag::O)).then_some(j)
}

/// Rule 3: cuts ORG spans where a definite nisba adjective meets indefinite words. When a
/// person follows right after the cut-off words, they are one name (`[البنك المركزي إلفيرا]`
/// `[نابيولينا]` → `[البنك المركزي]` `[إلفيرا نابيولينا]`).
/// A name known to be whole (`whole(span)`: a listed organisation, a regional institution)
/// is not cut: `الملعب الإفريقي بمنزل بورقيبة` is a club, not a club and a person.
pub fn split_org_before_name(
    tokens: &[&str],
    whole: impl Fn(Range<usize>) -> bool,
    tags: &mut Vec<Tag>,
) {
    let mut out: Vec<(usize, usize, EntityKind)> = Vec::new();
    let mut cut_person_ends_at = None;
    for (start, end, kind) in spans(tags) {
        if kind == EntityKind::Person && cut_person_ends_at == Some(start) {
            if let Some(last) = out.last_mut() {
                last.1 = end;
            }
            cut_person_ends_at = None;
            continue;
        }
        // Only a span that would be cut is looked up in the lists.
        let cut = (kind == EntityKind::Organization)
            .then(|| {
                (start + 1..end.saturating_sub(1)).find(|&j| org_name_boundary(tokens, j, end))
            })
            .flatten()
            .filter(|_| !whole(start..end));
        cut_person_ends_at = None;
        match cut {
            Some(j) => {
                out.push((start, j + 1, kind));
                out.push((j + 1, end, EntityKind::Person));
                cut_person_ends_at = Some(end);
            }
            None => out.push((start, end, kind)),
        }
    }
    *tags = tags_from_spans(tags.len(), &out);
}

pub(super) fn org_name_boundary(tokens: &[&str], j: usize, end: usize) -> bool {
    is_definite_nisba(tokens[j])
        && tokens[j + 1..end]
            .iter()
            .all(|t| is_word(&normalize(t)) && !carries_article(t))
}

/// Rule 4: joins an indefinite organisation head tagged `O` to the ORG span after it.
pub fn org_head_before_org(tokens: &[&str], is_head: impl Fn(&str) -> bool, tags: &mut [Tag]) {
    for i in 0..tokens.len().saturating_sub(1) {
        let org = EntityKind::Organization;
        if tags[i] != Tag::O || tags[i + 1] != org.begin() {
            continue;
        }
        let head = org_head(&normalize(tokens[i]), &is_head);
        if head.is_some_and(|h| !is_definite(&h)) {
            tags[i] = org.begin();
            tags[i + 1] = org.inside();
        }
    }
}

/// Institution heads whose names go on with a `لـ` complement (`المعهد الوطني للإحصاء`),
/// normalized, without the article. Governments, armies, parties and clubs are left out: what
/// follows them with `لـ` is a purpose (`الجيش الأمريكي للانسحاب`), not part of the name.
pub(super) const COMPLEMENT_HEADS: [&str; 33] = [
    "مستشفي",
    "مندوبيه",
    "اداره",
    "اقليم",
    "فرقه",
    "فرع",
    "دائره",
    "مركز",
    "معهد",
    "ديوان",
    "صندوق",
    "اتحاد",
    "جمعيه",
    "هيئه",
    "وكاله",
    "منظمه",
    "مؤسسه",
    "شركه",
    "بنك",
    "جامعه",
    "مجلس",
    "لجنه",
    "مجموعه",
    "نقابه",
    "غرفه",
    "مكتب",
    "مدرسه",
    "اكاديميه",
    "رابطه",
    "مرصد",
    "مصرف",
    "سلطه",
    "منتدي",
];

/// Time words that follow a name with `لل` without belonging to it (`الاتحاد الأوروبي للمرة
/// الثانية`), normalized.
pub(super) const NOT_COMPLEMENT: [&str; 8] = [
    "للمره",
    "للعام",
    "للسنه",
    "للموسم",
    "للشهر",
    "لليوم",
    "للاسبوع",
    "للفتره",
];

/// How often a word must occur in the news, bare and with the article, for rule 12 to take
/// it for a noun (`كرة` and `الكرة`; not `يكون`, whose `اليكون` never occurs, nor the `قاء` of
/// `لقاء`).
pub(super) const NOUN_EVIDENCE: u32 = 20;

/// Rule 12: an institution's name goes on through its `لـ` complement (`[المركز الوطني]
/// للسينما` → `المركز الوطني للسينما`): an ORG span made of a definite institution head
/// ([`COMPLEMENT_HEADS`]) and ending on a definite nisba adjective takes a following `لل…`
/// noun, or `ل` + a noun in construct with a definite noun (`لكرة القدم`, through up to two
/// indefinite nouns: `لمراقبة دستورية مشاريع القوانين`), and the definite nisba adjectives
/// after it (`للطاقة الذرية`). `count` gives a normalized word's frequency in the news, which
/// tells a noun from a verb or a word that only looks like `ل` + noun (see
/// [`NOUN_EVIDENCE`]). Words of the complement must be untagged.
pub fn extend_org_complement(tokens: &[&str], count: impl Fn(&str) -> u32, tags: &mut [Tag]) {
    let mut changed = Vec::new();
    for (start, end, kind) in spans(tags) {
        if kind != EntityKind::Organization
            || end - start < 2
            || !is_definite_nisba(tokens[end - 1])
            || !is_complement_head(tokens[start])
        {
            continue;
        }
        let Some(mut j) = org_complement(tokens, end, &count) else {
            continue;
        };
        while j < tokens.len() && is_definite_nisba(tokens[j]) {
            j += 1;
        }
        if tags[end..j].iter().all(|t| *t == Tag::O) {
            changed.extend(end..j);
        }
    }
    for j in changed {
        tags[j] = EntityKind::Organization.inside();
    }
}

/// Whether the token is a definite institution head of [`COMPLEMENT_HEADS`], proclitics
/// allowed (`للمعهد`).
pub(super) fn is_complement_head(token: &str) -> bool {
    let is_head = |stem: &str| {
        stem.strip_prefix("ال")
            .is_some_and(|bare| COMPLEMENT_HEADS.contains(&bare))
    };
    org_head(&normalize(token), &is_head).is_some()
}

/// Where the `لـ` complement starting at `i` ends (before any adjectives), if one starts there.
pub(super) fn org_complement(
    tokens: &[&str],
    i: usize,
    count: &impl Fn(&str) -> u32,
) -> Option<usize> {
    let norm = normalize(tokens.get(i)?);
    let rest = norm.strip_prefix('ل')?;
    if !is_word(rest) || NOT_COMPLEMENT.contains(&norm.as_str()) {
        return None;
    }
    if rest.starts_with('ل') {
        // لل + noun: the article fused with the preposition.
        return (rest.chars().count() >= 4).then_some(i + 1);
    }
    let noun = rest.chars().count() >= 3
        && !rest.starts_with("ال")
        && takes_article(rest, count)
        && count(rest) >= NOUN_EVIDENCE;
    if !noun {
        return None;
    }
    // A construct chain ends on a definite noun: `لكرة القدم`, `لمراقبة دستورية مشاريع
    // القوانين` (at most two indefinite nouns between).
    let mut j = i + 1;
    while j < tokens.len().min(i + 3) && !is_definite(tokens[j]) {
        let norm = normalize(tokens[j]);
        if !is_word(&norm) || !takes_article(&norm, count) {
            return None;
        }
        j += 1;
    }
    tokens
        .get(j)
        .is_some_and(|t| is_definite(t))
        .then_some(j + 1)
}

/// Whether the normalized word occurs with the article often enough to be a noun.
pub(super) fn takes_article(norm: &str, count: &impl Fn(&str) -> u32) -> bool {
    count(&format!("ال{norm}")) >= NOUN_EVIDENCE
}

/// Rule 17: a regional institution of Tunisian copy, `المستشفى الجهوي بالكاف`, `المندوبية
/// الجهوية للشؤون الثقافية بسوسة`, `الإدارة الجهوية للصحة بصفاقس`: a definite institution head
/// ([`COMPLEMENT_HEADS`]) and `الجهوي(ة)`, left untagged by the tagger (`الجهوي` occurs 3
/// times in ANERcorp's train sentences), is an organisation; rule 12 then carries it through
/// its `لـ` complement, and [`regional_place`] makes the `بـ` + place that says where a
/// place. Titles are not heads:
/// `المندوب الجهوي` and `المدير الجهوي` are people's posts.
pub fn regional_institutions(tokens: &[&str], tags: &mut [Tag]) {
    for i in 0..tokens.len().saturating_sub(1) {
        if is_regional_institution(&tokens[i..]) && tags[i..i + 2].iter().all(|t| *t == Tag::O) {
            let org = EntityKind::Organization;
            tags[i] = org.begin();
            tags[i + 1] = org.inside();
        }
    }
}

/// Whether `tokens` start like a regional institution's name (rule 17): a definite
/// institution head and `الجهوي(ة)`.
pub fn is_regional_institution(tokens: &[&str]) -> bool {
    match tokens {
        // The substring test first: this runs for every word of every article.
        [head, regional, ..] if regional.contains("جهوي") => {
            matches!(normalize(regional).as_str(), "الجهوي" | "الجهويه") && is_complement_head(head)
        }
        _ => false,
    }
}

/// The place after a regional institution (rule 17) is a place: `بسوسة` in `المندوبية
/// الجهوية للتربية بسوسة`, when the lists hold it (`listed_place`, given the word without its
/// `ب`), whatever the tagger made of it (nothing, or a person). Rule 25 then takes it into
/// the institution's name, and the folder's index still finds the article under it.
pub fn regional_place(tokens: &[&str], listed_place: impl Fn(&str) -> bool, tags: &mut [Tag]) {
    for (start, end, kind) in spans(tags) {
        let Some(next) = tokens.get(end) else {
            continue;
        };
        if kind != EntityKind::Organization || !is_regional_institution(&tokens[start..end]) {
            continue;
        }
        let norm = normalize(next);
        let Some(place) = norm.strip_prefix('ب').filter(|p| p.chars().count() >= 3) else {
            continue;
        };
        let one_word = tags.get(end + 1).is_none_or(|t| !t.is_inside());
        if (tags[end] == Tag::O || tags[end].is_begin() && one_word) && listed_place(place) {
            tags[end] = EntityKind::Location.begin();
        }
    }
}

/// Rule 20: an organisation's name goes on through a feminine nisba adjective joined with و
/// to its last one (`المركز العربي للدراسات السياسية` + `والاجتماعية`, `الشرطة الفنية` +
/// `والعلمية`). Not masculine ones, which in sports copy are as often the next club
/// (`النادي الإفريقي والترجي`, `الفريق الكتالوني والملكي`), nor an organisation head,
/// nor a noun that an adjective follows (`منظمة الكشافة التونسية` + `والمفوضية السامية`),
/// nor anything the tagger tagged. A ministry's other portfolios (`وزارة الطاقة` +
/// `والمناجم`) were tried too and left out: of about 50 on the Jawhara FM articles, 8 joined
/// something else (`وزارة الشؤون الخارجية` + `والبعثة الديبلوماسية`).
pub fn extend_org_conjuncts(tokens: &[&str], is_head: impl Fn(&str) -> bool, tags: &mut [Tag]) {
    let org = EntityKind::Organization;
    for (_, end, kind) in spans(tags) {
        let mut j = end;
        while kind == org && j < tokens.len() && tags[j] == Tag::O {
            let Some(word) = tokens[j].strip_prefix('و') else {
                break;
            };
            // An adjective after it makes the conjunct a noun: `والمفوضية السامية`.
            let noun = tokens.get(j + 1).is_some_and(|t| is_definite_nisba(t));
            if !is_feminine_nisba(tokens[j - 1])
                || !is_feminine_nisba(word)
                || noun
                || is_head(&normalize(word))
            {
                break;
            }
            tags[j] = org.inside();
            j += 1;
        }
    }
}

/// Heads of a competition's name, normalized.
pub(super) const COMPETITION_HEADS: [&str; 6] =
    ["كاس", "الكاس", "بطوله", "البطوله", "دوري", "الدوري"];

/// The ball games a competition's name ends on, normalized, after `لكرة`.
pub(super) const BALL_GAMES: [&str; 4] = ["القدم", "السله", "اليد", "الطايره"];

/// Rule 21: a competition is Other, whatever organisation it is named after (`كأس الكاف`), and
/// its name goes on through the game it is played in (`كأس تونس` +
/// `لكرة السلة`, `بطولة الرابطة المحترفة الأولى` + `لكرة القدم`): `كأس تونس لكرة اليد` is
/// another cup than the football one, and the panel keeps them apart.
pub fn extend_competition_game(tokens: &[&str], tags: &mut [Tag]) {
    let misc = EntityKind::Misc;
    for (start, end, kind) in spans(tags) {
        let head = proclitic_splits(&normalize(tokens[start]))
            .iter()
            .any(|c| COMPETITION_HEADS.contains(&c.stem.as_str()));
        // A competition the tagger took for an organisation (`كأس الكاف`, after the CAF) is
        // Other, as competitions are.
        let kind = if head && kind == EntityKind::Organization && end - start >= 2 {
            tags[start] = misc.begin();
            tags[start + 1..end].fill(misc.inside());
            misc
        } else {
            kind
        };
        let game = tokens.get(end..end + 2).is_some_and(|w| {
            normalize(w[0]) == "لكره" && BALL_GAMES.contains(&normalize(w[1]).as_str())
        });
        if kind == misc && head && game && tags[end..end + 2].iter().all(|t| *t == Tag::O) {
            tags[end..end + 2].fill(misc.inside());
        }
    }
}
