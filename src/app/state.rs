//! The whole interface state: one plain struct, changed only by `update`.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use super::action::Pane;
use crate::analyze::Analysis;
use crate::config::BidiMode;
use crate::model::{Article, ArticleDate, Skipped};
use crate::text::normalize;

pub use crate::store::ArticleKey;

/// What the library list needs of an article (the body is fetched on open).
#[derive(Debug, Clone, PartialEq)]
pub struct ListEntry {
    pub key: ArticleKey,
    /// The store's row id, when the library comes from the store.
    pub id: Option<i64>,
    pub title: String,
    /// The title normalized for Arabic-insensitive filtering.
    pub title_key: String,
    pub date: Option<ArticleDate>,
    pub source: Option<String>,
    pub read: bool,
    pub bookmarked: bool,
    /// Hash of the article's text (analysis cache key); 0 when unknown.
    pub content_hash: u64,
}

impl ListEntry {
    pub fn of(article: &Article) -> Self {
        ListEntry {
            key: ArticleKey::of(article),
            id: None,
            title: article.title.clone(),
            title_key: normalize(&article.title),
            date: article.date,
            source: article.source.clone(),
            read: false,
            bookmarked: false,
            content_hash: 0,
        }
    }

    /// The library's order (`model::list_order`).
    pub fn list_order(a: &ListEntry, b: &ListEntry) -> std::cmp::Ordering {
        crate::model::list_order(
            a.key.list_place(a.date, &a.title),
            b.key.list_place(b.date, &b.title),
        )
    }
}

impl From<crate::store::ListEntry> for ListEntry {
    fn from(e: crate::store::ListEntry) -> Self {
        ListEntry {
            title_key: normalize(&e.title),
            key: e.key,
            id: Some(e.id),
            title: e.title,
            date: e.date,
            source: e.source,
            read: e.read,
            bookmarked: e.bookmarked,
            content_hash: e.content_hash,
        }
    }
}

/// One result of a full-text search (or of "other articles mentioning …").
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    pub key: ArticleKey,
    pub title: String,
    pub snippet: String,
    /// Byte ranges of the hits in the article's text (highlighted when it opens).
    pub hits: Vec<Range<usize>>,
    /// Mentions of the entity, for "other articles" lists.
    pub count: Option<u32>,
}

/// One figure of the folder, for the figures view.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub key: ArticleKey,
    pub title: String,
    /// Byte range of the figure in the article's text.
    pub range: Range<usize>,
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub kind: String,
    pub label: String,
    pub year: Option<i32>,
    pub key_figure: bool,
}

impl FigureRow {
    /// Figures that measure the same thing: same label (normalized) and unit.
    pub fn series(&self) -> (String, &str) {
        (normalize(&self.label), self.unit.as_str())
    }
}

/// Columns the figures table sorts by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FigureSort {
    #[default]
    Label,
    Value,
    Year,
    Unit,
}

impl FigureSort {
    pub fn next(self) -> Self {
        match self {
            FigureSort::Label => FigureSort::Value,
            FigureSort::Value => FigureSort::Year,
            FigureSort::Year => FigureSort::Unit,
            FigureSort::Unit => FigureSort::Label,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FigureSort::Label => "label",
            FigureSort::Value => "value",
            FigureSort::Year => "year",
            FigureSort::Unit => "unit",
        }
    }
}

/// The folder-wide figures view (`F`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FiguresState {
    pub active: bool,
    pub loading: bool,
    pub rows: Vec<FigureRow>,
    pub sort: FigureSort,
    pub selected: usize,
    pub offset: usize,
    pub height: u16,
}

/// The full-text search (`S`) or an entity's other articles (`o`), shown in the library pane.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    /// True while the user types the query.
    pub editing: bool,
    /// True while results are shown in place of the list.
    pub active: bool,
    /// A heading for the results ("search", or the entity's name).
    pub title: String,
    pub results: Vec<SearchResult>,
    pub selected: usize,
    pub offset: usize,
    /// A problem with the query, shown instead of results.
    pub error: Option<String>,
    /// When set, opening a result jumps to this entity's first mention.
    pub entity: Option<String>,
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

/// Marks to set once an article opens (from a search result, an entity's other articles,
/// or the figures view).
#[derive(Debug, Clone, PartialEq)]
pub enum PendingJump {
    Ranges {
        key: ArticleKey,
        ranges: Vec<Range<usize>>,
        hits: bool,
    },
    Entity {
        key: ArticleKey,
        name: String,
    },
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
    /// What to mark and jump to once the article being opened is open.
    pub pending: Option<PendingJump>,
    /// A remembered scroll position to apply once the article is laid out.
    pub restore_scroll: Option<usize>,
    /// Ticks since the article was opened (it counts as read after `READ_AFTER_TICKS`).
    pub open_ticks: u32,
    pub scroll: usize,
    /// Total laid-out lines and the pane height, reported by the UI after layout.
    pub lines: usize,
    pub height: u16,
}

impl ReaderState {
    /// The open article's analysis is being made in the background (a long article): an
    /// article opens without one only then.
    pub fn analysis_pending(&self) -> bool {
        self.article.is_some() && self.analysis.is_none()
    }
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
    pub search: SearchState,
    pub figures: FiguresState,
    pub reader: ReaderState,
    pub panel: PanelState,
    pub focus: Pane,
    pub bidi_mode: BidiMode,
    pub show_help: bool,
    pub loading: Option<Progress>,
    /// Background analysis of the folder, while it runs.
    pub analysing: Option<Progress>,
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
            search: SearchState::default(),
            figures: FiguresState::default(),
            reader: ReaderState::default(),
            panel: PanelState::default(),
            focus: Pane::Library,
            bidi_mode,
            show_help: false,
            loading: None,
            analysing: None,
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
