//! Search: Arabic-insensitive matching, ranking, snippets and hit positions, qualifiers.

use std::fs;
use std::path::Path;

use akhbar::store::query::Term;
use akhbar::store::{EntityLink, Query, SearchResults, Store, parse_query};

struct Fixture {
    folder: tempfile::TempDir,
    _data: tempfile::TempDir,
    store: Store,
}

/// Indexes one `.json` article per `(file stem, title, body, date, source)`.
fn fixture(articles: &[(&str, &str, &str, &str, &str)]) -> Fixture {
    let folder = tempfile::tempdir().unwrap();
    for (stem, title, body, date, source) in articles {
        let json =
            serde_json::json!({"title": title, "body": body, "date": date, "source": source});
        fs::write(folder.path().join(format!("{stem}.json")), json.to_string()).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(data.path()).unwrap();
    store.index_folder(folder.path(), |_| {}).unwrap();
    Fixture {
        folder,
        _data: data,
        store,
    }
}

impl Fixture {
    fn search(&self, q: &str) -> SearchResults {
        let query = parse_query(q).unwrap();
        self.store.search(self.folder.path(), &query, 20).unwrap()
    }

    /// Stores one entity link for the article with file stem `article`, as the entity
    /// extractor would.
    fn link(&self, article: &str, name: &str, kind: &str, mentions: u32) {
        let entries = self.store.entries(self.folder.path()).unwrap();
        let entry = entries
            .iter()
            .find(|e| stem(&e.key.path) == article)
            .unwrap();
        let link = EntityLink {
            name: name.into(),
            kind: kind.into(),
            mentions,
        };
        self.store
            .set_entities(entry.content_hash, &[link])
            .unwrap();
    }

    fn found(&self, q: &str) -> Vec<String> {
        let mut stems: Vec<String> = self
            .search(q)
            .hits
            .iter()
            .map(|h| stem(&h.entry.key.path))
            .collect();
        stems.sort();
        stems
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn matching_is_arabic_insensitive() {
    let f = fixture(&[
        ("hamza", "خبر", "قال أحمد إن الإصلاح ضروري", "2016-01-01", "A"),
        ("maqsura", "خبر", "افتتاح مستشفى جديد", "2016-01-01", "A"),
        ("marbuta", "خبر", "تدشين مدرسة ابتدائية", "2016-01-01", "A"),
        (
            "harakat",
            "خبر",
            "تَعَزَّزَتْ العلاقات الثنائية",
            "2016-01-01",
            "A",
        ),
        ("tatweel", "خبر", "صرح الـــرئيس بأن", "2016-01-01", "A"),
        (
            "digits",
            "خبر",
            "ميزانية سنة ٢٠٢٣ الجديدة",
            "2016-01-01",
            "A",
        ),
        ("latin", "خبر", "معرض Expo دبي", "2016-01-01", "A"),
        (
            "clitic",
            "خبر",
            "زيارة وبالصين ثم للحكومة",
            "2016-01-01",
            "A",
        ),
    ]);
    // (query, the one article it must find); a trailing space turns prefix matching off.
    let table = [
        ("احمد ", "hamza"),
        ("أحمد ", "hamza"),
        ("الاصلاح ", "hamza"),
        ("مستشفي ", "maqsura"),
        ("مستشفى ", "maqsura"),
        ("مدرسه ", "marbuta"),
        ("مدرسة ", "marbuta"),
        ("تعززت ", "harakat"),
        ("تَعَزَّزَتْ ", "harakat"),
        ("الرئيس ", "tatweel"),
        ("2023 ", "digits"),
        ("٢٠٢٣ ", "digits"),
        ("EXPO ", "latin"),
        ("الصين ", "clitic"),
        ("صين ", "clitic"),
        ("الحكومة ", "clitic"),
        ("حكومه ", "clitic"),
    ];
    for (query, want) in table {
        assert_eq!(f.found(query), [want], "query {query:?}");
    }
    assert!(f.found("أحمدي ").is_empty());
    assert!(f.found("").is_empty());
    assert!(f.found("!!").is_empty());
}

#[test]
fn last_word_matches_as_prefix_while_typing() {
    let f = fixture(&[
        ("a", "خبر", "الاقتصاد التونسي", "2016-01-01", "A"),
        ("b", "خبر", "الاقتصادية", "2016-01-01", "A"),
    ]);
    assert_eq!(f.found("الاقتصا"), ["a", "b"]);
    assert_eq!(f.found("الاقتصاد "), ["a"]);
    assert_eq!(f.found("اقتصاد*"), ["a", "b"]);
}

#[test]
fn title_hits_rank_first_and_snippets_show_original_text() {
    let f = fixture(&[
        (
            "body",
            "أخبار متفرقة",
            "في الجلسة الأولى تحدث الوزير عن وضع الفلاحة في البلاد وعن موسم الحبوب القادم طويلا",
            "2016-01-01",
            "A",
        ),
        (
            "title",
            "الفلاحة في تونس",
            "نص قصير عن موضوع آخر",
            "2016-01-01",
            "A",
        ),
    ]);
    let results = f.search("الفلاحه ");
    let order: Vec<String> = results
        .hits
        .iter()
        .map(|h| stem(&h.entry.key.path))
        .collect();
    assert_eq!(order, ["title", "body"]);
    let body_hit = &results.hits[1];
    assert_eq!(
        body_hit.snippet,
        "… تحدث الوزير عن وضع الفلاحة في البلاد وعن موسم الحبوب …"
    );
    assert_eq!(
        &body_hit.snippet[body_hit.snippet_hits[0].clone()],
        "الفلاحة"
    );
    let article = f.store.article(body_hit.entry.id).unwrap().unwrap();
    let text = article.text();
    let hit_words: Vec<&str> = body_hit.hits.iter().map(|h| &text[h.clone()]).collect();
    assert_eq!(hit_words, ["الفلاحة"]);
}

#[test]
fn hit_positions_cover_every_variant_in_the_logical_text() {
    let f = fixture(&[(
        "a",
        "تونس اليوم",
        "وصل إلى تُونِس وفد. وفي التونسيّة كلام عن بتونس",
        "2016-01-01",
        "A",
    )]);
    let results = f.search("تونس ");
    let hit = &results.hits[0];
    let text = f.store.article(hit.entry.id).unwrap().unwrap().text();
    let words: Vec<&str> = hit.hits.iter().map(|h| &text[h.clone()]).collect();
    assert_eq!(words, ["تونس", "تُونِس", "بتونس"]);
    let query = parse_query("تونس").unwrap();
    let prefixed: Vec<&str> = f
        .store
        .hits_in(hit.entry.id, &query)
        .unwrap()
        .into_iter()
        .map(|h| &text[h])
        .collect();
    assert_eq!(prefixed, ["تونس", "تُونِس", "التونسيّة", "بتونس"]);
}

#[test]
fn phrases_match_words_in_order() {
    let f = fixture(&[
        (
            "in_order",
            "خبر",
            "جلسة مجلس نواب الشعب اليوم",
            "2016-01-01",
            "A",
        ),
        ("scattered", "خبر", "الشعب ونواب المجلس", "2016-01-01", "A"),
    ]);
    assert_eq!(f.found("\"مجلس نواب الشعب\""), ["in_order"]);
    // Without quotes the words may be anywhere (and match through clitics: المجلس, ونواب).
    assert_eq!(f.found("مجلس نواب الشعب "), ["in_order", "scattered"]);
}

#[test]
fn qualifiers_filter_by_source_date_and_entity() {
    let f = fixture(&[
        (
            "a14",
            "خبر",
            "الانتخابات البلدية",
            "2014-10-26",
            "Jawhara FM",
        ),
        (
            "b16",
            "خبر",
            "الانتخابات الجزئية",
            "2016-05-01",
            "Mosaique FM",
        ),
        (
            "c17",
            "خبر",
            "الانتخابات المقبلة",
            "2017-03-01",
            "Jawhara FM",
        ),
    ]);
    assert_eq!(f.found("الانتخابات date:2014"), ["a14"]);
    assert_eq!(f.found("الانتخابات date:2015..2017"), ["b16", "c17"]);
    assert_eq!(f.found("الانتخابات date:2016.."), ["b16", "c17"]);
    assert_eq!(f.found("الانتخابات date:..2016"), ["a14", "b16"]);
    assert_eq!(f.found("الانتخابات source:jawhara"), ["a14", "c17"]);
    assert_eq!(f.found("source:\"mosaique fm\""), ["b16"]);
    // Qualifiers alone list the matching articles newest first.
    let listed: Vec<String> = f
        .search("source:jawhara")
        .hits
        .iter()
        .map(|h| stem(&h.entry.key.path))
        .collect();
    assert_eq!(listed, ["c17", "a14"]);

    // @name filters on the links the entity extractor stores.
    assert!(f.found("@بوتين").is_empty());
    f.link("b16", "فلاديمير بوتين", "PERS", 2);
    assert_eq!(f.found("@بوتين"), ["b16"]);
    assert_eq!(f.found("@\"فلاديمير بوتين\" الانتخابات"), ["b16"]);
    assert!(f.found("@فلاديمير").is_empty());

    // Several words match a whole name or its tail, never the middle of a word.
    f.link("c17", "شوقي بن سعادة", "PERS", 3);
    assert_eq!(f.found("@\"بن سعادة\""), ["c17"]);
    assert_eq!(f.found("@\"شوقي بن سعادة\""), ["c17"]);
    assert_eq!(f.found("@سعادة"), ["c17"]);
    assert!(f.found("@\"ن سعادة\"").is_empty());
    assert!(f.found("@\"شوقي بن\"").is_empty());

    // A name written with quotes in it is found without them.
    f.link("a14", "الجوهرة \"اف ام\"", "ORG", 1);
    assert_eq!(f.found("@\"الجوهرة اف ام\""), ["a14"]);
}

#[test]
fn query_parsing() {
    let q = parse_query("  تونس \"مجلس النواب\" source:\"Jawhara FM\" date:٢٠١٤..2016 @أحمد  ")
        .unwrap();
    assert_eq!(
        q.terms,
        [
            Term::Word {
                norm: "تونس".into(),
                prefix: false
            },
            Term::Phrase(vec!["مجلس".into(), "النواب".into()]),
        ]
    );
    assert_eq!(q.source.as_deref(), Some("jawhara fm"));
    assert_eq!(q.years, Some((Some(2014), Some(2016))));
    assert_eq!(q.entities, ["احمد"]);

    assert_eq!(
        parse_query("date:2023").unwrap().years,
        Some((Some(2023), Some(2023)))
    );
    assert_eq!(
        parse_query("date:2024..2022").unwrap().years,
        Some((Some(2022), Some(2024)))
    );
    assert_eq!(
        parse_query("date:..2020").unwrap().years,
        Some((None, Some(2020)))
    );
    assert_eq!(parse_query("").unwrap(), Query::default());
    assert!(parse_query("  ").unwrap().is_empty());
    // A single letter is not a prefix yet; two are.
    assert_eq!(parse_query("ت").unwrap().fts_expression().unwrap(), "\"ت\"");
    assert_eq!(
        parse_query("تو").unwrap().fts_expression().unwrap(),
        "\"تو\"*"
    );
    let fts = |q: &str| parse_query(q).unwrap().fts_expression().unwrap();
    assert_eq!(fts("وال"), "\"وال\"");
    assert_eq!(fts("ال*"), "\"ال\"*");
    assert!(!parse_query("source:x").unwrap().has_text());
    for bad in [
        "date:abc",
        "date:..",
        "date:20233",
        "source:",
        "@",
        "\"open",
    ] {
        let err = parse_query(bad).unwrap_err();
        assert!(!err.to_string().is_empty(), "{bad}");
    }
    let q = parse_query("covid-19").unwrap();
    assert_eq!(q.fts_expression().unwrap(), "\"covid\" AND \"19\"*");
    // Quotes in text never reach FTS syntax unescaped.
    let q = parse_query("a\"b").unwrap_err();
    assert!(q.to_string().contains("quote"));
}
