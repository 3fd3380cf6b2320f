//! Plain data shared by every room: articles as loaded, in logical order.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Txt,
    Md,
    Json,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// A date as far as the source gives it; orders chronologically (missing parts sort first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Seconds since midnight (UTC when the source gave an offset), 0 when absent.
    pub seconds: u32,
}

impl std::fmt::Display for ArticleDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One article, its text in logical order. A file may hold several (a JSON array).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file it came from.
    pub path: PathBuf,
    /// Position inside that file (0 unless the file holds an array of articles).
    pub index_in_file: usize,
    pub format: Format,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub date: Option<ArticleDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The text encoding the file was decoded from ("UTF-8", "UTF-16LE", "windows-1256", …).
    pub encoding: String,
    /// True when the file was larger than the loader's size cap and only its start was read.
    pub truncated: bool,
}

impl Article {
    /// The article's text as analysis sees it: title and paragraphs joined with `\n`.
    /// Character offsets reported by `entities` and `figures` refer to this string.
    pub fn text(&self) -> String {
        let mut out = self.title.clone();
        for p in &self.paragraphs {
            out.push('\n');
            out.push_str(p);
        }
        out
    }

    /// Number of whitespace-separated words in title and body.
    pub fn word_count(&self) -> usize {
        std::iter::once(&self.title)
            .chain(&self.paragraphs)
            .map(|p| p.split_whitespace().count())
            .sum()
    }
}

/// Where an article sits in the library: what `list_order` compares.
#[derive(Debug, Clone, Copy)]
pub struct ListPlace<'a> {
    pub date: Option<ArticleDate>,
    pub title: &'a str,
    pub path: &'a std::path::Path,
    pub index_in_file: usize,
}

/// The library's one order, used by the loader, the store and the interface: newest first
/// (undated last), then by title, then by file and position in it.
pub fn list_order(a: ListPlace<'_>, b: ListPlace<'_>) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then_with(|| a.title.cmp(b.title))
        .then_with(|| a.path.cmp(b.path))
        .then_with(|| a.index_in_file.cmp(&b.index_in_file))
}

impl Article {
    pub fn list_place(&self) -> ListPlace<'_> {
        ListPlace {
            date: self.date,
            title: &self.title,
            path: &self.path,
            index_in_file: self.index_in_file,
        }
    }
}

/// A file that could not become an article, and why. Never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}
