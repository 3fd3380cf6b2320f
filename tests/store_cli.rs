//! The headless `run_index` / `run_search` functions. One test in this binary: it sets
//! `AKHBAR_DATA_DIR` for the process.

use std::fs;

use akhbar::store::{run_index, run_search};

fn has_raw_controls(s: &str) -> bool {
    s.chars()
        .any(|c| (c.is_control() && c != '\n') || akhbar::text::printable::is_bidi_control(c))
}

#[test]
fn headless_index_and_search() {
    let data = tempfile::tempdir().unwrap();
    // SAFETY: this binary has a single test and no other thread reads the environment.
    unsafe { std::env::set_var("AKHBAR_DATA_DIR", data.path()) };
    let folder = tempfile::tempdir().unwrap();
    fs::write(
        folder.path().join("one.txt"),
        "افتتاح مهرجان قرطاج\nافتتحت الدورة الجديدة لمهرجان قرطاج الدولي مساء أمس.\n",
    )
    .unwrap();
    fs::write(
        folder.path().join("two.txt"),
        "الطقس\nأمطار \u{1b}[31mغزيرة\u{202e} في الشمال.\n",
    )
    .unwrap();
    fs::write(folder.path().join("bad\u{1b}[2J\u{9b}.json"), "{ nope").unwrap();

    // JSON summary.
    let (mut out, mut err) = (Vec::new(), Vec::new());
    run_index(folder.path(), true, &mut out, &mut err).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(!has_raw_controls(&text), "{text:?}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["articles"], 2);
    assert_eq!(v["skipped"].as_array().unwrap().len(), 1);
    let skipped_path = v["skipped"][0]["path"].as_str().unwrap();
    assert!(skipped_path.ends_with("bad\u{1b}[2J\u{9b}.json"));
    assert!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("invalid JSON")
    );
    assert!(v["seconds"].as_f64().unwrap() >= 0.0);
    assert!(fs::metadata(data.path().join("akhbar.db")).is_ok());

    // Human summary: counts on stdout, skipped files (made printable) on stderr.
    let (mut out, mut err) = (Vec::new(), Vec::new());
    run_index(folder.path(), false, &mut out, &mut err).unwrap();
    let (out, err) = (
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    );
    assert!(
        out.contains("2 articles in 3 files (0 read, 0 removed), 1 skipped"),
        "{out}"
    );
    assert!(err.contains("skipped") && err.contains('\u{241b}'), "{err}");
    assert!(!has_raw_controls(&out) && !has_raw_controls(&err));

    // Search, human and JSON.
    let mut out = Vec::new();
    run_search(
        folder.path(),
        "مهرجان قرطاج",
        false,
        &mut out,
        |_, _| Ok(()),
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("1. افتتاح مهرجان قرطاج\n"), "{out}");
    assert!(out.contains("one.txt"));
    assert!(!out.contains("2. "));

    let mut out = Vec::new();
    run_search(folder.path(), "غزيرة", true, &mut out, |_, _| Ok(())).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(!has_raw_controls(&out), "{out:?}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hit = &v["results"][0];
    assert!(hit["path"].as_str().unwrap().ends_with("two.txt"));
    assert!(hit["snippet"].as_str().unwrap().contains("\u{1b}[31mغزيرة"));
    assert_eq!(hit["hits"].as_array().unwrap().len(), 1);

    let mut out = Vec::new();
    assert!(run_search(folder.path(), "date:soon", false, &mut out, |_, _| Ok(())).is_err());
    let mut out = Vec::new();
    run_search(folder.path(), "غير_موجود ", false, &mut out, |_, _| Ok(())).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "no articles match\n");

    // `@name` analyses the folder first (as `main` runs it), so entities are found without the
    // reader ever having opened the folder; the name matches across hamza seats.
    fs::write(
        folder.path().join("three.txt"),
        "زيارة رئاسية\nأشرف رئيس الجمهورية الباجي قائد السبسي على افتتاح المعرض في تونس.\n",
    )
    .unwrap();
    let analyse = |store: &akhbar::store::Store, query: &akhbar::store::Query| {
        akhbar::headless::analyse_for_query(store, folder.path(), query)
    };
    let mut out = Vec::new();
    run_search(
        folder.path(),
        "@\"الباجي قايد السبسي\"",
        false,
        &mut out,
        analyse,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("1. زيارة رئاسية\n"), "{out}");
    assert!(!out.contains("2. "), "{out}");
}
