//! The library index: which files of a folder have been read, the articles they hold, and
//! their full-text index rows. Re-indexing re-reads only files whose size or mtime changed.
//!
//! Parsing runs on every core (`std::thread::scope`); this thread is the only SQLite writer
//! and commits in batches, announcing each batch to the caller so a list can fill in.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::Serialize;

use super::paths::{canonical_folder, from_bytes, to_bytes};
use super::tokens::index_text;
use super::{Store, StoreError};
use crate::load;
use crate::model::{Article, ArticleDate, Format, Skipped};
use crate::text::normalize;

/// Identifies an article across re-indexing: its file and its position in that file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ArticleKey {
    pub path: PathBuf,
    pub index_in_file: u32,
}

impl ArticleKey {
    /// This key's place in the library order, given the entry's date and title.
    pub fn list_place<'a>(
        &'a self,
        date: Option<ArticleDate>,
        title: &'a str,
    ) -> crate::model::ListPlace<'a> {
        crate::model::ListPlace {
            date,
            title,
            path: &self.path,
            index_in_file: self.index_in_file as usize,
        }
    }

    /// The key of a loaded article (its path as the article carries it).
    pub fn of(article: &Article) -> Self {
        ArticleKey {
            path: article.path.clone(),
            index_in_file: u32::try_from(article.index_in_file).unwrap_or(u32::MAX),
        }
    }
}

/// The light metadata a library list needs. `id` is valid until the article's file changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListEntry {
    pub id: i64,
    pub key: ArticleKey,
    pub title: String,
    pub date: Option<ArticleDate>,
    pub source: Option<String>,
    pub read: bool,
    pub bookmarked: bool,
    /// Hash of the article's text: the key of the analysis cache and of entity links.
    pub content_hash: u64,
}

/// What indexing reports while it runs, in this order: `Cached` once, then `Progress` and
/// `Batch` events, then `Done`.
#[derive(Debug, Clone)]
pub enum IndexEvent {
    /// What the database already holds for the folder, before the disk is checked: show it
    /// at once (empty on the first visit).
    Cached(Vec<ListEntry>),
    /// `done` of `total` files that needed (re-)reading are written.
    Progress { done: usize, total: usize },
    /// Changes written in one transaction: drop the entries with ids in `removed`, add `added`
    /// (a changed file gives both: its old ids and its new entries).
    Batch {
        removed: Vec<i64>,
        added: Vec<ListEntry>,
    },
    /// Indexing finished.
    Done(IndexSummary),
}

/// The outcome of indexing a folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IndexSummary {
    pub folder: PathBuf,
    /// Articles in the folder now.
    pub articles: usize,
    /// Readable article files in the folder now.
    pub files: usize,
    /// Files read this time (new or changed).
    pub read_files: usize,
    /// Files gone from the folder since the last visit.
    pub removed_files: usize,
    /// Files that could not become articles, and why.
    pub skipped: Vec<Skipped>,
    pub seconds: f64,
    /// Stopped early on request; run it again to finish.
    pub cancelled: bool,
}

/// Newest first; undated last; then by title, path and position (as `load::sort_articles`).
pub fn sort_entries(entries: &mut [ListEntry]) {
    entries.sort_unstable_by(|a, b| {
        crate::model::list_order(
            a.key.list_place(a.date, &a.title),
            b.key.list_place(b.date, &b.title),
        )
    });
}

/// A file the database knows.
struct KnownFile {
    id: i64,
    size: i64,
    mtime: i64,
    hash: i64,
}

/// A file to (re-)read.
struct Work {
    path: PathBuf,
    size: i64,
    mtime: i64,
    old: Option<(i64, i64)>,
}

/// A file read and prepared by a worker, ready to write.
struct Prepared {
    work_index: usize,
    hash: i64,
    outcome: Outcome,
}

enum Outcome {
    /// Same bytes as before (only the mtime moved).
    Unchanged,
    Articles(Vec<PreparedArticle>),
    Skipped(String),
}

struct PreparedArticle {
    article: Article,
    content_hash: i64,
    body_json: String,
    fts: [String; 4],
}

/// Files per write transaction, and the longest a batch waits before it is written.
const BATCH_FILES: usize = 400;

/// SQLite page cache while indexing, in KiB (the usual one is `schema::CACHE_KIB`).
const INDEX_CACHE_KIB: i64 = 128 * 1024;
const BATCH_WAIT: Duration = Duration::from_millis(150);
/// The first batch is written sooner and smaller, so a new folder's list appears at once.
const FIRST_BATCH_WAIT: Duration = Duration::from_millis(30);
const FIRST_BATCH_FILES: usize = 64;

impl Store {
    /// Indexes `folder` (re-reading only what changed) and reports through `on_event`.
    /// Meant for a background thread with its own `Store`; the folder is only read.
    pub fn index_folder(
        &mut self,
        folder: &Path,
        on_event: impl FnMut(IndexEvent),
    ) -> Result<IndexSummary, StoreError> {
        self.index_folder_cancellable(folder, &AtomicBool::new(false), on_event)
    }

    /// [`Store::index_folder`] that stops soon after `cancel` becomes true (the user left the
    /// folder or quits): what was committed stays, the next indexing carries on from there,
    /// and the summary says `cancelled`.
    pub fn index_folder_cancellable(
        &mut self,
        folder: &Path,
        cancel: &AtomicBool,
        on_event: impl FnMut(IndexEvent),
    ) -> Result<IndexSummary, StoreError> {
        // A big folder's index outgrows the default page cache and writes slow down a lot
        // (100k articles: 28 s with 32 MB, 16 s with 128 MB); the cache shrinks back after.
        self.conn
            .pragma_update(None, "cache_size", -INDEX_CACHE_KIB)?;
        let result = self.index_inner(folder, cancel, on_event);
        self.conn
            .pragma_update(None, "cache_size", -super::schema::CACHE_KIB)?;
        result
    }

    fn index_inner(
        &mut self,
        folder: &Path,
        cancel: &AtomicBool,
        mut on_event: impl FnMut(IndexEvent),
    ) -> Result<IndexSummary, StoreError> {
        let start = Instant::now();
        let root = canonical_folder(folder);
        if !root.is_dir() {
            return Err(StoreError::Io {
                path: folder.to_owned(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"),
            });
        }
        let folder_id = self.folder_id(&root)?;
        on_event(IndexEvent::Cached(self.entries_of(folder_id)?));
        let known = self.known_files(folder_id)?;
        let scan = load::scan(&root);
        let (work, present, mut skipped) = plan(scan, &known);
        let removed_files = self.remove_missing(&known, &present, &mut on_event)?;
        let read_files = self.write_prepared(folder_id, &work, cancel, &mut on_event)?;
        let cancelled = read_files < work.len();
        if !cancelled {
            self.finish_folder(folder_id)?;
        }
        skipped.extend(self.file_skips(folder_id)?);
        let summary = IndexSummary {
            folder: root,
            articles: self.article_count(folder_id)?,
            files: present.len(),
            read_files,
            removed_files,
            skipped,
            seconds: start.elapsed().as_secs_f64(),
            cancelled,
        };
        on_event(IndexEvent::Done(summary.clone()));
        Ok(summary)
    }

    /// The folder's row id, created on first sight.
    fn folder_id(&mut self, root: &Path) -> Result<i64, StoreError> {
        let bytes = to_bytes(root);
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO folders(path) VALUES (?1) ON CONFLICT(path) DO NOTHING",
            [&bytes],
        )?;
        let id = tx.query_row("SELECT id FROM folders WHERE path = ?1", [&bytes], |r| {
            r.get(0)
        })?;
        tx.commit()?;
        Ok(id)
    }

    /// The folder's id when it has been indexed before.
    pub(super) fn known_folder_id(&self, folder: &Path) -> Result<Option<i64>, StoreError> {
        let bytes = to_bytes(&canonical_folder(folder));
        Ok(self
            .conn
            .query_row("SELECT id FROM folders WHERE path = ?1", [bytes], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The list entries the database holds for `folder` (unsorted; see [`sort_entries`]),
    /// without looking at the disk. Empty when the folder was never indexed.
    pub fn entries(&self, folder: &Path) -> Result<Vec<ListEntry>, StoreError> {
        match self.known_folder_id(folder)? {
            Some(id) => self.entries_of(id),
            None => Ok(Vec::new()),
        }
    }

    fn entries_of(&self, folder_id: i64) -> Result<Vec<ListEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ENTRY_SELECT} WHERE a.folder_id = ?1"))?;
        let rows = stmt.query_map([folder_id], entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One list entry by article id.
    pub fn entry(&self, id: i64) -> Result<Option<ListEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ENTRY_SELECT} WHERE a.id = ?1"))?;
        Ok(stmt.query_row([id], entry_from_row).optional()?)
    }

    /// The whole article, as loaded, by id.
    pub fn article(&self, id: i64) -> Result<Option<Article>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ARTICLE_SELECT} WHERE a.id = ?1"))?;
        let row = stmt.query_row([id], article_columns).optional()?;
        row.map(ArticleColumns::into_article).transpose()
    }

    /// The whole article by key (any folder that holds its file).
    pub fn article_by_key(&self, key: &ArticleKey) -> Result<Option<Article>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ARTICLE_SELECT} WHERE f.path = ?1 AND a.idx = ?2 LIMIT 1"
        ))?;
        let row = stmt
            .query_row(
                params![to_bytes(&key.path), key.index_in_file],
                article_columns,
            )
            .optional()?;
        row.map(ArticleColumns::into_article).transpose()
    }

    /// Files of the folder that could not become articles at the last indexing.
    pub fn skipped(&self, folder: &Path) -> Result<Vec<Skipped>, StoreError> {
        match self.known_folder_id(folder)? {
            Some(id) => self.file_skips(id),
            None => Ok(Vec::new()),
        }
    }

    fn file_skips(&self, folder_id: i64) -> Result<Vec<Skipped>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, skipped FROM files WHERE folder_id = ?1 AND skipped IS NOT NULL
             ORDER BY path",
        )?;
        let rows = stmt.query_map([folder_id], |r| {
            Ok(Skipped {
                path: from_bytes(r.get(0)?),
                reason: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn article_count(&self, folder_id: i64) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM articles WHERE folder_id = ?1",
            [folder_id],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    fn known_files(&self, folder_id: i64) -> Result<HashMap<Vec<u8>, KnownFile>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, id, size, mtime_ns, hash FROM files WHERE folder_id = ?1",
        )?;
        let rows = stmt.query_map([folder_id], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                KnownFile {
                    id: r.get(1)?,
                    size: r.get(2)?,
                    mtime: r.get(3)?,
                    hash: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes the rows of files no longer in the folder, in one transaction.
    fn remove_missing(
        &mut self,
        known: &HashMap<Vec<u8>, KnownFile>,
        present: &HashSet<Vec<u8>>,
        on_event: &mut impl FnMut(IndexEvent),
    ) -> Result<usize, StoreError> {
        let gone: Vec<i64> = known
            .iter()
            .filter(|(path, _)| !present.contains(*path))
            .map(|(_, f)| f.id)
            .collect();
        if gone.is_empty() {
            return Ok(0);
        }
        let tx = self.write_tx()?;
        let mut removed = Vec::new();
        for file_id in &gone {
            removed.extend(delete_file(&tx, *file_id)?);
        }
        tx.commit()?;
        on_event(IndexEvent::Batch {
            removed,
            added: Vec::new(),
        });
        Ok(gone.len())
    }

    /// Reads the work on every core and writes it here, batch by batch; returns how many
    /// files were written (fewer than `work.len()` when cancelled).
    fn write_prepared(
        &mut self,
        folder_id: i64,
        work: &[Work],
        cancel: &AtomicBool,
        on_event: &mut impl FnMut(IndexEvent),
    ) -> Result<usize, StoreError> {
        let total = work.len();
        on_event(IndexEvent::Progress { done: 0, total });
        if total == 0 {
            return Ok(0);
        }
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 8)
            .min(total);
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<Prepared>(256);
            for _ in 0..workers {
                let tx = tx.clone();
                let next = &next;
                scope.spawn(move || prepare_loop(work, next, &tx));
            }
            drop(tx);
            self.writer_loop(folder_id, work, &rx, cancel, on_event)
        })
    }

    fn writer_loop(
        &mut self,
        folder_id: i64,
        work: &[Work],
        rx: &mpsc::Receiver<Prepared>,
        cancel: &AtomicBool,
        on_event: &mut impl FnMut(IndexEvent),
    ) -> Result<usize, StoreError> {
        let total = work.len();
        let mut done = 0;
        let mut batch = Vec::with_capacity(BATCH_FILES);
        let mut open_since = Instant::now();
        loop {
            if cancel.load(Ordering::Relaxed) {
                // Returning drops the receiver: the workers stop at their next file.
                return Ok(done);
            }
            let wait = if done == 0 {
                FIRST_BATCH_WAIT
            } else {
                BATCH_WAIT
            };
            let timeout = wait.saturating_sub(open_since.elapsed());
            let finished = match rx.recv_timeout(timeout) {
                Ok(p) => {
                    batch.push(p);
                    false
                }
                Err(mpsc::RecvTimeoutError::Timeout) => false,
                Err(mpsc::RecvTimeoutError::Disconnected) => true,
            };
            let limit = if done == 0 {
                FIRST_BATCH_FILES
            } else {
                BATCH_FILES
            };
            let due = batch.len() >= limit || open_since.elapsed() >= wait;
            if !batch.is_empty() && (due || finished) {
                done += batch.len();
                let (removed, added) = self.write_batch(folder_id, work, &mut batch)?;
                on_event(IndexEvent::Batch { removed, added });
                on_event(IndexEvent::Progress { done, total });
                open_since = Instant::now();
            } else if due {
                open_since = Instant::now();
            }
            if finished {
                return Ok(done);
            }
        }
    }

    /// Writes one batch in one transaction; returns the ids removed and the entries added.
    fn write_batch(
        &mut self,
        folder_id: i64,
        work: &[Work],
        batch: &mut Vec<Prepared>,
    ) -> Result<(Vec<i64>, Vec<ListEntry>), StoreError> {
        let tx = self.write_tx()?;
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for prepared in batch.drain(..) {
            let w = &work[prepared.work_index];
            if let Outcome::Unchanged = prepared.outcome {
                tx.prepare_cached("UPDATE files SET size = ?2, mtime_ns = ?3 WHERE id = ?1")?
                    .execute(params![w.old.map(|o| o.0), w.size, w.mtime])?;
                continue;
            }
            // Look the row up again rather than trusting `w.old`: another process (a
            // headless search next to the TUI) may have indexed the file meanwhile.
            let path = to_bytes(&w.path);
            if let Some(old_id) = file_id_of(&tx, folder_id, &path)? {
                removed.extend(delete_file(&tx, old_id)?);
            }
            write_file(&tx, folder_id, w, prepared, &mut added)?;
        }
        tx.commit()?;
        Ok((removed, added))
    }

    fn finish_folder(&mut self, folder_id: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE folders SET indexed_at = ?2 WHERE id = ?1",
            params![folder_id, unix_now()],
        )?;
        Ok(())
    }
}

/// Splits the scan into files to read and the set of files present; scan-level skips
/// (unreadable entries, links leaving the folder) are returned as they are.
fn plan(
    scan: load::Scan,
    known: &HashMap<Vec<u8>, KnownFile>,
) -> (Vec<Work>, HashSet<Vec<u8>>, Vec<Skipped>) {
    let mut work = Vec::new();
    let mut present = HashSet::with_capacity(scan.files.len());
    let mut skipped = scan.skipped;
    for path in scan.files {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                skipped.push(Skipped {
                    path,
                    reason: format!("cannot be read ({})", e.kind()),
                });
                continue;
            }
        };
        let (size, mtime) = (meta.len() as i64, mtime_ns(&meta));
        let key = to_bytes(&path);
        let old = known.get(&key);
        present.insert(key);
        if old.is_some_and(|k| k.size == size && k.mtime == mtime) {
            continue;
        }
        work.push(Work {
            path,
            size,
            mtime,
            old: old.map(|k| (k.id, k.hash)),
        });
    }
    (work, present, skipped)
}

fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

pub(super) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A worker: takes the next file, reads, hashes, parses and prepares its index rows.
fn prepare_loop(work: &[Work], next: &AtomicUsize, tx: &mpsc::SyncSender<Prepared>) {
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(w) = work.get(i) else { return };
        if tx.send(prepare(i, w)).is_err() {
            return; // the writer stopped (an error): nothing more to do
        }
    }
}

fn prepare(work_index: usize, w: &Work) -> Prepared {
    let (bytes, truncated) = match load::read_file(&w.path) {
        Ok(read) => read,
        Err(reason) => {
            return Prepared {
                work_index,
                hash: 0,
                outcome: Outcome::Skipped(reason),
            };
        }
    };
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes) as i64;
    let outcome = if w.old.is_some_and(|(_, old_hash)| old_hash == hash) {
        Outcome::Unchanged
    } else {
        match load::load_bytes(&w.path, &bytes, truncated) {
            Ok(articles) => Outcome::Articles(articles.into_iter().map(prepare_article).collect()),
            Err(reason) => Outcome::Skipped(reason),
        }
    };
    Prepared {
        work_index,
        hash,
        outcome,
    }
}

fn prepare_article(article: Article) -> PreparedArticle {
    let content_hash = xxhash_rust::xxh3::xxh3_64(article.text().as_bytes()) as i64;
    let body_json = serde_json::to_string(&article.paragraphs).unwrap_or_else(|_| "[]".into());
    let [mut title, mut body, mut title_alt, mut body_alt] = <[String; 4]>::default();
    index_text(&article.title, &mut title, &mut title_alt);
    for p in &article.paragraphs {
        index_text(p, &mut body, &mut body_alt);
    }
    PreparedArticle {
        article,
        content_hash,
        body_json,
        fts: [title, body, title_alt, body_alt],
    }
}

fn file_id_of(tx: &Transaction<'_>, folder_id: i64, path: &[u8]) -> rusqlite::Result<Option<i64>> {
    tx.prepare_cached("SELECT id FROM files WHERE folder_id = ?1 AND path = ?2")?
        .query_row(params![folder_id, path], |r| r.get(0))
        .optional()
}

/// Deletes a file's row (its articles and their index rows follow); returns the article ids.
fn delete_file(tx: &Transaction<'_>, file_id: i64) -> Result<Vec<i64>, StoreError> {
    let ids = tx
        .prepare_cached("SELECT id FROM articles WHERE file_id = ?1")?
        .query_map([file_id], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    tx.prepare_cached("DELETE FROM files WHERE id = ?1")?
        .execute([file_id])?;
    Ok(ids)
}

fn write_file(
    tx: &Transaction<'_>,
    folder_id: i64,
    w: &Work,
    prepared: Prepared,
    added: &mut Vec<ListEntry>,
) -> Result<(), StoreError> {
    let (articles, skipped) = match prepared.outcome {
        Outcome::Articles(a) => (a, None),
        Outcome::Skipped(reason) => (Vec::new(), Some(reason)),
        Outcome::Unchanged => return Ok(()),
    };
    let path = to_bytes(&w.path);
    tx.prepare_cached(
        "INSERT INTO files(folder_id, path, size, mtime_ns, hash, skipped)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        folder_id,
        path,
        w.size,
        w.mtime,
        prepared.hash,
        skipped
    ])?;
    let file_id = tx.last_insert_rowid();
    for a in articles {
        added.push(write_article(tx, folder_id, file_id, &path, a)?);
    }
    Ok(())
}

fn write_article(
    tx: &Transaction<'_>,
    folder_id: i64,
    file_id: i64,
    path: &[u8],
    p: PreparedArticle,
) -> Result<ListEntry, StoreError> {
    let a = &p.article;
    let source_norm = a.source.as_deref().map(normalize);
    tx.prepare_cached(
        "INSERT INTO articles(folder_id, file_id, idx, content_hash, title, date_key, year,
             source, source_norm, format, encoding, truncated, url, author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        folder_id,
        file_id,
        a.index_in_file as i64,
        p.content_hash,
        a.title,
        a.date.map(date_key),
        a.date.map(|d| d.year),
        a.source,
        source_norm,
        a.format.name(),
        a.encoding,
        a.truncated,
        a.url,
        a.author,
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO bodies(id, paragraphs) VALUES (?1, ?2)")?
        .execute(params![id, p.body_json])?;
    let [title, body, title_alt, body_alt] = &p.fts;
    tx.prepare_cached(
        "INSERT INTO fts(rowid, title, body, title_alt, body_alt) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, title, body, title_alt, body_alt])?;
    let (read, bookmarked) = tx
        .prepare_cached("SELECT read, bookmark FROM state WHERE path = ?1 AND idx = ?2")?
        .query_row(params![path, a.index_in_file as i64], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .unwrap_or((false, false));
    Ok(ListEntry {
        id,
        key: ArticleKey {
            path: a.path.clone(),
            index_in_file: a.index_in_file as u32,
        },
        title: a.title.clone(),
        date: a.date,
        source: a.source.clone(),
        read,
        bookmarked,
        content_hash: p.content_hash as u64,
    })
}

/// A sortable integer for a date: `YYYYMMDD` then seconds of the day.
pub(super) fn date_key(d: ArticleDate) -> i64 {
    ((i64::from(d.year) * 100 + i64::from(d.month)) * 100 + i64::from(d.day)) * 100_000
        + i64::from(d.seconds)
}

pub(super) fn date_from_key(k: i64) -> ArticleDate {
    let seconds = k.rem_euclid(100_000);
    let ymd = k.div_euclid(100_000);
    ArticleDate {
        year: ymd.div_euclid(10_000) as i32,
        month: (ymd.div_euclid(100).rem_euclid(100)) as u8,
        day: ymd.rem_euclid(100) as u8,
        seconds: seconds as u32,
    }
}

/// Columns of a list entry; callers add the WHERE clause.
pub(super) const ENTRY_SELECT: &str = "SELECT a.id, f.path, a.idx, a.title, a.date_key, a.source,
        coalesce(s.read, 0), coalesce(s.bookmark, 0), a.content_hash
    FROM articles a JOIN files f ON f.id = a.file_id
    LEFT JOIN state s ON s.path = f.path AND s.idx = a.idx";

pub(super) fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<ListEntry> {
    Ok(ListEntry {
        id: r.get(0)?,
        key: ArticleKey {
            path: from_bytes(r.get(1)?),
            index_in_file: r.get(2)?,
        },
        title: r.get(3)?,
        date: r.get::<_, Option<i64>>(4)?.map(date_from_key),
        source: r.get(5)?,
        read: r.get(6)?,
        bookmarked: r.get(7)?,
        content_hash: r.get::<_, i64>(8)? as u64,
    })
}

const ARTICLE_SELECT: &str = "SELECT f.path, a.idx, a.format, a.title, b.paragraphs,
        a.date_key, a.source, a.url, a.author, a.encoding, a.truncated
    FROM articles a JOIN files f ON f.id = a.file_id JOIN bodies b ON b.id = a.id";

/// An article row before its body JSON is decoded.
struct ArticleColumns {
    path: Vec<u8>,
    index_in_file: i64,
    format: String,
    title: String,
    body: String,
    date_key: Option<i64>,
    source: Option<String>,
    url: Option<String>,
    author: Option<String>,
    encoding: String,
    truncated: bool,
}

fn article_columns(r: &Row<'_>) -> rusqlite::Result<ArticleColumns> {
    Ok(ArticleColumns {
        path: r.get(0)?,
        index_in_file: r.get(1)?,
        format: r.get(2)?,
        title: r.get(3)?,
        body: r.get(4)?,
        date_key: r.get(5)?,
        source: r.get(6)?,
        url: r.get(7)?,
        author: r.get(8)?,
        encoding: r.get(9)?,
        truncated: r.get(10)?,
    })
}

impl ArticleColumns {
    fn into_article(self) -> Result<Article, StoreError> {
        let paragraphs: Vec<String> = serde_json::from_str(&self.body).map_err(|e| {
            StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
                4,
                rusqlite::types::Type::Text,
                Box::new(e),
            ))
        })?;
        Ok(Article {
            path: from_bytes(self.path),
            index_in_file: self.index_in_file as usize,
            format: format_from_name(&self.format),
            title: self.title,
            paragraphs,
            date: self.date_key.map(date_from_key),
            source: self.source,
            url: self.url,
            author: self.author,
            encoding: self.encoding,
            truncated: self.truncated,
        })
    }
}

fn format_from_name(name: &str) -> Format {
    match name {
        "md" => Format::Md,
        "json" => Format::Json,
        "html" => Format::Html,
        _ => Format::Txt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_keys_round_trip_and_sort() {
        let a = ArticleDate {
            year: 2016,
            month: 11,
            day: 10,
            seconds: 39_300,
        };
        let b = ArticleDate {
            year: 2017,
            month: 1,
            day: 2,
            seconds: 0,
        };
        assert_eq!(date_from_key(date_key(a)), a);
        assert!(date_key(a) < date_key(b));
    }
}
