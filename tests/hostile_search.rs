//! The store on the adversarial folder: `run_index` and `run_search` (the headless index and
//! search commands; `akhbar search` is not wired into the CLI yet), and `Store::search` with
//! hostile queries. One test only: it points `AKHBAR_DATA_DIR` at its own directory.

mod support;

use std::time::Duration;

use akhbar::store::{self, Store};
use support::{assert_json_safe, assert_terminal_safe, assert_unchanged, snapshot, within};

const QUERIES: &[&str] = &[
    "هاربين",
    "بوتين",
    "الرئيس الصينية",
    "\"عشرة ملايين\"",
    "\"unclosed",
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "\u{202e}هاربين\u{2066}",
    "\u{651}\u{651}\u{651}",
    "ـــــ",
    "*",
    "\"",
    "-",
    "^",
    "NEAR(a b)",
    "a OR b AND NOT c",
    "source:",
    "source:\u{1b}",
    "year:99999999999999999999",
    "ال",
    "😀",
    "中文",
    "",
    "   ",
];

#[test]
fn index_and_search_the_hostile_folder() {
    let base = support::fresh_dir("hostile_search");
    let root = base.join("news");
    std::fs::create_dir_all(&root).expect("mkdir");
    let folder = support::hostile_folder(&root);
    let data = base.join("data");
    // SAFETY: this binary has a single test, so no other thread reads the environment.
    unsafe { std::env::set_var(store::DATA_DIR_ENV, &data) };
    let before = snapshot(&folder.root);
    let root = folder.root.clone();
    within("index and search", Duration::from_secs(120), move || {
        let mut out = Vec::new();
        let mut err = Vec::new();
        store::run_index(&root, true, &mut out, &mut err).expect("index --json");
        let summary = assert_json_safe("run_index --json", &out);
        assert!(summary["articles"].as_u64().unwrap_or(0) > 20, "{summary}");
        assert!(!summary["skipped"].as_array().expect("skipped").is_empty());
        assert_terminal_safe("run_index stderr", &err);

        let (mut out, mut err) = (Vec::new(), Vec::new());
        store::run_index(&root, false, &mut out, &mut err).expect("index");
        assert_terminal_safe("run_index", &out);
        assert_terminal_safe("run_index stderr", &err);

        for query in QUERIES {
            let mut out = Vec::new();
            match store::run_search(&root, query, true, &mut out, |_, _| Ok(())) {
                Ok(()) => {
                    let value = assert_json_safe(&format!("search {query:?} --json"), &out);
                    assert!(value["results"].is_array(), "{value}");
                }
                Err(e) => assert_terminal_safe(
                    &format!("search {query:?} error"),
                    akhbar::text::printable(&format!("{e:#}")).as_bytes(),
                ),
            }
            let mut out = Vec::new();
            if store::run_search(&root, query, false, &mut out, |_, _| Ok(())).is_ok() {
                assert_terminal_safe(&format!("search {query:?}"), &out);
            }
        }
        let mut out = Vec::new();
        store::run_search(&root, "هاربين", true, &mut out, |_, _| Ok(())).expect("search");
        let value = assert_json_safe("search هاربين", &out);
        assert!(
            value["results"].as_array().is_some_and(|r| r.len() > 5),
            "{value}"
        );

        // The store directly, with a query as long as an article.
        let store = Store::open_in(&data).expect("store");
        let long = "كلمة ".repeat(5_000);
        let error = store::parse_query(&long).expect_err("a 5,000-word query is refused");
        assert!(error.to_string().contains("too long"), "{error}");
        let most = "كلمة ".repeat(store::query::MAX_QUERY_WORDS);
        let query = store::parse_query(&most).expect("the longest query allowed");
        store.search(&root, &query, 50).expect("search");
        store.check_integrity().expect("integrity");
    });
    assert_unchanged(&before, &folder.root);
}
