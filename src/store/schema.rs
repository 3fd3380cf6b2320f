//! Opening the database: sanity checks, backups of unreadable files, pragmas, migrations.
//!
//! The schema version is `PRAGMA user_version`. Migration `i` (0-based) takes the schema from
//! version `i` to `i + 1`, inside one transaction.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode};

use super::{BUSY_TIMEOUT, StoreError};

/// SQLite page cache of a connection, in KiB.
pub const CACHE_KIB: i64 = 32 * 1024;

/// The schema version this akhbar writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const MIGRATIONS: &[&str] = &[V1];

const V1: &str = "
CREATE TABLE folders(
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    indexed_at INTEGER,
    last_path BLOB,
    last_index INTEGER
);
CREATE TABLE files(
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    path BLOB NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    skipped TEXT,
    UNIQUE(folder_id, path)
);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    content_hash INTEGER NOT NULL,
    title TEXT NOT NULL,
    date_key INTEGER,
    year INTEGER,
    source TEXT,
    source_norm TEXT,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    truncated INTEGER NOT NULL,
    url TEXT,
    author TEXT,
    UNIQUE(file_id, idx)
);
-- Paragraphs (a JSON array) apart from the list columns, so listing a folder reads small rows.
CREATE TABLE bodies(
    id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    paragraphs TEXT NOT NULL
);
CREATE INDEX articles_folder ON articles(folder_id, year);
CREATE INDEX articles_content ON articles(content_hash);
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, title_alt, body_alt,
    content='', contentless_delete=1, tokenize='ascii'
);
-- A 16 MB in-memory term buffer: fewer, larger segments and less merging while indexing.
INSERT INTO fts(fts, rank) VALUES ('hashsize', 16777216);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM fts WHERE rowid = old.id;
END;
CREATE TABLE state(
    path BLOB NOT NULL,
    idx INTEGER NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    bookmark INTEGER NOT NULL DEFAULT 0,
    scroll INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY(path, idx)
) WITHOUT ROWID;
CREATE TABLE settings(
    key TEXT PRIMARY KEY,
    value BLOB
) WITHOUT ROWID;
CREATE TABLE cache(
    content_hash INTEGER NOT NULL,
    analyzer TEXT NOT NULL,
    version INTEGER NOT NULL,
    value BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY(content_hash, analyzer, version)
) WITHOUT ROWID;
CREATE TABLE entities(
    content_hash INTEGER NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT NOT NULL,
    last_word TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY(content_hash, norm, kind)
) WITHOUT ROWID;
CREATE INDEX entities_norm ON entities(norm);
CREATE INDEX entities_last_word ON entities(last_word);
";

/// Opens `path`, refusing (after a backup) a damaged file or one from a newer schema, then
/// sets the connection up and migrates.
pub fn open_checked(path: &Path) -> Result<Connection, StoreError> {
    let version = match retry_busy(|| probe(path)) {
        Ok(v) => v,
        Err(e) if is_corruption(&e) => {
            let backup = backup(path);
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                detail: e.to_string(),
                backup,
            });
        }
        Err(e) => return Err(e.into()),
    };
    if version > SCHEMA_VERSION {
        let backup = backup(path);
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
            backup,
        });
    }
    Ok(retry_busy(|| {
        let mut conn = connect(path)?;
        configure(&conn)?;
        migrate(&mut conn, version)?;
        Ok(conn)
    })?)
}

/// Runs `step` again while SQLite answers "busy" or "locked", for up to [`BUSY_TIMEOUT`].
/// The busy handler does not cover everything opening does: when several connections open
/// a new database together, switching it to WAL can fail at once with `SQLITE_BUSY` while
/// another connection holds its lock (seen as "database is locked" with four threads).
/// Every step of opening can be repeated: the migrations check the version inside their
/// own transaction.
fn retry_busy<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match step() {
            Err(e) if is_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            result => return result,
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Reads the schema version and the schema itself (so a garbage file fails here).
fn probe(path: &Path) -> rusqlite::Result<i64> {
    let conn = connect(path)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let _tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(version)
}

fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
    // In WAL mode NORMAL keeps every committed transaction across a crash of the process
    // (only a power loss can take the last ones back).
    conn.execute_batch(
        "PRAGMA synchronous=NORMAL;
         PRAGMA foreign_keys=ON;
         PRAGMA temp_store=MEMORY;",
    )?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)
}

fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated since `from` was read.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > i as i64 {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Copies the database (and its WAL, when present) next to itself with a timestamp suffix.
/// Returns the copy's path, or `None` when even the copy failed.
pub fn backup(path: &Path) -> Option<PathBuf> {
    let stamp = utc_stamp(std::time::SystemTime::now());
    let mut target = suffixed(path, &format!(".{stamp}.bak"));
    let mut n = 1;
    while target.exists() {
        target = suffixed(path, &format!(".{stamp}-{n}.bak"));
        n += 1;
    }
    std::fs::copy(path, &target).ok()?;
    let wal = suffixed(path, "-wal");
    if wal.exists() {
        // Best effort: the main file is the one that matters for recovery.
        let _ = std::fs::copy(&wal, suffixed(&target, "-wal"));
    }
    Some(target)
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// `YYYYMMDD-HHMMSS` in UTC.
pub fn utc_stamp(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_calendar_dates() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        assert_eq!(utc_stamp(t), "20231114-221320");
        assert_eq!(utc_stamp(std::time::UNIX_EPOCH), "19700101-000000");
    }
}
