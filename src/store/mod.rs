//! SQLite storage: the library index of a folder, reading state, the analysis cache and the
//! full-text search index (Arabic-normalized). Only this room touches SQLite.
//!
//! One database file (`akhbar.db`) lives in the data dir ([`data_dir`]). A [`Store`] is one
//! connection: it is `Send` but not `Sync`, so each thread that needs the database opens its
//! own (the indexer on its background thread, the UI on its thread). WAL mode lets them read
//! while the other writes; every write is its own `BEGIN IMMEDIATE` transaction.
//!
//! How the UI uses it:
//! - start-up: `Store::open_default()` on the UI thread (a [`StoreError`] is worth showing
//!   as it is: it names the file and what to do); `last_folder()`, then `last_article()`.
//! - opening a folder: spawn a thread that opens its own `Store` and calls
//!   [`Store::index_folder_cancellable`], forwarding each [`IndexEvent`] into the app's event
//!   channel. `Cached` arrives at once with what the database knew (the list is ready),
//!   then `Batch`es (remove ids, add entries) and `Progress` as files are read, then `Done`.
//!   Set the cancel flag when the user leaves the folder or quits. Keep the list sorted with
//!   [`sort_entries`].
//! - opening an article: `article(id)` (bodies are not in the list); `reading_state(key)` for
//!   the scroll position; `set_read`, `set_bookmarked`, `set_scroll`, `set_last_article`
//!   as the user acts (each one transaction; no fsync per commit in WAL + NORMAL).
//! - search: [`parse_query`] on each keystroke (a [`QueryError`] is a message to show), then
//!   `search(folder, &query, limit)`; for the article opened from a hit, `SearchHit::hits`
//!   (or `hits_in(id, &query)`) are byte ranges in `Article::text()` to highlight.
//! - analysis: `cache_get_json` / `cache_put_json` with `ListEntry::content_hash`, and
//!   `set_entities` so that `@name` searches find the article.

mod cache;
mod cli;
mod error;
mod index;
mod paths;
pub mod query;
mod schema;
mod search;
mod state;
pub mod tokens;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use cache::{EntityLink, entity_norm};
pub use cli::{run_index, run_search, stderr_bar};
pub use error::StoreError;
pub use index::{ArticleKey, IndexEvent, IndexSummary, ListEntry, sort_entries};
pub use query::{Query, QueryError, parse_query};
pub use search::{SearchHit, SearchResults};
pub use state::ReadingState;

/// File name of the database inside the data dir.
pub const DB_FILE: &str = "akhbar.db";

/// Environment variable that overrides the data dir (tests always set it).
pub const DATA_DIR_ENV: &str = "AKHBAR_DATA_DIR";

/// The directory holding akhbar's database: `$AKHBAR_DATA_DIR` when set and non-empty, else
/// the platform data dir (`~/.local/share/akhbar` on Linux). `None` when neither is known.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "akhbar").map(|d| d.data_dir().to_owned())
}

/// One connection to akhbar's database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating when missing) the database in [`data_dir`].
    pub fn open_default() -> Result<Store, StoreError> {
        let dir = data_dir().ok_or(StoreError::NoDataDir)?;
        Store::open_in(&dir)
    }

    /// Opens (creating when missing) `dir/akhbar.db`, creating `dir` too.
    pub fn open_in(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
        Store::open(&dir.join(DB_FILE))
    }

    /// Opens (creating when missing) the database file at `path` and brings its schema up to
    /// date. A database from a newer akhbar, or a damaged file, is backed up next to itself
    /// and reported as an error; it is never discarded.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = schema::open_checked(path)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so
    /// two connections writing together wait for each other (busy timeout) instead of one
    /// failing with "database is locked" when its read snapshot went stale.
    fn write_tx(&self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)
    }

    /// Runs SQLite's integrity check; `Ok(())` when the database is sound.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: verdict,
                backup: None,
            })
        }
    }
}

/// How long a connection waits for another one's write transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
