//! `update`: State + Action → State + effects. Pure: no I/O, no clocks, no terminal.

use std::sync::Arc;

use super::action::{Action, Command, Pane};
use super::panel;
use super::state::{ArticleKey, ListEntry, PendingJump, Progress, State};
use crate::analyze::Analysis;
use crate::config::BidiMode;
use crate::model::Article;
use crate::text::normalize;

/// Rows one entry takes in the library list (title, then date and source).
pub const ROWS_PER_ENTRY: u16 = 2;

/// Work for the driver, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    /// Fetch the article's body and deliver it with `Action`-independent `open_article`.
    OpenArticle(ArticleKey),
    /// Switch the terminal's own bidi handling to suit the mode (and clear the screen).
    ApplyBidiMode(BidiMode),
    /// Give the terminal back and stop the process until the shell resumes it.
    Suspend,
    /// Persist reading state.
    SetRead(ArticleKey, bool),
    SetBookmark(ArticleKey, bool),
    SaveScroll(ArticleKey, usize),
    RememberArticle(ArticleKey),
    /// Run a full-text search and answer with `Action::SearchResults`.
    Search(String),
    /// List the other articles mentioning an entity (answered with `Action::SearchResults`).
    OtherArticles(String),
    /// Re-scan the folder.
    Reload,
    /// Collect the folder's figures (answered with `Action::FiguresLoaded`).
    LoadFigures,
    /// Scroll the reader so the byte offset (in `Article::text()`) is on screen; the driver
    /// finds its line in the layout and answers with `Action::RevealLine`.
    Reveal(usize),
}

/// Applies one action.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(command) => command_update(state, command),
        Action::FilterInput(c) => {
            state.filter.query.push(c);
            refilter(state);
            Vec::new()
        }
        Action::FilterBackspace => {
            state.filter.query.pop();
            refilter(state);
            Vec::new()
        }
        Action::SearchInput(c) => {
            state.search.query.push(c);
            vec![Effect::Search(state.search.query.clone())]
        }
        Action::SearchBackspace => {
            state.search.query.pop();
            vec![Effect::Search(state.search.query.clone())]
        }
        Action::SearchResults { results, error } => {
            state.search.results = results;
            state.search.error = error;
            state.search.selected = 0;
            state.search.offset = 0;
            Vec::new()
        }
        Action::EntriesCached { entries, last } => set_entries(state, entries, last),
        Action::FiguresLoaded(rows) => {
            state.figures.rows = rows;
            state.figures.loading = false;
            sort_figures(state);
            Vec::new()
        }
        Action::AnalysisReady { key, analysis } => attach_analysis(state, &key, analysis),
        Action::FiguresViewport { height } => {
            state.figures.height = height;
            keep_figure_visible(state);
            Vec::new()
        }
        Action::EntriesChanged { removed, added } => {
            change_entries(state, &removed, added);
            Vec::new()
        }
        Action::LoadDone { skipped } => {
            state.loading = None;
            state.library.skipped = skipped;
            open_first_if_none(state)
        }
        Action::Scroll { pane, lines } => {
            scroll_pane(state, pane, lines);
            Vec::new()
        }
        Action::Click { pane, row } => click(state, pane, row),
        Action::ReaderViewport { height, lines } => {
            state.reader.height = height;
            state.reader.lines = lines;
            if lines > 0
                && let Some(saved) = state.reader.restore_scroll.take()
            {
                state.reader.scroll = saved;
            }
            state.reader.scroll = state.reader.scroll.min(state.reader.max_scroll());
            Vec::new()
        }
        Action::LibraryViewport { height } => {
            state.library.height = height;
            keep_selection_visible(state);
            Vec::new()
        }
        Action::LoadStarted { folder } => {
            state.folder = folder;
            state.loading = Some(Progress { done: 0, total: 0 });
            Vec::new()
        }
        Action::LoadProgress { done, total } => {
            state.loading = Some(Progress { done, total });
            Vec::new()
        }
        Action::LoadFinished { entries, skipped } => {
            state.loading = None;
            state.library.skipped = skipped;
            set_entries(state, entries, None)
        }
        Action::RevealLine(line) => {
            reveal_line(state, line);
            Vec::new()
        }
        Action::Tick => tick(state),
    }
}

/// Puts a fetched article into the reader (the answer to `Effect::OpenArticle`).
pub fn open_article(state: &mut State, article: Arc<Article>, analysis: Option<Arc<Analysis>>) {
    let same =
        state.reader.article.as_deref().map(ArticleKey::of) == Some(ArticleKey::of(&article));
    if !same {
        state.reader.scroll = 0;
        state.panel.selected = 0;
        state.reader.marks.clear();
        state.reader.mark = None;
        state.reader.cursor = None;
        state.reader.marks_are_hits = false;
        state.reader.open_ticks = 0;
    }
    state.reader.article = Some(article);
    state.reader.analysis = analysis;
}

/// Opens an article with its remembered scroll position; returns the effects of leaving the
/// previous one (its scroll is saved) and of remembering this one.
pub fn open_article_at(
    state: &mut State,
    article: Arc<Article>,
    analysis: Option<Arc<Analysis>>,
    scroll: usize,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(previous) = state.reader.article.as_deref() {
        effects.push(Effect::SaveScroll(
            ArticleKey::of(previous),
            state.reader.scroll,
        ));
    }
    let key = ArticleKey::of(&article);
    open_article(state, article, analysis);
    state.reader.restore_scroll = Some(scroll);
    effects.push(Effect::RememberArticle(key));
    effects.extend(apply_pending(state));
    effects
}

/// A background analysis arrived: the open article gets it (and a jump to an entity that
/// waited for it is made) if it is the one analysed and has none yet.
fn attach_analysis(state: &mut State, key: &ArticleKey, analysis: Arc<Analysis>) -> Vec<Effect> {
    let open = state.reader.article.as_deref().map(ArticleKey::of);
    if open.as_ref() != Some(key) || state.reader.analysis.is_some() {
        return Vec::new();
    }
    state.reader.analysis = Some(analysis);
    apply_pending(state)
}

/// After opening an article from a search result, an entity's other-articles list or the
/// figures view: the ranges to mark become the marks, and the reader jumps to the first. A
/// jump to an entity waits for the article's analysis.
fn apply_pending(state: &mut State) -> Vec<Effect> {
    let Some(article) = state.reader.article.as_deref() else {
        return Vec::new();
    };
    let key = ArticleKey::of(article);
    let waits = matches!(state.reader.pending, Some(PendingJump::Entity { .. }))
        && state.reader.analysis.is_none();
    let Some(pending) = state.reader.pending.take_if(|_| !waits) else {
        return Vec::new();
    };
    let (marks, hits) = match pending {
        PendingJump::Ranges {
            key: wanted,
            ranges,
            hits,
        } if wanted == key => (ranges, hits),
        PendingJump::Entity { key: wanted, name } if wanted == key => {
            (entity_mentions(state, &name), false)
        }
        _ => return Vec::new(),
    };
    state.reader.marks = marks;
    state.reader.marks_are_hits = hits;
    state.reader.mark = None;
    if state.reader.marks.is_empty() {
        return Vec::new();
    }
    jump_to_mark(state, 0)
}

/// Mentions (in text order) of the entity called `name` (or grouped from that name, or, for a
/// place, of the institutions named with it: `المستشفى الجهوي بالكاف`) in the open article.
fn entity_mentions(state: &State, name: &str) -> Vec<std::ops::Range<usize>> {
    let Some(analysis) = state.reader.analysis.as_deref() else {
        return Vec::new();
    };
    let wanted = crate::text::normalize_name(name);
    let mut ranges: Vec<std::ops::Range<usize>> = analysis
        .entities
        .iter()
        .filter(|e| {
            let named = |n: &String| crate::text::normalize_name(n) == wanted;
            named(&e.name)
                || e.key == wanted
                || e.aliases.iter().any(named)
                || e.places.iter().any(named)
        })
        .flat_map(|e| e.mentions.iter().map(|m| m.range.clone()))
        .collect();
    ranges.sort_by_key(|r| r.start);
    ranges
}

/// Opens `key` (or stays on it) and marks what `pending` says once it is open.
fn open_with(state: &mut State, key: ArticleKey, pending: PendingJump) -> Vec<Effect> {
    state.reader.pending = Some(pending);
    state.focus = Pane::Reader;
    if state.reader.article.as_deref().map(ArticleKey::of) == Some(key.clone()) {
        return apply_pending(state);
    }
    vec![Effect::OpenArticle(key)]
}

fn command_update(state: &mut State, command: Command) -> Vec<Effect> {
    if state.show_help {
        // The help overlay swallows everything but the keys that close it.
        if matches!(command, Command::Help | Command::Back | Command::Quit) {
            state.show_help = false;
        }
        return Vec::new();
    }
    if state.figures.active
        && let Some(effects) = figures_command(state, command)
    {
        return effects;
    }
    match command {
        Command::Quit => {
            state.quit = true;
            vec![Effect::Quit]
        }
        Command::Figures => {
            state.figures.active = true;
            state.figures.loading = true;
            vec![Effect::LoadFigures]
        }
        Command::SortFigures => Vec::new(),
        Command::Help => {
            state.show_help = true;
            Vec::new()
        }
        Command::Suspend => vec![Effect::Suspend],
        Command::ToggleRead => toggle_entry_flag(state, false),
        Command::ToggleBookmark => toggle_entry_flag(state, true),
        Command::Search => {
            state.search = super::state::SearchState {
                query: state.search.query.clone(),
                editing: true,
                active: true,
                title: "Search".to_owned(),
                ..Default::default()
            };
            state.focus = Pane::Library;
            vec![Effect::Search(state.search.query.clone())]
        }
        Command::OtherArticles => other_articles(state),
        Command::Reload => vec![Effect::Reload],
        Command::NextMark => step_mark(state, 1),
        Command::PrevMark => step_mark(state, -1),
        Command::NextMention => step_mention(state, true),
        Command::PrevMention => step_mention(state, false),
        Command::CycleBidi => {
            state.bidi_mode = state.bidi_mode.next();
            vec![Effect::ApplyBidiMode(state.bidi_mode)]
        }
        Command::FocusNext => {
            state.focus = next_pane(state.focus, 1);
            Vec::new()
        }
        Command::FocusPrev => {
            state.focus = next_pane(state.focus, -1);
            Vec::new()
        }
        Command::Filter => {
            state.filter.editing = true;
            state.focus = Pane::Library;
            Vec::new()
        }
        Command::Open => open_command(state),
        Command::Back => back(state),
        Command::Down => move_by(state, 1),
        Command::Up => move_by(state, -1),
        Command::PageDown => move_by(state, page(state) as i64),
        Command::PageUp => move_by(state, -(page(state) as i64)),
        Command::Top => move_by(state, i64::MIN / 2),
        Command::Bottom => move_by(state, i64::MAX / 2),
    }
}

/// Commands while the figures view is open; `None` lets the command through (quit, help…).
fn figures_command(state: &mut State, command: Command) -> Option<Vec<Effect>> {
    let len = state.figures.rows.len();
    let page = usize::from(state.figures.height).max(1) as i64;
    let delta = match command {
        Command::Down => 1,
        Command::Up => -1,
        Command::PageDown => page,
        Command::PageUp => -page,
        Command::Top => i64::MIN / 2,
        Command::Bottom => i64::MAX / 2,
        Command::Back | Command::Figures => {
            state.figures.active = false;
            return Some(Vec::new());
        }
        Command::SortFigures => {
            state.figures.sort = state.figures.sort.next();
            sort_figures(state);
            return Some(Vec::new());
        }
        Command::Open => {
            let row = state.figures.rows.get(state.figures.selected)?.clone();
            state.figures.active = false;
            let pending = PendingJump::Ranges {
                key: row.key.clone(),
                ranges: vec![row.range],
                hits: false,
            };
            return Some(open_with(state, row.key, pending));
        }
        Command::Quit | Command::Help | Command::Suspend | Command::CycleBidi => return None,
        _ => return Some(Vec::new()),
    };
    state.figures.selected = clamp_add(state.figures.selected, delta, len.saturating_sub(1));
    keep_figure_visible(state);
    Some(Vec::new())
}

fn keep_figure_visible(state: &mut State) {
    let figures = &mut state.figures;
    let page = usize::from(figures.height).max(1);
    if figures.selected < figures.offset {
        figures.offset = figures.selected;
    } else if figures.selected >= figures.offset + page {
        figures.offset = figures.selected + 1 - page;
    }
}

/// Sorts the figures table by its column (label ties broken by year, then value).
fn sort_figures(state: &mut State) {
    use super::state::FigureSort;
    let rows = &mut state.figures.rows;
    match state.figures.sort {
        FigureSort::Label => rows.sort_by(|a, b| {
            a.series()
                .cmp(&b.series())
                .then(a.year.cmp(&b.year))
                .then(a.value.total_cmp(&b.value))
        }),
        FigureSort::Value => rows.sort_by(|a, b| b.value.total_cmp(&a.value)),
        FigureSort::Year => {
            rows.sort_by(|a, b| b.year.cmp(&a.year).then(a.series().cmp(&b.series())))
        }
        FigureSort::Unit => {
            rows.sort_by(|a, b| a.unit.cmp(&b.unit).then(b.value.total_cmp(&a.value)))
        }
    }
    state.figures.selected = 0;
    state.figures.offset = 0;
}

/// `m` / `s`: flips read or bookmark on the selected entry (list) or the open article.
fn toggle_entry_flag(state: &mut State, bookmark: bool) -> Vec<Effect> {
    let key = match state.focus {
        Pane::Library if !state.search.active => {
            state.library.selected_entry().map(|e| e.key.clone())
        }
        _ => state.reader.article.as_deref().map(ArticleKey::of),
    };
    let Some(key) = key else { return Vec::new() };
    let Some(entry) = state.library.entries.iter_mut().find(|e| e.key == key) else {
        return Vec::new();
    };
    if bookmark {
        entry.bookmarked = !entry.bookmarked;
        vec![Effect::SetBookmark(key, entry.bookmarked)]
    } else {
        entry.read = !entry.read;
        // Reading on would mark it read again: stop the timer for this article.
        state.reader.open_ticks = READ_AFTER_TICKS;
        vec![Effect::SetRead(key, entry.read)]
    }
}

/// `o`: the articles of the folder mentioning the selected entity.
fn other_articles(state: &mut State) -> Vec<Effect> {
    let target = panel::items(state)
        .get(state.panel.selected)
        .and_then(|item| item.target);
    let name = match (target, state.reader.analysis.as_deref()) {
        (Some(panel::Target::Entity(i)), Some(analysis)) => {
            analysis.entities.get(i).map(|e| e.name.clone())
        }
        _ => None,
    };
    let Some(name) = name else {
        state.message =
            Some("select a person, place or organisation in the panel first".to_owned());
        return Vec::new();
    };
    state.search = super::state::SearchState {
        title: name.clone(),
        active: true,
        entity: Some(name.clone()),
        ..Default::default()
    };
    state.focus = Pane::Library;
    vec![Effect::OtherArticles(name)]
}

fn next_pane(pane: Pane, step: i32) -> Pane {
    const ORDER: [Pane; 3] = [Pane::Library, Pane::Reader, Pane::Panel];
    let at = ORDER.iter().position(|p| *p == pane).unwrap_or(0) as i32;
    ORDER[(at + step).rem_euclid(3) as usize]
}

fn page(state: &State) -> usize {
    match state.focus {
        Pane::Library => state.library.page(),
        Pane::Reader => usize::from(state.reader.height).saturating_sub(2).max(1),
        Pane::Panel => 5,
    }
}

fn open_command(state: &mut State) -> Vec<Effect> {
    if state.filter.editing {
        state.filter.editing = false;
    }
    if state.search.editing {
        state.search.editing = false;
        return Vec::new();
    }
    if state.focus == Pane::Library && state.search.active {
        let Some(result) = state.search.results.get(state.search.selected) else {
            return Vec::new();
        };
        let key = result.key.clone();
        let pending = match &state.search.entity {
            Some(name) => PendingJump::Entity {
                key: key.clone(),
                name: name.clone(),
            },
            None => PendingJump::Ranges {
                key: key.clone(),
                ranges: result.hits.clone(),
                hits: true,
            },
        };
        return open_with(state, key, pending);
    }
    match state.focus {
        Pane::Library => match state.library.selected_entry() {
            Some(entry) => {
                let key = entry.key.clone();
                state.focus = Pane::Reader;
                vec![Effect::OpenArticle(key)]
            }
            None => Vec::new(),
        },
        Pane::Panel => {
            select_panel_item(state);
            if state.reader.marks.is_empty() {
                return Vec::new();
            }
            jump_to_mark(state, 0)
        }
        Pane::Reader => Vec::new(),
    }
}

/// Makes the selected panel item's ranges the marks that `n`/`N` move through.
fn select_panel_item(state: &mut State) {
    let target = panel::items(state)
        .get(state.panel.selected)
        .and_then(|item| item.target);
    let ranges = match (target, state.reader.analysis.as_deref()) {
        (Some(target), Some(analysis)) => panel::target_ranges(analysis, target),
        _ => Vec::new(),
    };
    state.reader.marks = ranges;
    state.reader.marks_are_hits = false;
    state.reader.mark = None;
}

fn jump_to_mark(state: &mut State, index: usize) -> Vec<Effect> {
    let Some(range) = state.reader.marks.get(index) else {
        return Vec::new();
    };
    state.reader.mark = Some(index);
    state.reader.cursor = Some(range.start);
    vec![Effect::Reveal(range.start)]
}

/// `n`/`N`: the next or previous mark, wrapping around.
fn step_mark(state: &mut State, step: i64) -> Vec<Effect> {
    let len = state.reader.marks.len();
    if len == 0 {
        return Vec::new();
    }
    let next = match state.reader.mark {
        None if step > 0 => 0,
        None => len - 1,
        Some(at) => (at as i64 + step).rem_euclid(len as i64) as usize,
    };
    jump_to_mark(state, next)
}

/// `]`/`[`: the next or previous entity mention of any kind after the last jump.
fn step_mention(state: &mut State, forward: bool) -> Vec<Effect> {
    let Some(analysis) = state.reader.analysis.as_deref() else {
        return Vec::new();
    };
    let mut starts: Vec<usize> = analysis
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.range.start))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let next = match (state.reader.cursor, forward) {
        (None, true) => starts.first().copied(),
        (None, false) => starts.last().copied(),
        (Some(at), true) => starts
            .iter()
            .copied()
            .find(|&s| s > at)
            .or(starts.first().copied()),
        (Some(at), false) => starts
            .iter()
            .rev()
            .copied()
            .find(|&s| s < at)
            .or(starts.last().copied()),
    };
    match next {
        Some(offset) => {
            state.reader.cursor = Some(offset);
            vec![Effect::Reveal(offset)]
        }
        None => Vec::new(),
    }
}

/// Scrolls so `line` is visible, with a little context above it when the view moves.
fn reveal_line(state: &mut State, line: usize) {
    let height = usize::from(state.reader.height).max(1);
    let visible = state.reader.scroll..state.reader.scroll + height;
    if !visible.contains(&line) {
        state.reader.scroll = line
            .saturating_sub(height / 3)
            .min(state.reader.max_scroll());
    }
}

fn back(state: &mut State) -> Vec<Effect> {
    if state.search.active && (state.focus == Pane::Library || state.search.editing) {
        // Esc leaves the results and goes back to the list; the query is kept for `S`.
        state.search.editing = false;
        state.search.active = false;
        state.search.entity = None;
        state.focus = Pane::Library;
        return Vec::new();
    }
    if state.filter.editing {
        // Esc while typing cancels the filter altogether.
        state.filter.editing = false;
        state.filter.query.clear();
        refilter(state);
    } else if !state.filter.query.is_empty() && state.focus == Pane::Library {
        state.filter.query.clear();
        refilter(state);
    } else if state.focus != Pane::Library {
        state.focus = Pane::Library;
    }
    Vec::new()
}

/// Moves the focused pane's cursor (or scroll) by `delta`, clamped.
fn move_by(state: &mut State, delta: i64) -> Vec<Effect> {
    match state.focus {
        Pane::Library => {
            let len = state.library.visible.len();
            state.library.selected =
                clamp_add(state.library.selected, delta, len.saturating_sub(1));
            keep_selection_visible(state);
        }
        Pane::Reader => {
            let max = state.reader.max_scroll();
            state.reader.scroll = clamp_add(state.reader.scroll, delta, max);
        }
        Pane::Panel => {
            let max = panel::item_count(state).saturating_sub(1);
            state.panel.selected = clamp_add(state.panel.selected, delta, max);
            select_panel_item(state);
        }
    }
    Vec::new()
}

fn clamp_add(value: usize, delta: i64, max: usize) -> usize {
    let moved = (value as i64).saturating_add(delta);
    moved.clamp(0, max as i64) as usize
}

fn scroll_pane(state: &mut State, pane: Pane, lines: i32) {
    match pane {
        Pane::Reader => {
            let max = state.reader.max_scroll();
            state.reader.scroll = clamp_add(state.reader.scroll, i64::from(lines), max);
        }
        Pane::Library => {
            let len = state.library.visible.len();
            let max_offset = len.saturating_sub(state.library.page());
            state.library.offset = clamp_add(state.library.offset, i64::from(lines), max_offset);
        }
        Pane::Panel => {
            let max = panel::item_count(state).saturating_sub(1);
            state.panel.selected = clamp_add(state.panel.selected, i64::from(lines), max);
        }
    }
}

fn click(state: &mut State, pane: Pane, row: u16) -> Vec<Effect> {
    state.focus = pane;
    match pane {
        Pane::Library if state.search.active => {
            let position =
                state.search.offset + usize::from(row.saturating_sub(1) / ROWS_PER_ENTRY);
            if position < state.search.results.len() {
                state.search.selected = position;
                return open_command(state);
            }
        }
        Pane::Library => {
            let position = state.library.offset + usize::from(row / ROWS_PER_ENTRY);
            if position < state.library.visible.len() {
                state.library.selected = position;
                return open_command(state);
            }
        }
        Pane::Panel | Pane::Reader => {}
    }
    Vec::new()
}

/// Scrolls the list so the selected entry is on screen.
fn keep_selection_visible(state: &mut State) {
    let lib = &mut state.library;
    let page = lib.page();
    if lib.selected < lib.offset {
        lib.offset = lib.selected;
    } else if lib.selected >= lib.offset + page {
        lib.offset = lib.selected + 1 - page;
    }
    lib.offset = lib.offset.min(lib.visible.len().saturating_sub(page));
}

/// Recomputes the visible entries after the filter changed, keeping the selected entry
/// selected when it still passes.
fn refilter(state: &mut State) {
    let kept = state.library.selected_entry().map(|e| e.key.clone());
    let needle = normalize(&state.filter.query);
    let needle = needle.trim();
    state.library.visible = state
        .library
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| needle.is_empty() || e.title_key.contains(needle))
        .map(|(i, _)| i)
        .collect();
    state.library.selected = kept
        .and_then(|key| {
            state
                .library
                .visible
                .iter()
                .position(|&i| state.library.entries[i].key == key)
        })
        .unwrap_or(0);
    keep_selection_visible(state);
}

/// Ticks (of 250 ms) an article stays open before it counts as read.
pub const READ_AFTER_TICKS: u32 = 12;

fn tick(state: &mut State) -> Vec<Effect> {
    let Some(article) = state.reader.article.as_deref() else {
        return Vec::new();
    };
    state.reader.open_ticks = state.reader.open_ticks.saturating_add(1);
    if state.reader.open_ticks != READ_AFTER_TICKS {
        return Vec::new();
    }
    let key = ArticleKey::of(article);
    match state.library.entries.iter_mut().find(|e| e.key == key) {
        Some(entry) if !entry.read => {
            entry.read = true;
            vec![Effect::SetRead(key, true)]
        }
        _ => Vec::new(),
    }
}

/// Replaces the whole list (keeping the selection and the session's read marks), and opens
/// `last` — or the first article — when nothing is open yet.
fn set_entries(
    state: &mut State,
    entries: Vec<ListEntry>,
    last: Option<ArticleKey>,
) -> Vec<Effect> {
    let read: std::collections::HashSet<ArticleKey> = state
        .library
        .entries
        .iter()
        .filter(|e| e.read)
        .map(|e| e.key.clone())
        .collect();
    let mut entries: Vec<ListEntry> = entries
        .into_iter()
        .map(|mut entry| {
            entry.read |= read.contains(&entry.key);
            entry
        })
        .collect();
    entries.sort_by(ListEntry::list_order);
    state.library.entries = entries;
    refilter(state);
    if state.reader.article.is_some() {
        return Vec::new();
    }
    if let Some(last) = last
        && let Some(position) = state
            .library
            .visible
            .iter()
            .position(|&i| state.library.entries[i].key == last)
    {
        state.library.selected = position;
        keep_selection_visible(state);
        return vec![Effect::OpenArticle(last)];
    }
    open_first_if_none(state)
}

/// Opens the selected entry so the reader is never empty on start.
fn open_first_if_none(state: &State) -> Vec<Effect> {
    match (&state.reader.article, state.library.selected_entry()) {
        (None, Some(entry)) => vec![Effect::OpenArticle(entry.key.clone())],
        _ => Vec::new(),
    }
}

/// Applies a batch of index changes, keeping the list sorted and the selection in place.
fn change_entries(state: &mut State, removed: &[i64], added: Vec<ListEntry>) {
    let added_keys: std::collections::HashSet<&ArticleKey> = added.iter().map(|e| &e.key).collect();
    let entries = &mut state.library.entries;
    entries
        .retain(|e| !e.id.is_some_and(|id| removed.contains(&id)) && !added_keys.contains(&e.key));
    for entry in added {
        let at = entries.partition_point(|e| ListEntry::list_order(e, &entry).is_lt());
        entries.insert(at, entry);
    }
    refilter(state);
}
