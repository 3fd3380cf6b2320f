//! The store's error type: every message says which file and what the user can do.

use std::path::PathBuf;

/// What can go wrong opening or using the database.
#[derive(Debug)]
pub enum StoreError {
    /// No data dir: neither `AKHBAR_DATA_DIR` nor a platform data dir is known.
    NoDataDir,
    /// The database was written by a newer akhbar (schema version `found` > `supported`).
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
        backup: Option<PathBuf>,
    },
    /// The file is not a database, or is damaged.
    Corrupt {
        path: PathBuf,
        detail: String,
        backup: Option<PathBuf>,
    },
    /// A file-system error on `path`.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Any other SQLite error.
    Sqlite(rusqlite::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::NoDataDir => write!(
                f,
                "no data directory is known for akhbar's database; set AKHBAR_DATA_DIR to a \
                 writable directory"
            ),
            StoreError::NewerSchema {
                path,
                found,
                supported,
                backup,
            } => {
                write!(
                    f,
                    "the database {} was written by a newer akhbar (schema version {found}, this \
                     akhbar reads up to {supported}); upgrade akhbar, or move that file away to \
                     start a new index",
                    path.display()
                )?;
                write_backup(f, backup)
            }
            StoreError::Corrupt {
                path,
                detail,
                backup,
            } => {
                write!(
                    f,
                    "the database {} is damaged or not an akhbar database ({detail}); move or \
                     delete it to start a new index (reading state in it will be lost)",
                    path.display()
                )?;
                write_backup(f, backup)
            }
            StoreError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            StoreError::Sqlite(e) => write!(f, "database error: {e}"),
        }
    }
}

fn write_backup(f: &mut std::fmt::Formatter<'_>, backup: &Option<PathBuf>) -> std::fmt::Result {
    match backup {
        Some(b) => write!(f, "; a copy was saved as {}", b.display()),
        None => Ok(()),
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Sqlite(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}
