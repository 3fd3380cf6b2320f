//! Loading a folder: scan it recursively, decode each file, parse it into articles.
//!
//! Per-file problems are data (`Skipped`), never fatal. This room only ever reads: the
//! article folder is never written to.

pub mod date;
pub mod decode;
pub mod html;
pub mod parse;
pub mod watch;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{Article, Skipped};

/// Files larger than this are read up to the cap and their articles marked truncated.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What a scan of a folder found: readable article files and the entries it had to skip.
#[derive(Debug, Default)]
pub struct Scan {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// A loaded folder: its articles (sorted newest first, then by title) and what was skipped.
#[derive(Debug, Default)]
pub struct Library {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// Walks `root` recursively and lists the files akhbar can read (by extension). Hidden
/// entries are ignored. Symbolic links are followed only to files inside `root`; links to
/// directories are never followed (no loops), dangling links and links leaving the folder
/// are reported as skipped.
pub fn scan(root: &Path) -> Scan {
    let mut scan = Scan::default();
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) => classify_entry(&entry, &canonical_root, &mut scan),
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_owned)
                    .unwrap_or_else(|| root.to_owned());
                let reason = err
                    .io_error()
                    .map(describe_io_error)
                    .unwrap_or_else(|| "cannot be read".into());
                scan.skipped.push(Skipped { path, reason });
            }
        }
    }
    scan
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn classify_entry(entry: &walkdir::DirEntry, canonical_root: &Path, scan: &mut Scan) {
    let path = entry.path();
    if parse::format_of(path).is_none() {
        return;
    }
    let file_type = entry.file_type();
    if file_type.is_file() {
        scan.files.push(path.to_owned());
        return;
    }
    if !file_type.is_symlink() {
        // A directory named like an article (x.txt) is not a file; its contents are
        // scanned like any other directory's.
        return;
    }
    let skip = |reason: &str| Skipped {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    match std::fs::canonicalize(path) {
        Err(_) => scan.skipped.push(skip("dangling or looping symbolic link")),
        Ok(target) if !target.starts_with(canonical_root) => {
            scan.skipped.push(skip(
                "symbolic link points outside the folder (not followed)",
            ));
        }
        Ok(target) if target.is_file() => scan.files.push(path.to_owned()),
        Ok(_) => {}
    }
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "file disappeared".into(),
        _ if e.raw_os_error() == Some(40) => "too many levels of symbolic links".into(),
        _ if e.raw_os_error() == Some(21) => "is a directory".into(),
        kind => format!("cannot be read ({kind})"),
    }
}

/// Reads and parses one file into its articles (a JSON array gives several).
pub fn load_file(path: &Path) -> Result<Vec<Article>, String> {
    let (bytes, truncated) = read_file(path)?;
    load_bytes(path, &bytes, truncated)
}

/// Reads a file (up to `MAX_FILE_BYTES`) for `load_bytes`; the flag says it was truncated.
/// Errors are the same plain reasons `load_file` gives.
pub fn read_file(path: &Path) -> Result<(Vec<u8>, bool), String> {
    read_capped(path).map_err(|e| {
        // A link whose target is missing exists itself: say so rather than "disappeared".
        let link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
        if e.kind() == std::io::ErrorKind::NotFound && link {
            "dangling symbolic link".into()
        } else {
            describe_io_error(&e)
        }
    })
}

/// Parses bytes already read from `path` into its articles (what `load_file` does after
/// reading), so a caller that also hashes the bytes reads each file once.
pub fn load_bytes(path: &Path, bytes: &[u8], truncated: bool) -> Result<Vec<Article>, String> {
    let format = parse::format_of(path).ok_or("not a supported format")?;
    if looks_binary(bytes) {
        return Err("binary data, not text".into());
    }
    let decoded = decode::decode(bytes);
    let parsed = parse::parse(format, &decoded.text)?;
    Ok(parsed
        .into_iter()
        .enumerate()
        .map(|(i, p)| p.into_article(path, i, format, decoded.encoding, truncated))
        .collect())
}

/// Reads at most `MAX_FILE_BYTES`; the flag says whether the file was longer.
fn read_capped(path: &Path) -> std::io::Result<(Vec<u8>, bool)> {
    let file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(std::io::Error::from_raw_os_error(21));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    let truncated = bytes.len() as u64 > MAX_FILE_BYTES;
    if truncated {
        bytes.truncate(MAX_FILE_BYTES as usize);
        // Do not cut a UTF-8 sequence in half: drop trailing continuation bytes.
        while bytes.last().is_some_and(|b| b & 0xC0 == 0x80) {
            bytes.pop();
        }
        if bytes.last().is_some_and(|b| *b >= 0xC0) {
            bytes.pop();
        }
    }
    Ok((bytes, truncated))
}

/// Binary data: NUL bytes in the first 8 KiB that are not part of UTF-16 text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let utf16_bom = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let nuls = head.iter().filter(|&&b| b == 0).count();
    !utf16_bom && nuls * 100 > head.len().max(1)
}

/// Loads every article under `root`. `progress(done, total)` is called after each file.
pub fn load_folder(root: &Path, mut progress: impl FnMut(usize, usize)) -> Library {
    let Scan { files, mut skipped } = scan(root);
    let mut articles = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        match load_file(path) {
            Ok(found) => articles.extend(found),
            Err(reason) => skipped.push(Skipped {
                path: path.clone(),
                reason,
            }),
        }
        progress(i + 1, files.len());
    }
    sort_articles(&mut articles);
    Library { articles, skipped }
}

/// Sorts in the library's order (`model::list_order`).
pub fn sort_articles(articles: &mut [Article]) {
    articles.sort_by(|a, b| crate::model::list_order(a.list_place(), b.list_place()));
}
