//! What the user (or the background loader) wants: key handlers only produce these.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::state::{ArticleKey, FigureRow, ListEntry, SearchResult};
use crate::model::Skipped;

/// A user intent that a key can be bound to. Serde names are the names used in
/// `config.toml`'s `[keys]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    FocusNext,
    FocusPrev,
    Open,
    Back,
    Quit,
    Filter,
    Help,
    CycleBidi,
    Suspend,
    NextMark,
    PrevMark,
    NextMention,
    PrevMention,
    ToggleRead,
    ToggleBookmark,
    Search,
    OtherArticles,
    Reload,
    Figures,
    SortFigures,
}

impl Command {
    /// Every command, in the order the help overlay lists them.
    pub const ALL: [Command; 26] = [
        Command::Down,
        Command::Up,
        Command::Top,
        Command::Bottom,
        Command::PageDown,
        Command::PageUp,
        Command::FocusNext,
        Command::FocusPrev,
        Command::Open,
        Command::Back,
        Command::NextMark,
        Command::PrevMark,
        Command::NextMention,
        Command::PrevMention,
        Command::OtherArticles,
        Command::Figures,
        Command::SortFigures,
        Command::Filter,
        Command::Search,
        Command::ToggleRead,
        Command::ToggleBookmark,
        Command::Reload,
        Command::CycleBidi,
        Command::Help,
        Command::Suspend,
        Command::Quit,
    ];

    /// One line of help text.
    pub fn describe(self) -> &'static str {
        match self {
            Command::Down => "move down / scroll down",
            Command::Up => "move up / scroll up",
            Command::Top => "go to the top",
            Command::Bottom => "go to the bottom",
            Command::PageDown => "page down",
            Command::PageUp => "page up",
            Command::FocusNext => "focus the next pane",
            Command::FocusPrev => "focus the previous pane",
            Command::Open => "open the selected article",
            Command::Back => "back: close the filter, help or article",
            Command::Quit => "quit",
            Command::Filter => "filter the list by title (Arabic-insensitive)",
            Command::Help => "show or hide this help",
            Command::CycleBidi => "cycle bidi mode: app, terminal, off",
            Command::Suspend => "suspend to the shell (fg resumes)",
            Command::NextMark => "next mention of the selected item / next search hit",
            Command::PrevMark => "previous mention of the selected item / previous search hit",
            Command::NextMention => "next entity mention of any kind in the text",
            Command::PrevMention => "previous entity mention of any kind in the text",
            Command::ToggleRead => "mark read / unread",
            Command::ToggleBookmark => "bookmark / unbookmark",
            Command::Search => "search the full text of the folder (source: date: @name)",
            Command::OtherArticles => "other articles mentioning the selected entity",
            Command::Reload => "reload the folder",
            Command::Figures => "figures of the whole folder: table and chart by year",
            Command::SortFigures => "figures view: sort by label, value, year, unit",
        }
    }
}

/// A pane of the three-pane interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Library,
    Reader,
    Panel,
}

/// Everything `update` reacts to: commands, text typed into the filter, pointer events
/// (already resolved to a pane by the driver), resizes and loader events.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Command(Command),
    /// A character typed while the filter input is active.
    FilterInput(char),
    FilterBackspace,
    /// Text typed into the search query, and its results.
    SearchInput(char),
    SearchBackspace,
    SearchResults {
        results: Vec<SearchResult>,
        error: Option<String>,
    },
    /// Mouse wheel over a pane: positive scrolls down.
    Scroll {
        pane: Pane,
        lines: i32,
    },
    /// A click on row `row` (0-based, inside the pane's content area).
    Click {
        pane: Pane,
        row: u16,
    },
    /// The reader's content size changed (the UI reports it after layout).
    ReaderViewport {
        height: u16,
        lines: usize,
    },
    /// The library list's height in rows changed.
    LibraryViewport {
        height: u16,
    },
    /// Background loading.
    LoadStarted {
        folder: PathBuf,
    },
    LoadProgress {
        done: usize,
        total: usize,
    },
    /// The list as the store already knows it (loading goes on); `last` is the article to
    /// reopen.
    EntriesCached {
        entries: Vec<ListEntry>,
        last: Option<ArticleKey>,
    },
    /// Files changed since: entries to drop (by store id) and to add.
    EntriesChanged {
        removed: Vec<i64>,
        added: Vec<ListEntry>,
    },
    /// The folder's figures, for the figures view.
    FiguresLoaded(Vec<FigureRow>),
    /// An article's analysis, computed in the background after it opened without one.
    AnalysisReady {
        key: ArticleKey,
        analysis: std::sync::Arc<crate::analyze::Analysis>,
    },
    /// The figures table's height in rows.
    FiguresViewport {
        height: u16,
    },
    /// Loading ended; what was skipped.
    LoadDone {
        skipped: Vec<Skipped>,
    },
    LoadFinished {
        entries: Vec<ListEntry>,
        skipped: Vec<Skipped>,
    },
    /// The driver found the laid-out line showing a revealed offset.
    RevealLine(usize),
    /// Periodic tick (drives time-based state such as "read after a few seconds").
    Tick,
}
