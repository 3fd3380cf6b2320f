//! Library index, reading state and analysis cache on temporary folders and databases.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use akhbar::store::{
    ArticleKey, EntityLink, IndexEvent, ListEntry, ReadingState, Store, sort_entries,
};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, text).unwrap();
    path
}

/// A folder of three small articles: two .txt and a JSON array of two.
fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "زيارة الرئيس إلى صفاقس\nأدى الرئيس زيارة إلى ولاية صفاقس.\nوالتقى بممثلي المجتمع المدني.",
    );
    write(
        dir.path(),
        "sub/b.txt",
        "مهرجان قرطاج الدولي\nتنطلق الدورة الجديدة من المهرجان في جويلية.",
    );
    write(
        dir.path(),
        "c.json",
        r#"[{"title":"الميزانية","body":"ناقش البرلمان الميزانية.","date":"2016-11-10","source":"Jawhara FM"},
            {"title":"الطقس","body":["أمطار غزيرة.","رياح قوية."],"date":"2017-01-02T08:00:00+01:00"}]"#,
    );
    write(dir.path(), "broken.json", "{ not json");
    dir
}

fn index(store: &mut Store, folder: &Path) -> (Vec<IndexEvent>, akhbar::store::IndexSummary) {
    let mut events = Vec::new();
    let summary = store.index_folder(folder, |e| events.push(e)).unwrap();
    (events, summary)
}

fn titles(mut entries: Vec<ListEntry>) -> Vec<String> {
    sort_entries(&mut entries);
    entries.into_iter().map(|e| e.title).collect()
}

#[test]
fn index_round_trips_articles_and_streams_entries() {
    let folder = sample_folder();
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(data.path()).unwrap();
    let (events, summary) = index(&mut store, folder.path());
    assert_eq!(summary.articles, 4);
    assert_eq!(summary.files, 4);
    assert_eq!(summary.read_files, 4);
    assert_eq!(summary.skipped.len(), 1);
    assert!(summary.skipped[0].path.ends_with("broken.json"));
    assert!(summary.skipped[0].reason.contains("invalid JSON"));

    assert!(matches!(&events[0], IndexEvent::Cached(list) if list.is_empty()));
    assert!(matches!(events.last(), Some(IndexEvent::Done(_))));
    let streamed: Vec<ListEntry> = events
        .iter()
        .filter_map(|e| match e {
            IndexEvent::Batch { added, .. } => Some(added.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(streamed.len(), 4);

    let entries = store.entries(folder.path()).unwrap();
    assert_eq!(
        titles(entries.clone()),
        [
            "الطقس",
            "الميزانية",
            "زيارة الرئيس إلى صفاقس",
            "مهرجان قرطاج الدولي"
        ]
    );
    // Every stored article equals what the loader gives for its file.
    for entry in &entries {
        let stored = store.article(entry.id).unwrap().unwrap();
        let loaded = akhbar::load::load_file(&entry.key.path).unwrap();
        assert_eq!(stored, loaded[entry.key.index_in_file as usize]);
        assert_eq!(store.article_by_key(&entry.key).unwrap().unwrap(), stored);
    }
    let skipped = store.skipped(folder.path()).unwrap();
    assert_eq!(skipped.len(), 1);
}

#[test]
fn reopen_reads_nothing_when_nothing_changed() {
    let folder = sample_folder();
    let data = tempfile::tempdir().unwrap();
    index(&mut Store::open_in(data.path()).unwrap(), folder.path());
    let mut store = Store::open_in(data.path()).unwrap();
    let (events, summary) = index(&mut store, folder.path());
    assert_eq!(summary.read_files, 0);
    assert_eq!(summary.articles, 4);
    assert_eq!(summary.skipped.len(), 1, "skipped files are remembered");
    assert!(matches!(&events[0], IndexEvent::Cached(list) if list.len() == 4));
    assert!(!events.iter().any(|e| matches!(e, IndexEvent::Batch { .. })));
}

fn bump_mtime(path: &Path) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() + Duration::from_secs(5))
        .unwrap();
}

#[test]
fn reindex_handles_touched_changed_deleted_and_added_files() {
    let folder = sample_folder();
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(data.path()).unwrap();
    index(&mut store, folder.path());
    let before = store.entries(folder.path()).unwrap();
    let id_of = |entries: &[ListEntry], title: &str| {
        entries.iter().find(|e| e.title == title).map(|e| e.id)
    };

    // Touched but identical: no list change, same ids.
    bump_mtime(&folder.path().join("a.txt"));
    // Changed content.
    write(
        folder.path(),
        "sub/b.txt",
        "مهرجان الحمامات\nبرنامج الدورة الجديدة.",
    );
    // Deleted and added.
    fs::remove_file(folder.path().join("c.json")).unwrap();
    write(folder.path(), "d.md", "# خبر جديد\n\nنص الخبر.");

    let (events, summary) = index(&mut store, folder.path());
    assert_eq!(summary.read_files, 3, "touched, changed, added");
    assert_eq!(summary.removed_files, 1);
    assert_eq!(summary.articles, 3);
    let after = store.entries(folder.path()).unwrap();
    assert_eq!(
        titles(after.clone()),
        ["خبر جديد", "زيارة الرئيس إلى صفاقس", "مهرجان الحمامات"]
    );
    assert_eq!(
        id_of(&before, "زيارة الرئيس إلى صفاقس"),
        id_of(&after, "زيارة الرئيس إلى صفاقس")
    );
    let removed: Vec<i64> = events
        .iter()
        .filter_map(|e| match e {
            IndexEvent::Batch { removed, .. } => Some(removed.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(removed.len(), 3, "two from c.json, one from the old b.txt");
    // The search index follows: the old words are gone, the new ones found.
    let q = akhbar::store::parse_query("قرطاج ").unwrap();
    assert!(store.search(folder.path(), &q, 10).unwrap().hits.is_empty());
    let q = akhbar::store::parse_query("الحمامات").unwrap();
    assert_eq!(store.search(folder.path(), &q, 10).unwrap().hits.len(), 1);
    // The file that became unreadable is skipped, the one that got fixed is read.
    write(
        folder.path(),
        "broken.json",
        r#"{"title":"مصلح","body":"نص"}"#,
    );
    fs::write(folder.path().join("d.md"), [0u8; 64]).unwrap();
    let (_, summary) = index(&mut store, folder.path());
    assert_eq!(summary.articles, 3);
    assert_eq!(summary.skipped.len(), 1);
    assert!(summary.skipped[0].path.ends_with("d.md"));
}

#[test]
fn reading_state_survives_reindexing() {
    let folder = sample_folder();
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(data.path()).unwrap();
    index(&mut store, folder.path());
    let key = ArticleKey {
        path: folder.path().canonicalize().unwrap().join("c.json"),
        index_in_file: 1,
    };
    assert_eq!(store.reading_state(&key).unwrap(), ReadingState::default());
    store.set_read(&key, true).unwrap();
    store.set_bookmarked(&key, true).unwrap();
    store.set_scroll(&key, 42).unwrap();
    store.set_last_folder(folder.path()).unwrap();
    store.set_last_article(folder.path(), &key).unwrap();

    // The file changes (new id), the state stays with path + position.
    write(
        folder.path(),
        "c.json",
        r#"[{"title":"الميزانية","body":"نص آخر"},{"title":"الطقس غدا","body":"صحو"}]"#,
    );
    index(&mut store, folder.path());
    drop(store);
    let store = Store::open_in(data.path()).unwrap();
    let want = ReadingState {
        read: true,
        bookmarked: true,
        scroll: 42,
    };
    assert_eq!(store.reading_state(&key).unwrap(), want);
    let entry = store
        .entries(folder.path())
        .unwrap()
        .into_iter()
        .find(|e| e.key == key)
        .unwrap();
    assert!(entry.read && entry.bookmarked);
    assert_eq!(entry.title, "الطقس غدا");
    assert_eq!(store.bookmarks(folder.path()).unwrap().len(), 1);
    assert_eq!(
        store.last_folder().unwrap().unwrap(),
        folder.path().canonicalize().unwrap()
    );
    assert_eq!(
        store.last_article(folder.path()).unwrap(),
        Some(key.clone())
    );
    store.set_read(&key, false).unwrap();
    assert!(!store.reading_state(&key).unwrap().read);
}

#[test]
fn analysis_cache_is_keyed_by_content_analyzer_and_version() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open_in(data.path()).unwrap();
    assert_eq!(store.cache_get(7, "entities", 1).unwrap(), None);
    store.cache_put(7, "entities", 1, b"v1").unwrap();
    store.cache_put(7, "figures", 1, b"f1").unwrap();
    assert_eq!(store.cache_get(7, "entities", 1).unwrap().unwrap(), b"v1");
    assert_eq!(store.cache_get(8, "entities", 1).unwrap(), None);
    // A new version replaces the old one.
    store.cache_put(7, "entities", 2, b"v2").unwrap();
    assert_eq!(store.cache_get(7, "entities", 1).unwrap(), None);
    assert_eq!(store.cache_get(7, "entities", 2).unwrap().unwrap(), b"v2");
    assert_eq!(store.cache_get(7, "figures", 1).unwrap().unwrap(), b"f1");
    // JSON helpers; u64 hashes above i64::MAX round-trip.
    let big = u64::MAX - 3;
    store
        .cache_put_json(big, "figures", 3, &vec!["٥ر٣ بالمائة".to_string()])
        .unwrap();
    let back: Option<Vec<String>> = store.cache_get_json(big, "figures", 3).unwrap();
    assert_eq!(back.unwrap(), ["٥ر٣ بالمائة"]);

    let links = [
        EntityLink {
            name: "فلاديمير بوتين".into(),
            kind: "PERS".into(),
            mentions: 3,
        },
        EntityLink {
            name: "موسكو".into(),
            kind: "LOC".into(),
            mentions: 1,
        },
    ];
    store.set_entities(big, &links).unwrap();
    assert_eq!(store.entities(big).unwrap(), links);
    store.set_entities(big, &links[1..]).unwrap();
    assert_eq!(store.entities(big).unwrap(), links[1..]);
}

#[test]
fn cancelled_indexing_keeps_what_was_committed_and_resumes() {
    let folder = tempfile::tempdir().unwrap();
    for i in 0..1500 {
        write(
            folder.path(),
            &format!("{i:04}.txt"),
            &format!("خبر {i}\nنص الخبر رقم {i}.\n"),
        );
    }
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(data.path()).unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let summary = store
        .index_folder_cancellable(folder.path(), &cancel, |e| {
            if let IndexEvent::Batch { .. } = e {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        })
        .unwrap();
    assert!(summary.cancelled);
    assert!(
        summary.articles > 0 && summary.articles < 1500,
        "{}",
        summary.articles
    );
    let first = summary.articles;
    let (_, summary) = index(&mut store, folder.path());
    assert!(!summary.cancelled);
    assert_eq!(summary.articles, 1500);
    assert_eq!(summary.read_files, 1500 - first);
}

#[test]
fn two_connections_indexing_the_same_folder_agree() {
    let folder = tempfile::tempdir().unwrap();
    for i in 0..600 {
        write(
            folder.path(),
            &format!("{i:04}.txt"),
            &format!("خبر {i}\nنص {i}.\n"),
        );
    }
    let data = tempfile::tempdir().unwrap();
    drop(Store::open_in(data.path()).unwrap());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let mut store = Store::open_in(data.path()).unwrap();
                store.index_folder(folder.path(), |_| {}).unwrap();
            });
        }
    });
    let mut store = Store::open_in(data.path()).unwrap();
    store.check_integrity().unwrap();
    let (_, summary) = index(&mut store, folder.path());
    assert_eq!((summary.articles, summary.read_files), (600, 0));
    let q = akhbar::store::parse_query("نص ").unwrap();
    assert_eq!(
        store.search(folder.path(), &q, 1000).unwrap().hits.len(),
        600
    );
}
