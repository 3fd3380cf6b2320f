//! No data lost: the `akhbar` binary killed with SIGKILL at random moments during indexing,
//! and a writer of reading state killed repeatedly mid-write. After every kill the database
//! opens, passes SQLite's integrity check and keeps everything that was committed.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use akhbar::store::{ArticleKey, Store, parse_query};

const KILLS: usize = 50;
const HELPER_DIR: &str = "AKHBAR_KILL_TEST_DIR";

/// A small deterministic generator for the kill delays (reproducible runs).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn make_folder(n: usize) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("tempdir");
    for i in 0..n {
        let text = format!("خبر رقم {i}\nنص الخبر عن ميناء صفاقس والعدد {i}.\n");
        std::fs::write(folder.path().join(format!("{i:05}.txt")), text).expect("write");
    }
    folder
}

#[test]
fn indexing_killed_fifty_times_loses_nothing_committed_and_then_completes() {
    let n = 2000;
    let folder = make_folder(n);
    let data = tempfile::tempdir().expect("tempdir");
    let mut rng = Lcg(0x5eed);
    for _ in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_akhbar"))
            .args(["index", folder.path().to_str().expect("utf-8 path")])
            .env("AKHBAR_DATA_DIR", data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn akhbar index");
        std::thread::sleep(Duration::from_millis(5 + rng.below(120)));
        let _ = child.kill(); // SIGKILL; it may also have finished already
        child.wait().expect("wait");
        let store = Store::open_in(data.path()).expect("the database opens after a kill");
        store.check_integrity().expect("integrity after a kill");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .args([
            "index",
            folder.path().to_str().expect("utf-8 path"),
            "--json",
        ])
        .env("AKHBAR_DATA_DIR", data.path())
        .output()
        .expect("final index");
    assert!(output.status.success(), "{output:?}");
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON summary");
    assert_eq!(summary["articles"], n);
    let store = Store::open_in(data.path()).expect("open");
    let query = parse_query("صفاقس").expect("query");
    let found = store.search(folder.path(), &query, n + 10).expect("search");
    assert_eq!(
        found.hits.len(),
        n,
        "every article is in the search index exactly once"
    );
}

/// Helper process for the test below: writes increasing scroll positions, one transaction
/// each, printing every value once it is committed, until it is killed.
#[test]
#[ignore = "helper process, run by reading_state_survives_fifty_kills"]
fn kill_helper_state_writer() {
    let Some(dir) = std::env::var_os(HELPER_DIR) else {
        return;
    };
    let Ok(store) = Store::open_in(Path::new(&dir)) else {
        return;
    };
    let key = helper_key();
    let start = store.reading_state(&key).map(|s| s.scroll).unwrap_or(0);
    let mut out = std::io::stdout();
    for i in start + 1.. {
        if store.set_scroll(&key, i).is_err() || store.set_bookmarked(&key, i % 2 == 0).is_err() {
            return;
        }
        if writeln!(out, "{i}").and_then(|()| out.flush()).is_err() {
            return;
        }
    }
}

fn helper_key() -> ArticleKey {
    ArticleKey {
        path: PathBuf::from("/news/خبر.txt"),
        index_in_file: 0,
    }
}

#[test]
fn reading_state_survives_fifty_kills() {
    let data = tempfile::tempdir().expect("tempdir");
    drop(Store::open_in(data.path()).expect("create"));
    let mut rng = Lcg(42);
    let mut committed = 0u64;
    for _ in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "kill_helper_state_writer",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(HELPER_DIR, data.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn helper");
        let wanted = committed + 1 + rng.below(40);
        let stdout = child.stdout.take().expect("stdout");
        for line in BufReader::new(stdout).lines() {
            let Ok(value) = line.unwrap_or_default().trim().parse::<u64>() else {
                continue;
            };
            committed = committed.max(value);
            if value >= wanted {
                break;
            }
        }
        let _ = child.kill();
        child.wait().expect("wait");
        let store = Store::open_in(data.path()).expect("the database opens after a kill");
        store.check_integrity().expect("integrity after a kill");
        let scroll = u64::from(store.reading_state(&helper_key()).expect("state").scroll);
        assert!(
            scroll >= committed,
            "committed {committed} but found {scroll}"
        );
        committed = scroll;
    }
    assert!(
        committed >= KILLS as u64,
        "the writer made progress between kills"
    );
}
