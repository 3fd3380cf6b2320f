//! Reading state: read/unread, bookmarks and scroll position per article, keyed by file path
//! and position in the file so it survives re-indexing; the last folder and the last article
//! of each folder. Every setter is one statement, so one transaction.

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::index::{ArticleKey, ENTRY_SELECT, entry_from_row, unix_now};
use super::paths::{canonical_folder, from_bytes, to_bytes};
use super::{ListEntry, Store, StoreError};

/// The reading state of one article (all false/zero when never touched).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadingState {
    pub read: bool,
    pub bookmarked: bool,
    /// Scroll position in the reader (the reader decides the unit: first visible line).
    pub scroll: u32,
}

const LAST_FOLDER: &str = "last_folder";

impl Store {
    /// The reading state of an article.
    pub fn reading_state(&self, key: &ArticleKey) -> Result<ReadingState, StoreError> {
        let state = self
            .conn
            .prepare_cached(
                "SELECT read, bookmark, scroll FROM state WHERE path = ?1 AND idx = ?2",
            )?
            .query_row(params![to_bytes(&key.path), key.index_in_file], |r| {
                Ok(ReadingState {
                    read: r.get(0)?,
                    bookmarked: r.get(1)?,
                    scroll: r.get(2)?,
                })
            })
            .optional()?;
        Ok(state.unwrap_or_default())
    }

    /// Marks an article read or unread.
    pub fn set_read(&self, key: &ArticleKey, read: bool) -> Result<(), StoreError> {
        self.upsert_state(key, "read", i64::from(read))
    }

    /// Bookmarks an article or removes its bookmark.
    pub fn set_bookmarked(&self, key: &ArticleKey, bookmarked: bool) -> Result<(), StoreError> {
        self.upsert_state(key, "bookmark", i64::from(bookmarked))
    }

    /// Remembers the reader's scroll position in an article.
    pub fn set_scroll(&self, key: &ArticleKey, scroll: u32) -> Result<(), StoreError> {
        self.upsert_state(key, "scroll", i64::from(scroll))
    }

    /// `column` is one of the three fixed names above, never user input.
    fn upsert_state(&self, key: &ArticleKey, column: &str, value: i64) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO state(path, idx, {column}, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(path, idx) DO UPDATE SET {column} = excluded.{column},
                 updated_at = excluded.updated_at"
        );
        self.conn.prepare_cached(&sql)?.execute(params![
            to_bytes(&key.path),
            key.index_in_file,
            value,
            unix_now()
        ])?;
        Ok(())
    }

    /// The bookmarked articles of a folder (unsorted; see `sort_entries`).
    pub fn bookmarks(&self, folder: &Path) -> Result<Vec<ListEntry>, StoreError> {
        let Some(folder_id) = self.known_folder_id(folder)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ENTRY_SELECT} WHERE a.folder_id = ?1 AND s.bookmark = 1"
        ))?;
        let rows = stmt.query_map([folder_id], entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Remembers the folder opened last.
    pub fn set_last_folder(&self, folder: &Path) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![LAST_FOLDER, to_bytes(&canonical_folder(folder))],
        )?;
        Ok(())
    }

    /// The folder opened last, if any.
    pub fn last_folder(&self) -> Result<Option<PathBuf>, StoreError> {
        let value: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [LAST_FOLDER],
                |r| r.get(0),
            )
            .optional()?;
        Ok(value.map(from_bytes))
    }

    /// Remembers the article open last in `folder`.
    pub fn set_last_article(&self, folder: &Path, key: &ArticleKey) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO folders(path, last_path, last_index) VALUES (?1, ?2, ?3)
             ON CONFLICT(path) DO UPDATE SET last_path = excluded.last_path,
                 last_index = excluded.last_index",
            params![
                to_bytes(&canonical_folder(folder)),
                to_bytes(&key.path),
                key.index_in_file
            ],
        )?;
        Ok(())
    }

    /// The article open last in `folder`, if any.
    pub fn last_article(&self, folder: &Path) -> Result<Option<ArticleKey>, StoreError> {
        let row: Option<(Option<Vec<u8>>, Option<u32>)> = self
            .conn
            .query_row(
                "SELECT last_path, last_index FROM folders WHERE path = ?1",
                [to_bytes(&canonical_folder(folder))],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(match row {
            Some((Some(path), Some(index_in_file))) => Some(ArticleKey {
                path: from_bytes(path),
                index_in_file,
            }),
            _ => None,
        })
    }
}
