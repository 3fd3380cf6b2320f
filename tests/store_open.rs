//! Opening databases: creation, migrations, refusals with backups, and crash safety (a child
//! process killed with SIGKILL while it writes).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use akhbar::store::{ArticleKey, DB_FILE, IndexEvent, Store, StoreError, parse_query};

const HELPER_DIR: &str = "AKHBAR_STORE_TEST_HELPER_DIR";
const HELPER_FOLDER: &str = "AKHBAR_STORE_TEST_HELPER_FOLDER";

fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".bak"))
        .collect();
    found.sort();
    found
}

fn user_version(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn new_database_is_created_at_current_version_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    let store = Store::open_in(&nested).unwrap();
    assert_eq!(store.path(), nested.join(DB_FILE));
    store.check_integrity().unwrap();
    drop(store);
    let db = nested.join(DB_FILE);
    assert_eq!(user_version(&db), 1);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Re-opening migrates nothing and keeps data.
    let store = Store::open_in(&nested).unwrap();
    store
        .set_scroll(
            &ArticleKey {
                path: "/x.txt".into(),
                index_in_file: 0,
            },
            3,
        )
        .unwrap();
    drop(store);
    assert_eq!(user_version(&db), 1);
}

#[test]
fn database_from_the_future_is_refused_and_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DB_FILE);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE mine(x); INSERT INTO mine VALUES (42); PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    let err = Store::open_in(dir.path()).unwrap_err();
    let StoreError::NewerSchema {
        found,
        supported,
        backup: Some(backup),
        ..
    } = &err
    else {
        panic!("unexpected error {err:?}");
    };
    assert_eq!((*found, *supported), (99, 1));
    let message = err.to_string();
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("newer akhbar"), "{message}");
    assert!(message.contains(&backup.display().to_string()), "{message}");
    assert_eq!(backups(dir.path()), std::slice::from_ref(backup));
    // Neither the original nor the copy was changed.
    for path in [&db, backup] {
        assert_eq!(user_version(path), 99);
        let conn = rusqlite::Connection::open(path).unwrap();
        let x: i64 = conn
            .query_row("SELECT x FROM mine", [], |r| r.get(0))
            .unwrap();
        assert_eq!(x, 42);
    }
}

#[test]
fn garbage_file_is_refused_and_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DB_FILE);
    let garbage: Vec<u8> = (0..10_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let err = Store::open_in(dir.path()).unwrap_err();
    let StoreError::Corrupt {
        backup: Some(backup),
        ..
    } = &err
    else {
        panic!("unexpected error {err:?}");
    };
    let message = err.to_string();
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("damaged"), "{message}");
    assert!(message.contains("move or delete"), "{message}");
    assert_eq!(std::fs::read(backup).unwrap(), garbage);
    assert_eq!(std::fs::read(&db).unwrap(), garbage, "never discarded");
    // A second attempt makes a second, distinct backup.
    let _ = Store::open_in(dir.path()).unwrap_err();
    assert_eq!(backups(dir.path()).len(), 2);
}

/// Helper for `state_survives_sigkill`: writes reading state in a loop, printing each value
/// once its transaction is committed, until it is killed.
#[test]
#[ignore = "helper process, run by state_survives_sigkill"]
fn sigkill_helper_state() {
    let Some(dir) = std::env::var_os(HELPER_DIR) else {
        return;
    };
    let store = Store::open_in(Path::new(&dir)).unwrap();
    let key = helper_key();
    let mut out = std::io::stdout();
    for i in 1u32.. {
        store.set_scroll(&key, i).unwrap();
        store.set_read(&key, i % 2 == 0).unwrap();
        use std::io::Write;
        writeln!(out, "{i}").unwrap();
        out.flush().unwrap();
    }
}

fn helper_key() -> ArticleKey {
    ArticleKey {
        path: "/news/مقال.txt".into(),
        index_in_file: 2,
    }
}

fn spawn_helper(test: &str, dir: &Path, folder: Option<&Path>) -> std::process::Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        test,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(HELPER_DIR, dir)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if let Some(folder) = folder {
        cmd.env(HELPER_FOLDER, folder);
    }
    cmd.spawn().unwrap()
}

/// Reads the helper's numeric lines until one reaches `until`; returns the last.
fn read_until(child: &mut std::process::Child, until: u64) -> u64 {
    let stdout = child.stdout.take().unwrap();
    let mut last = 0;
    for line in BufReader::new(stdout).lines() {
        let Ok(n) = line.unwrap().trim().parse::<u64>() else {
            continue;
        };
        last = n;
        if n >= until {
            break;
        }
    }
    last
}

#[test]
fn state_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open_in(dir.path()).unwrap());
    let mut child = spawn_helper("sigkill_helper_state", dir.path(), None);
    let committed = read_until(&mut child, 300);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(committed >= 300, "helper stopped early at {committed}");

    let store = Store::open_in(dir.path()).unwrap();
    store.check_integrity().unwrap();
    let state = store.reading_state(&helper_key()).unwrap();
    // Everything printed was committed; at most the write in flight is lost.
    assert!(
        u64::from(state.scroll) >= committed,
        "{} < {committed}",
        state.scroll
    );
}

/// Helper for `index_survives_sigkill`: indexes a folder, printing after each batch.
#[test]
#[ignore = "helper process, run by index_survives_sigkill"]
fn sigkill_helper_index() {
    let (Some(dir), Some(folder)) = (
        std::env::var_os(HELPER_DIR),
        std::env::var_os(HELPER_FOLDER),
    ) else {
        return;
    };
    let mut store = Store::open_in(Path::new(&dir)).unwrap();
    let mut batches = 0u64;
    store
        .index_folder(Path::new(&folder), |e| {
            if let IndexEvent::Batch { .. } = e {
                batches += 1;
                println!("{batches}");
            }
        })
        .unwrap();
    // Keep going until killed.
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        store.set_last_folder(Path::new(&folder)).unwrap();
    }
}

#[test]
fn index_survives_sigkill() {
    let folder = tempfile::tempdir().unwrap();
    let n = 3000;
    for i in 0..n {
        let text = format!("خبر رقم {i}\nنص الخبر عن مدينة صفاقس والعدد {i}.\n");
        std::fs::write(folder.path().join(format!("{i:05}.txt")), text).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_helper("sigkill_helper_index", dir.path(), Some(folder.path()));
    read_until(&mut child, 1);
    child.kill().unwrap();
    child.wait().unwrap();

    let mut store = Store::open_in(dir.path()).unwrap();
    store.check_integrity().unwrap();
    let partial = store.entries(folder.path()).unwrap().len();
    assert!(partial > 0, "the first batch was committed");
    let summary = store.index_folder(folder.path(), |_| {}).unwrap();
    assert_eq!(summary.articles, n);
    assert_eq!(
        summary.read_files + partial,
        n,
        "committed files are not read again"
    );
    let q = parse_query("صفاقس ").unwrap();
    let found = store.search(folder.path(), &q, n + 10).unwrap();
    assert_eq!(
        found.hits.len(),
        n,
        "every article is in the search index exactly once"
    );
}

#[test]
fn connections_opening_a_new_database_together_all_succeed() {
    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    Store::open_in(dir.path())
                        .unwrap()
                        .check_integrity()
                        .unwrap()
                });
            }
        });
        assert_eq!(user_version(&dir.path().join(DB_FILE)), 1);
    }
}
