//! Every headless command on the adversarial folder (`tests/support`): `index [--json]`,
//! `figures [--json]`, `render FILE` on every file, the loader itself, and entity
//! recognition. No panic, no hang, skipped files with reasons, no control or bidi character
//! in the output, valid JSON, and the folder is never written to.

mod support;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use akhbar::load;
use support::{
    AFTER_CAP, BEFORE_CAP, Expect, Folder, MANY_FILES, MANY_PARAGRAPHS, assert_json_safe,
    assert_terminal_safe, assert_unchanged, run_akhbar, snapshot, within,
};

struct Fixture {
    small: Folder,
    big: Folder,
    /// Where the commands keep their data and config (never the article folder).
    home: PathBuf,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let base = support::fresh_dir("hostile_cli");
        let (small, big) = support::small_and_big(&base);
        let home = base.join("home");
        std::fs::create_dir_all(&home).expect("mkdir");
        Fixture { small, big, home }
    })
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn skipped_reasons(library: &load::Library) -> Vec<(PathBuf, String)> {
    library
        .skipped
        .iter()
        .map(|s| (s.path.clone(), s.reason.clone()))
        .collect()
}

#[test]
fn the_loader_reads_what_it_can_and_says_why_it_skips_the_rest() {
    let fx = fixture();
    let folder = &fx.small;
    let root = folder.root.clone();
    let library = within("load_folder", Duration::from_secs(60), move || {
        load::load_folder(&root, |_, _| {})
    });
    let loaded: BTreeSet<&Path> = library.articles.iter().map(|a| a.path.as_path()).collect();
    let skipped = skipped_reasons(&library);
    for case in &folder.cases {
        let path = folder.path(&case.rel);
        let reason = skipped.iter().find(|(p, _)| *p == path).map(|(_, r)| r);
        match &case.expect {
            Expect::Loads => assert!(
                loaded.contains(path.as_path()),
                "{:?} did not load (skipped: {reason:?})",
                case.rel
            ),
            Expect::Skipped(want) => {
                let reason =
                    reason.unwrap_or_else(|| panic!("{:?} not reported as skipped", case.rel));
                assert!(reason.contains(want), "{:?}: {reason}", case.rel);
                assert!(!loaded.contains(path.as_path()), "{:?} loaded", case.rel);
            }
            Expect::Ignored => assert!(
                !loaded.contains(path.as_path()),
                "{:?} should not load",
                case.rel
            ),
        }
    }
    // Nothing outside the folder was read, even through links.
    for article in &library.articles {
        assert!(article.path.starts_with(&folder.root), "{:?}", article.path);
        assert!(!article.title.trim().is_empty(), "{:?}", article.path);
    }
    // Reasons are plain messages, never article bytes.
    for (path, reason) in &skipped {
        assert!(
            !reason.contains('\u{1b}') && reason.len() < 300,
            "{path:?}: {reason:?}"
        );
    }
}

#[test]
fn big_files_are_capped_and_many_files_all_load() {
    let fx = fixture();
    let root = fx.big.root.clone();
    let library = within("load big folder", Duration::from_secs(60), move || {
        load::load_folder(&root, |_, _| {})
    });
    assert!(library.skipped.is_empty(), "{:?}", library.skipped);
    assert_eq!(library.articles.len(), MANY_FILES + 2);
    let huge = library
        .articles
        .iter()
        .find(|a| a.path.ends_with("huge.txt"))
        .expect("the huge file loads");
    assert!(huge.truncated, "the 60 MB file is marked truncated");
    let text = huge.text();
    assert!(text.contains(BEFORE_CAP));
    assert!(!text.contains(AFTER_CAP), "text after the cap was read");
    assert!(!text.contains('\u{fffd}'), "a character was cut at the cap");
    let paragraphs = library
        .articles
        .iter()
        .find(|a| a.path.ends_with("paragraphs.txt"))
        .expect("5,000 paragraphs load");
    assert_eq!(paragraphs.paragraphs.len(), MANY_PARAGRAPHS);
    assert!(!paragraphs.truncated);
}

#[test]
fn index_json_is_valid_safe_and_lists_every_skip() {
    let fx = fixture();
    let before = snapshot(&fx.small.root);
    let out = run_akhbar(
        &[os("index"), fx.small.root.as_os_str(), os("--json")],
        &fx.home,
    );
    assert!(out.status.success(), "{out:?}");
    assert_terminal_safe("index --json stderr", &out.stderr);
    let summary = assert_json_safe("index --json", &out.stdout);
    let articles = summary["articles"].as_u64().expect("articles");
    assert!(articles as usize >= fx.small.loading().count(), "{summary}");
    let skipped = summary["skipped"].as_array().expect("skipped");
    let want = fx
        .small
        .cases
        .iter()
        .filter(|c| matches!(c.expect, Expect::Skipped(_)))
        .count();
    assert_eq!(skipped.len(), want, "{skipped:#?}");
    // The escaped name comes back intact through JSON.
    let names: Vec<&str> = skipped.iter().filter_map(|s| s["path"].as_str()).collect();
    assert!(
        names
            .iter()
            .any(|n| n.ends_with("broken-\u{1b}\u{fffd}.json")),
        "{names:?}"
    );
    assert_unchanged(&before, &fx.small.root);
}

#[test]
fn index_plain_escapes_names_and_reasons() {
    let fx = fixture();
    let out = run_akhbar(&[os("index"), fx.small.root.as_os_str()], &fx.home);
    assert!(out.status.success(), "{out:?}");
    assert_terminal_safe("index stdout", &out.stdout);
    assert_terminal_safe("index stderr", &out.stderr);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("skipped"), "{text}");
    // The skipped files and reasons go to stderr; the ESC of a file name shows as a visible
    // symbol.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken-\u{241b}"), "{err}");
}

#[test]
fn figures_json_on_the_folder_is_valid_and_safe() {
    let fx = fixture();
    let before = snapshot(&fx.small.root);
    let out = run_akhbar(
        &[os("figures"), fx.small.root.as_os_str(), os("--json")],
        &fx.home,
    );
    assert!(out.status.success(), "{out:?}");
    assert_terminal_safe("figures --json stderr", &out.stderr);
    let value = assert_json_safe("figures --json", &out.stdout);
    let articles = value.as_array().expect("an array of articles");
    assert!(articles.len() >= fx.small.loading().count());
    assert!(
        articles
            .iter()
            .any(|a| a["figures"].as_array().is_some_and(|f| !f.is_empty())),
        "some figures found"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped"), "{stderr}");
    assert_unchanged(&before, &fx.small.root);
}

#[test]
fn figures_plain_on_the_folder_is_safe() {
    let fx = fixture();
    let out = run_akhbar(&[os("figures"), fx.small.root.as_os_str()], &fx.home);
    assert!(out.status.success(), "{out:?}");
    // Tabs separate the columns; tabs inside article text show as ␉.
    let text = String::from_utf8_lossy(&out.stdout);
    if let Some(bad) = support::first_unsafe_but(&text, "\n\t") {
        panic!("figures stdout: {bad}");
    }
    assert_terminal_safe("figures stderr", &out.stderr);
}

#[test]
fn figures_on_the_big_folder() {
    let fx = fixture();
    let out = run_akhbar(
        &[
            os("figures"),
            fx.big.root.join("paragraphs.txt").as_os_str(),
            os("--json"),
        ],
        &fx.home,
    );
    assert!(out.status.success(), "{out:?}");
    let value = assert_json_safe("figures --json paragraphs.txt", &out.stdout);
    let figures = value[0]["figures"].as_array().expect("figures");
    assert!(figures.len() >= MANY_PARAGRAPHS, "{}", figures.len());
}

#[test]
fn render_every_file_is_safe_or_a_clear_error() {
    let fx = fixture();
    let before = snapshot(&fx.small.root);
    for case in &fx.small.cases {
        let path = fx.small.path(&case.rel);
        if case.expect == Expect::Ignored && !path.is_file() {
            continue;
        }
        // Narrow widths on the small cases only (the long ones are covered at 80 and by
        // tests/hostile_regressions.rs).
        let size = path.metadata().map_or(0, |m| m.len());
        let widths: &[&str] = if size > 100_000 {
            &["80"]
        } else {
            &["80", "1"]
        };
        for &width in widths {
            let out = run_akhbar(
                &[os("render"), path.as_os_str(), os("--width"), os(width)],
                &fx.home,
            );
            let what = format!("render {:?} --width {width}", case.rel);
            assert_terminal_safe(&what, &out.stdout);
            assert_terminal_safe(&what, &out.stderr);
            match case.expect {
                Expect::Loads => {
                    assert!(out.status.success(), "{what}: {out:?}");
                    assert!(!out.stdout.is_empty(), "{what}: no output");
                    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
                    if width == "80" {
                        for line in text.lines() {
                            let cells = akhbar::layout::text_width(line);
                            assert!(cells <= 80, "{what}: a line of {cells} cells");
                        }
                    }
                }
                // Links are judged by the folder scan; `render` is given the path itself
                // and may follow a link (it only fails clearly when the target is missing).
                Expect::Skipped(_) if path.is_symlink() => {
                    if !out.status.success() {
                        let err = String::from_utf8_lossy(&out.stderr);
                        assert!(err.contains("symbolic link"), "{what}: {err}");
                    }
                }
                Expect::Skipped(want) => {
                    assert!(!out.status.success(), "{what}: should fail");
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(err.contains(want), "{what}: {err}");
                    assert!(out.stdout.is_empty(), "{what}: {out:?}");
                }
                Expect::Ignored => {}
            }
            if case.expect != Expect::Loads {
                break;
            }
        }
    }
    assert_unchanged(&before, &fx.small.root);
}

#[test]
fn render_the_huge_file_and_the_long_paragraph_list() {
    let fx = fixture();
    for name in ["huge.txt", "paragraphs.txt"] {
        let path = fx.big.root.join(name);
        let out = run_akhbar(&[os("render"), path.as_os_str()], &fx.home);
        assert!(out.status.success(), "{name}: {out:?}");
        assert_terminal_safe(name, &out.stdout);
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(!text.contains(AFTER_CAP));
    }
}

#[test]
fn commands_on_a_directory_named_txt_and_on_missing_files_fail_clearly() {
    let fx = fixture();
    let dir = fx.small.root.join("fs/x.txt");
    let out = run_akhbar(&[os("render"), dir.as_os_str()], &fx.home);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is a directory"),
        "{out:?}"
    );
    let missing = fx.small.root.join("nope\u{1b}[2J.txt");
    for args in [
        vec![os("render"), missing.as_os_str()],
        vec![os("figures"), missing.as_os_str()],
        vec![os("index"), missing.as_os_str()],
    ] {
        let out = run_akhbar(&args, &fx.home);
        assert!(!out.status.success(), "{args:?}");
        assert_terminal_safe("error message", &out.stderr);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("nope\u{241b}[2J"),
            "{out:?}"
        );
    }
}

#[test]
fn the_big_folder_indexes_without_being_written_to() {
    let fx = fixture();
    let before = snapshot(&fx.big.root);
    let out = run_akhbar(
        &[os("index"), fx.big.root.as_os_str(), os("--json")],
        &fx.home,
    );
    assert!(out.status.success(), "{out:?}");
    let summary = assert_json_safe("index big --json", &out.stdout);
    assert_eq!(summary["articles"], MANY_FILES + 2);
    assert_unchanged(&before, &fx.big.root);
}

#[test]
fn entities_on_every_hostile_article() {
    let fx = fixture();
    let root = fx.small.root.clone();
    let found = within("entities", Duration::from_secs(120), move || {
        let recognizer = akhbar::analyze::entities::Recognizer::load_default().expect("model");
        let library = load::load_folder(&root, |_, _| {});
        let mut found = 0;
        // The 1 MB JSON body is left to tests/hostile_regressions.rs (NER is slow in debug).
        for article in library.articles.iter().filter(|a| a.text().len() < 300_000) {
            let text = article.text();
            for entity in recognizer.entities(&text) {
                found += 1;
                let _ = format!("{entity:?}");
            }
        }
        found
    });
    assert!(found > 0);
}

#[test]
fn entities_and_search_commands_on_the_folder_are_valid_and_safe() {
    let fx = fixture();
    let before = snapshot(&fx.small.root);
    let out = run_akhbar(
        &[os("entities"), fx.small.root.as_os_str(), os("--json")],
        &fx.home,
    );
    assert!(out.status.success(), "{out:?}");
    assert_terminal_safe("entities --json stderr", &out.stderr);
    let value = assert_json_safe("entities --json", &out.stdout);
    assert!(
        value
            .as_array()
            .is_some_and(|a| a.len() >= fx.small.loading().count())
    );
    for (query, json) in [
        ("الرئيس", true),
        ("\u{1b}[2J\u{202e}", true),
        ("source:\"x", false),
        ("@بوتين date:2020..2030", false),
    ] {
        let mut args = vec![
            os("search"),
            fx.small.root.as_os_str(),
            std::ffi::OsStr::new(query),
        ];
        if json {
            args.push(os("--json"));
        }
        let out = run_akhbar(&args, &fx.home);
        assert_terminal_safe("search stdout", &out.stdout);
        assert_terminal_safe("search stderr", &out.stderr);
        if json && out.status.success() {
            assert_json_safe("search --json", &out.stdout);
        }
    }
    assert_unchanged(&before, &fx.small.root);
}
