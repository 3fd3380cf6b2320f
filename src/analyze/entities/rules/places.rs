//! Places the tagger left out: listed towns where the words around say place, towns taken
//! for their clubs, and landforms (rules 18 and 23).

use super::*;

/// Rule 18: a one-word name that the lists give only as a place and the tagger left
/// untagged is a place where the words around it say so: after `بـ` (`بالحمامات`), a
/// preposition of place (`في المتلوي`, `بين القصرين`), a word for a kind of place
/// (`معتمدية الحمامات`, `مناطق المرناقية`), or و after a place (`المرناقية وطبربة`). The
/// tagger learned its places from ANERcorp, which hardly names a Tunisian town, and leaves
/// many of them untagged even there. Words the news also uses as common nouns are left to
/// the tagger: `name_like` says whether the word seldom changes its article or takes a
/// possessive suffix (`صور` / `صورها`, photos; `الضاحية` / `ضاحية`), and `مسقط رأسه` is a
/// birthplace, not Muscat. See also [`towns_taken_for_clubs`].
pub fn listed_places_left_out(
    norms: &[String],
    gaz: &[u8],
    listed_place: impl Fn(&str) -> bool,
    name_like: impl Fn(&str) -> bool,
    tags: &mut [Tag],
) {
    let place = EntityKind::Location;
    for start in lone_listed_words(gaz, place, tags) {
        let end = start + 1;
        let splits = proclitic_splits(&norms[start]);
        let Some(name) = splits.iter().find(|c| listed_place(&c.stem)) else {
            continue;
        };
        let says_place = match name.prefix {
            "ب" | "وب" => true,
            "و" => start > 0 && tags[start - 1].kind() == Some(place),
            // `من لغات` is not `من` + `ل` + `غات`.
            "" => start > 0 && is_place_context(&norms[start - 1]),
            _ => false,
        };
        let birthplace = norms.get(end).is_some_and(|n| n.starts_with("راس"));
        if says_place && !birthplace && name_like(&name.stem) {
            tags[start] = place.begin();
        }
    }
    towns_taken_for_clubs(norms, gaz, listed_place, tags);
}

/// A town the lists also give as a club or a body (`الكاف` is CAF too) and that the tagger
/// made a one-word organisation is a place after `بـ` or a word for a kind of place (`بالكاف`,
/// `ولاية الكاف`). Not after a bare preposition: a player is `في ليستر`, at the club.
pub(super) fn towns_taken_for_clubs(
    norms: &[String],
    gaz: &[u8],
    listed_place: impl Fn(&str) -> bool,
    tags: &mut [Tag],
) {
    let (place, org) = (EntityKind::Location, EntityKind::Organization);
    for (start, end, kinds) in listed_names(gaz) {
        let one_word_org = end - start == 1
            && tags[start] == org.begin()
            && tags.get(end).is_none_or(|t| !t.is_inside());
        if !one_word_org || kinds & kind_bit(place) == 0 {
            continue;
        }
        let splits = proclitic_splits(&norms[start]);
        let Some(name) = splits.iter().find(|c| listed_place(&c.stem)) else {
            continue;
        };
        let place_kind_before = start > 0
            && proclitic_splits(&norms[start - 1])
                .iter()
                .any(|c| PLACE_KINDS.contains(&c.stem.as_str()));
        if matches!(name.prefix, "ب" | "وب") || name.prefix.is_empty() && place_kind_before {
            tags[start] = place.begin();
        }
    }
}

/// Prepositions of place, normalized.
pub(super) const PLACE_PREPOSITIONS: [&str; 7] = ["في", "الي", "من", "نحو", "قرب", "داخل", "بين"];

/// Words for a kind of place that a place's name follows, normalized, without the article:
/// Tunisia's governorates, delegations, sectors and municipalities among them.
pub(super) const PLACE_KINDS: [&str; 14] = [
    "ولايه",
    "ولايات",
    "مدينه",
    "مدن",
    "معتمديه",
    "معتمديات",
    "عماده",
    "بلديه",
    "جهه",
    "منطقه",
    "مناطق",
    "قريه",
    "محافظه",
    "عاصمه",
];

/// Whether a normalized word before a name says that a place follows: a preposition of
/// place or a word for a kind of place (proclitics allowed: `بمعتمدية`, `وولاية`).
pub(super) fn is_place_context(word: &str) -> bool {
    PLACE_PREPOSITIONS.contains(&word)
        || proclitic_splits(word)
            .iter()
            .any(|c| PLACE_KINDS.contains(&c.stem.as_str()))
}

/// Landform heads that begin places' names in North African copy, normalized: `شط مريم`,
/// `وادي الليل` and `جبل مغيلة` are towns and mountains. Not `سهل`, which is as often "easy"
/// (`سهل جدا`).
pub const LANDFORM_HEADS: [&str; 9] = [
    "جبل",
    "وادي",
    "واد",
    "شط",
    "هضبه",
    "غابه",
    "بحيره",
    "سبخه",
    "غدير",
];

/// Rule 23: a landform head and the name after it, untagged (or the head alone a place),
/// are a place (`شط مريم`, `وادي الليل`, `جبل مغيلة`; the tagger, taught on ANERcorp, knew
/// none of them). The name is a word that is not common in the news (`common`, which keeps
/// out `جبل من الديون`, `بحيرة عندما`), not an adjective agreeing with a feminine head
/// (`غابة مليئة`) and not another head (`غابة وادي القصب`). Such names take and drop the
/// article freely (`جبل المغيلة` / `جبل مغيلة`), so rule 18's word-form cues do not apply.
/// `وأدى`, "and led to", normalizes like `وادي`: the head is checked on the surface too.
pub fn landform_places(
    words: &[&str],
    norms: &[String],
    common: impl Fn(&str) -> bool,
    tags: &mut [Tag],
) {
    let place = EntityKind::Location;
    let head_of = |norm: &str| {
        // The suffix test first (a head is what proclitics leave at the word's end): this
        // runs for every word of every article.
        LANDFORM_HEADS
            .iter()
            .any(|h| norm.ends_with(h))
            .then(|| proclitic_splits(norm))?
            .into_iter()
            .map(|c| c.stem)
            .find(|s| LANDFORM_HEADS.contains(&s.as_str()))
    };
    for i in 0..norms.len().saturating_sub(1) {
        let Some(head) = head_of(&norms[i]).filter(|_| !words[i].contains('أ')) else {
            continue;
        };
        let name = &norms[i + 1];
        // The tagger often found the head alone (`[جبل] مغيلة`).
        let free = (tags[i] == Tag::O || tags[i] == place.begin())
            && tags[i + 1] == Tag::O
            && tags.get(i + 2).is_none_or(|t| !t.is_inside());
        // An adjective agrees with a feminine head (`غابة مليئة`); after a masculine one a
        // word in ة is a name (`جبل مغيلة`).
        let adjective = head.ends_with('ه') && !name.starts_with("ال") && name.ends_with('ه');
        // Nor a preposition and a common word (`واد بالمنطقة`).
        let prepositional = proclitic_splits(name)
            .iter()
            .any(|c| !c.prefix.is_empty() && common(&c.stem));
        let named = is_word(name)
            && !adjective
            && !prepositional
            && !common(name)
            && head_of(name).is_none();
        if free && named {
            tags[i] = place.begin();
            tags[i + 1] = place.inside();
        }
    }
}

/// Rule 23 for `سيدي`: Tunisian towns and quarters are named after a saint (`سيدي حسين`,
/// `سيدي البحري`, `سيدي علي بن عون`), and the tagger often found `سيدي` alone as a place and
/// the saint as a person or nothing. The name after it joins the place: a person the tagger
/// found, or an untagged given name (`is_given`) or word with the article, not a title
/// (`سيدي الرئيس` is "Mr President").
pub fn saints_places(
    norms: &[String],
    is_given: impl Fn(&str) -> bool,
    is_title: impl Fn(&str) -> bool,
    tags: &mut [Tag],
) {
    let place = EntityKind::Location;
    for i in 0..norms.len().saturating_sub(1) {
        let sidi = norms[i].ends_with("سيدي")
            && proclitic_splits(&norms[i]).iter().any(|c| c.stem == "سيدي");
        if !sidi || tags[i] != place.begin() {
            continue;
        }
        let next = &norms[i + 1];
        let end = if tags[i + 1] == EntityKind::Person.begin() {
            (i + 2..tags.len())
                .find(|&j| !tags[j].is_inside())
                .unwrap_or(tags.len())
        } else if tags[i + 1] == Tag::O
            && tags.get(i + 2).is_none_or(|t| !t.is_inside())
            && (is_given(next) || next.starts_with("ال") && is_word(next))
            && !is_title(next)
        {
            i + 2
        } else {
            continue;
        };
        tags[i + 1..end].fill(place.inside());
    }
}
