//! The whole interface state: one plain struct, changed only by `update`.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use super::action::Pane;
use crate::analyze::Analysis;
use crate::config::BidiMode;
use crate::model::{Article, ArticleDate, Skipped};
use crate::text::normalize;

/// Identifies an article across loads: its file and its position in that file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleKey {
    pub path: PathBuf,
    pub index: usize,
}

impl ArticleKey {
    pub fn of(article: &Article) -> Self {
        ArticleKey {
            path: article.path.clone(),
            index: article.index_in_file,
        }
    }
}

/// What the library list needs of an article (the body is fetched on open).
#[derive(Debug, Clone, PartialEq)]
pub struct ListEntry {
    pub key: ArticleKey,
    pub title: String,
    /// The title normalized for Arabic-insensitive filtering.
    pub title_key: String,
    pub date: Option<ArticleDate>,
    pub source: Option<String>,
    pub read: bool,
}

impl ListEntry {
    pub fn of(article: &Article) -> Self {
        ListEntry {
            key: ArticleKey::of(article),
            title: article.title.clone(),
            title_key: normalize(&article.title),
            date: article.date,
            source: article.source.clone(),
            read: false,
        }
    }
}

/// The library pane: all entries, the filtered view of them and the selection.
#[derive(Debug, Clone, Default)]
pub struct LibraryState {
    pub entries: Vec<ListEntry>,
    /// Indices into `entries` that pass the filter, in list order.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub selected: usize,
    /// First visible position shown (scrolling).
    pub offset: usize,
    /// Rows available for the list (two rows per entry).
    pub height: u16,
    pub skipped: Vec<Skipped>,
}

impl LibraryState {
    pub fn selected_entry(&self) -> Option<&ListEntry> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.entries.get(i))
    }

    /// Entries that fit in the pane at once.
    pub fn page(&self) -> usize {
        usize::from(self.height / super::update::ROWS_PER_ENTRY).max(1)
    }
}

/// The filter typed after `/`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterState {
    pub query: String,
    /// True while the user is typing into it.
    pub editing: bool,
}

/// The reader pane: the open article, its analysis, its scroll position in laid-out lines
/// and the ranges being navigated (a selected entity's mentions, a figure, search hits).
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    pub article: Option<Arc<Article>>,
    pub analysis: Option<Arc<Analysis>>,
    /// Byte ranges in `Article::text()` that `n`/`N` move between, in text order.
    pub marks: Vec<Range<usize>>,
    /// The mark last jumped to.
    pub mark: Option<usize>,
    /// Whether `marks` are search hits (drawn as hits) or the panel selection's ranges.
    pub marks_are_hits: bool,
    /// Byte offset in `Article::text()` of the last jump (where `]`/`[` continue from).
    pub cursor: Option<usize>,
    pub scroll: usize,
    /// Total laid-out lines and the pane height, reported by the UI after layout.
    pub lines: usize,
    pub height: u16,
}

impl ReaderState {
    pub fn max_scroll(&self) -> usize {
        self.lines.saturating_sub(usize::from(self.height).max(1))
    }
}

/// The side panel: sections of items with one selection across them.
#[derive(Debug, Clone, Default)]
pub struct PanelState {
    pub selected: usize,
}

/// Loading progress of the folder, when a load is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone)]
pub struct State {
    pub folder: PathBuf,
    pub library: LibraryState,
    pub filter: FilterState,
    pub reader: ReaderState,
    pub panel: PanelState,
    pub focus: Pane,
    pub bidi_mode: BidiMode,
    pub show_help: bool,
    pub loading: Option<Progress>,
    /// A one-line message for the status bar (errors, config problems).
    pub message: Option<String>,
    pub quit: bool,
}

impl State {
    pub fn new(folder: PathBuf, bidi_mode: BidiMode) -> Self {
        State {
            folder,
            library: LibraryState::default(),
            filter: FilterState::default(),
            reader: ReaderState::default(),
            panel: PanelState::default(),
            focus: Pane::Library,
            bidi_mode,
            show_help: false,
            loading: None,
            message: None,
            quit: false,
        }
    }

    /// The position of the open article among the visible entries (1-based) and their count.
    pub fn article_position(&self) -> Option<(usize, usize)> {
        let open = ArticleKey::of(self.reader.article.as_deref()?);
        let position = self
            .library
            .visible
            .iter()
            .position(|&i| self.library.entries.get(i).is_some_and(|e| e.key == open))?;
        Some((position + 1, self.library.visible.len()))
    }
}
