//! The driver: one event channel (terminal input, indexing progress, signals, ticks),
//! `update`, the effects it returns, and drawing. The only place where the interface does I/O.
//!
//! The library comes from the store (SQLite): a background thread indexes the folder with its
//! own connection and streams the list in; the UI thread's connection reads article bodies,
//! analyses (cached by content hash) and reading state. Without a usable database the folder
//! is loaded into memory instead and reading state lives for the session only.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::action::{Action, Command};
use super::recognizer::SharedRecognizer;
use super::state::{ArticleKey, FigureRow, ListEntry, SearchResult, State};
use super::terminal;
use super::update::{self, Effect};
use crate::analyze::entities::Recognizer;
use crate::analyze::{ANALYZER_VERSION, Analysis};
use crate::config::{BidiMode, Key, Settings};
use crate::load;
use crate::model::{Article, Skipped};
use crate::store::{self, IndexEvent, Store};
use crate::ui::{self, Areas, Views};

/// Everything that reaches the event loop.
pub enum Event {
    Terminal(TermEvent),
    /// SIGTERM or SIGHUP: quit cleanly.
    Terminate,
    LoadProgress {
        done: usize,
        total: usize,
    },
    /// The whole folder, loaded into memory (no database).
    Loaded {
        articles: Vec<Article>,
        skipped: Vec<Skipped>,
    },
    /// From the store's indexer.
    Index(IndexEvent),
    /// Indexing failed; the message says why (the folder is then loaded into memory).
    IndexFailed(String),
    /// Something the reader should know, for the status line (the recognizer or the user's
    /// `entities.toml` failed to load).
    Notice(String),
    /// Article files changed on disk.
    FolderChanged,
    /// The folder's figures for the figures view.
    Figures(Vec<FigureRow>),
    /// The analysis of one article, computed in the background because it is long.
    ArticleAnalysed {
        key: ArticleKey,
        analysis: Arc<Analysis>,
    },
    /// The background analysis of the folder (entities and figures of every article).
    AnalysisProgress {
        done: usize,
        total: usize,
    },
}

const TICK: Duration = Duration::from_millis(250);
/// Cache name of the analysis results in the store.
const ANALYSIS_CACHE: &str = "analysis";
/// Results listed by a search.
const SEARCH_LIMIT: usize = 200;
/// Articles up to this long (bytes of text) are analysed as they open, in milliseconds;
/// longer ones open at once and get their highlights and panel when a background thread
/// has analysed them (a hostile 8 MB file takes seconds).
const INLINE_ANALYSIS_BYTES: usize = 64 * 1024;

/// The running application: pure state plus what the driver keeps beside it.
pub struct App {
    pub state: State,
    pub settings: Settings,
    views: Views,
    areas: Areas,
    /// The UI thread's database connection (None: in-memory mode).
    store: Option<Store>,
    /// Articles loaded into memory when there is no database.
    articles: HashMap<ArticleKey, Arc<Article>>,
    analyses: HashMap<ArticleKey, Arc<Analysis>>,
    /// Articles being analysed in the background (see `INLINE_ANALYSIS_BYTES`).
    analysing: HashSet<ArticleKey>,
    recognizer: SharedRecognizer,
    /// A byte offset to scroll into view once the open article is laid out.
    pending_reveal: Option<usize>,
    /// Set to stop the background indexer (quit, reload).
    cancel: Arc<AtomicBool>,
    /// Where background work reports (set by `run`).
    events: Option<Sender<Event>>,
    /// The store's writer thread, when started.
    writer: Option<Sender<StoreWrite>>,
    writer_thread: Option<thread::JoinHandle<()>>,
}

/// One write for the store's writer thread.
type StoreWrite = Box<dyn FnOnce(&Store) -> Result<(), store::StoreError> + Send>;

impl App {
    pub fn new(folder: PathBuf, settings: Settings) -> Self {
        let state = State::new(folder, settings.bidi_mode);
        App {
            state,
            settings,
            views: Views::default(),
            areas: Areas::default(),
            store: None,
            articles: HashMap::new(),
            analyses: HashMap::new(),
            analysing: HashSet::new(),
            recognizer: SharedRecognizer::ready(None),
            pending_reveal: None,
            cancel: Arc::new(AtomicBool::new(false)),
            events: None,
            writer: None,
            writer_thread: None,
        }
    }

    /// Uses `recognizer` for the entities of every article opened from now on.
    pub fn with_recognizer(self, recognizer: Arc<Recognizer>) -> Self {
        self.with_shared_recognizer(SharedRecognizer::ready(Some(recognizer)))
    }

    /// Uses `recognizer`, which may still be loading: analyses wait for it, nothing else does.
    pub fn with_shared_recognizer(mut self, recognizer: SharedRecognizer) -> Self {
        self.recognizer = recognizer;
        self
    }

    /// Keeps reading state, bodies and analyses in `store`.
    pub fn with_store(mut self, store: Store) -> Self {
        self.store = Some(store);
        self
    }

    /// Feeds one event through `update` and performs the effects that need no terminal;
    /// returns the ones that do.
    pub fn handle(&mut self, event: Event) -> Vec<Effect> {
        let actions = match event {
            Event::Terminal(term) => self.translate(term),
            Event::Terminate => return vec![Effect::Quit],
            Event::LoadProgress { done, total } => vec![Action::LoadProgress { done, total }],
            Event::Loaded { articles, skipped } => {
                let entries = articles.iter().map(ListEntry::of).collect();
                self.articles = articles
                    .into_iter()
                    .map(|a| (ArticleKey::of(&a), Arc::new(a)))
                    .collect();
                vec![Action::LoadFinished { entries, skipped }]
            }
            Event::Index(event) => self.index_actions(event),
            Event::IndexFailed(message) => {
                self.state.message = Some(message);
                Vec::new()
            }
            Event::Notice(message) => {
                // After whatever the status line already says (a config error at start).
                self.state.message = Some(match self.state.message.take() {
                    Some(earlier) => format!("{earlier}; {message}"),
                    None => message,
                });
                Vec::new()
            }
            Event::FolderChanged => vec![Action::Command(Command::Reload)],
            Event::Figures(rows) => vec![Action::FiguresLoaded(rows)],
            Event::ArticleAnalysed { key, analysis } => {
                self.analysing.remove(&key);
                self.remember_analysis(&key, Arc::clone(&analysis));
                vec![Action::AnalysisReady { key, analysis }]
            }
            Event::AnalysisProgress { done, total } => {
                self.state.analysing =
                    (done < total).then_some(super::state::Progress { done, total });
                Vec::new()
            }
        };
        let mut pending = Vec::new();
        for action in actions {
            let effects = update::update(&mut self.state, action);
            self.perform(effects, &mut pending);
        }
        pending
    }

    fn index_actions(&mut self, event: IndexEvent) -> Vec<Action> {
        match event {
            IndexEvent::Cached(entries) => {
                let last = self
                    .store
                    .as_ref()
                    .and_then(|s| s.last_article(&self.state.folder).ok().flatten());
                vec![Action::EntriesCached {
                    entries: entries.into_iter().map(ListEntry::from).collect(),
                    last,
                }]
            }
            IndexEvent::Progress { done, total } => vec![Action::LoadProgress { done, total }],
            IndexEvent::Batch { removed, added } => {
                vec![Action::EntriesChanged {
                    removed,
                    added: added.into_iter().map(ListEntry::from).collect(),
                }]
            }
            IndexEvent::Done(summary) => {
                if !summary.cancelled {
                    self.analyse_folder_in_background();
                }
                vec![Action::LoadDone {
                    skipped: summary.skipped,
                }]
            }
        }
    }

    /// Performs the effects the driver can do without the terminal; keeps the others.
    fn perform(&mut self, effects: Vec<Effect>, pending: &mut Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::OpenArticle(key) => {
                    let more = self.open(&key);
                    self.perform(more, pending);
                }
                Effect::Reveal(offset) => self.pending_reveal = Some(offset),
                Effect::SetRead(key, read) => self.persist(move |s| s.set_read(&key, read)),
                Effect::SetBookmark(key, on) => self.persist(move |s| s.set_bookmarked(&key, on)),
                Effect::SaveScroll(key, scroll) => {
                    let scroll = u32::try_from(scroll).unwrap_or(u32::MAX);
                    self.persist(move |s| s.set_scroll(&key, scroll));
                }
                Effect::RememberArticle(key) => {
                    let folder = self.state.folder.clone();
                    self.persist(move |s| s.set_last_article(&folder, &key));
                }
                Effect::LoadFigures => self.load_figures_in_background(),
                Effect::Search(query) => {
                    let action = self.search(&query);
                    update::update(&mut self.state, action);
                }
                Effect::OtherArticles(name) => {
                    let action = self.other_articles(&name);
                    update::update(&mut self.state, action);
                }
                other => pending.push(other),
            }
        }
    }

    /// Writes reading state; a failing database is reported once in the status line and the
    /// state stays in memory for the session.
    fn persist(
        &mut self,
        write: impl FnOnce(&Store) -> Result<(), store::StoreError> + Send + 'static,
    ) {
        // With a writer thread the UI never waits for the indexer's write transactions.
        let mut write: StoreWrite = Box::new(write);
        if let Some(writer) = &self.writer {
            match writer.send(write) {
                Ok(()) => return,
                // The writer is gone: write here instead.
                Err(mpsc::SendError(job)) => write = job,
            }
            self.writer = None;
        }
        if let Some(store) = &self.store
            && let Err(e) = write(store)
        {
            self.state.message = Some(format!("reading state not saved: {e}"));
        }
    }

    /// Sends the store's writes to a thread with its own connection; failures come back as
    /// `Event::IndexFailed`-style messages on `tx`.
    pub fn start_writer(&mut self, tx: Sender<Event>) {
        let (writes, jobs) = mpsc::channel::<StoreWrite>();
        match Store::open_default() {
            Ok(store) => {
                self.writer_thread = Some(thread::spawn(move || {
                    for job in jobs {
                        if let Err(e) = job(&store) {
                            let _ = tx
                                .send(Event::IndexFailed(format!("reading state not saved: {e}")));
                        }
                    }
                }));
                self.writer = Some(writes);
            }
            Err(e) => self.state.message = Some(format!("reading state not saved: {e}")),
        }
    }

    /// Fetches an article (store or memory), its analysis and its saved scroll, and opens it.
    fn open(&mut self, key: &ArticleKey) -> Vec<Effect> {
        let article = match &self.store {
            Some(store) => store.article_by_key(key).ok().flatten().map(Arc::new),
            None => self.articles.get(key).cloned(),
        };
        let Some(article) = article else {
            self.state.message = Some("this article is no longer in the folder".to_owned());
            return Vec::new();
        };
        let scroll = self
            .store
            .as_ref()
            .and_then(|s| s.reading_state(key).ok())
            .map_or(0, |r| r.scroll as usize);
        let analysis = match self.known_analysis(key) {
            Some(known) => Some(known),
            None => self.analyse(key, &article),
        };
        update::open_article_at(&mut self.state, article, analysis, scroll)
    }

    /// The analysis of an article if this session or the store's cache (by content hash and
    /// analyzer version) has it.
    fn known_analysis(&mut self, key: &ArticleKey) -> Option<Arc<Analysis>> {
        if let Some(found) = self.analyses.get(key) {
            return Some(Arc::clone(found));
        }
        let hash = self.content_hash(key)?;
        let cached = self
            .store
            .as_ref()?
            .cache_get_json::<Analysis>(hash, ANALYSIS_CACHE, ANALYZER_VERSION)
            .ok()
            .flatten()?;
        let cached = Arc::new(cached);
        self.analyses.insert(key.clone(), Arc::clone(&cached));
        Some(cached)
    }

    /// Analyses an article now if it is short (or nothing could report a background result),
    /// else starts a background thread that reports `Event::ArticleAnalysed` and returns None.
    fn analyse(&mut self, key: &ArticleKey, article: &Arc<Article>) -> Option<Arc<Analysis>> {
        let long = article.title.len() + article.paragraphs.iter().map(String::len).sum::<usize>()
            > INLINE_ANALYSIS_BYTES;
        match (&self.events, long) {
            (Some(tx), true) => {
                if self.analysing.insert(key.clone()) {
                    let (tx, key, article) = (tx.clone(), key.clone(), Arc::clone(article));
                    let recognizer = self.recognizer.clone();
                    thread::spawn(move || {
                        let analysis = Arc::new(Analysis::of(&article, recognizer.get()));
                        let _ = tx.send(Event::ArticleAnalysed { key, analysis });
                    });
                }
                None
            }
            _ => {
                let analysis = Arc::new(Analysis::of(article, self.recognizer.get()));
                self.remember_analysis(key, Arc::clone(&analysis));
                Some(analysis)
            }
        }
    }

    /// Keeps a new analysis for the session and caches it in the store, with its entity links
    /// for `@name` searches.
    fn remember_analysis(&mut self, key: &ArticleKey, analysis: Arc<Analysis>) {
        if let (Some(hash), true) = (self.content_hash(key), self.store.is_some()) {
            let (value, links) = (Analysis::clone(&analysis), entity_links(&analysis));
            // Best effort: a cache that cannot be written only costs time later.
            self.persist(move |store| {
                store.cache_put_json(hash, ANALYSIS_CACHE, ANALYZER_VERSION, &value)?;
                store.set_entities(hash, &links)
            });
        }
        self.analyses.insert(key.clone(), analysis);
    }

    /// Starts analysing every article of the folder not yet in the cache (the `o` list and the
    /// figures view read the results).
    fn analyse_folder_in_background(&self) {
        let (Some(tx), Some(_)) = (self.events.clone(), &self.store) else {
            return;
        };
        let folder = self.state.folder.clone();
        let recognizer = self.recognizer.clone();
        let cancel = Arc::clone(&self.cancel);
        thread::spawn(move || {
            if let Ok(store) = Store::open_default() {
                analyse_folder(&store, &folder, recognizer.get(), &cancel, |done, total| {
                    let _ = tx.send(Event::AnalysisProgress { done, total });
                });
            }
        });
    }

    /// Collects every figure of the folder from the analysis cache (or, without a database,
    /// by analysing the loaded articles) on a background thread.
    fn load_figures_in_background(&self) {
        let Some(tx) = self.events.clone() else {
            return;
        };
        let folder = self.state.folder.clone();
        let titles: HashMap<ArticleKey, String> = self
            .state
            .library
            .entries
            .iter()
            .map(|e| (e.key.clone(), e.title.clone()))
            .collect();
        let in_memory: Vec<Arc<Article>> = if self.store.is_some() {
            Vec::new()
        } else {
            self.articles.values().cloned().collect()
        };
        let recognizer = self.recognizer.clone();
        thread::spawn(move || {
            let mut rows = Vec::new();
            if in_memory.is_empty() {
                if let Ok(store) = Store::open_default()
                    && let Ok(entries) = store.entries(&folder)
                {
                    for entry in entries {
                        if let Ok(Some(analysis)) = store.cache_get_json::<Analysis>(
                            entry.content_hash,
                            ANALYSIS_CACHE,
                            ANALYZER_VERSION,
                        ) {
                            rows.extend(figure_rows(&entry.key, &entry.title, &analysis));
                        }
                    }
                }
            } else {
                for article in in_memory {
                    let key = ArticleKey::of(&article);
                    let analysis = Analysis::of(&article, recognizer.get());
                    let title = titles
                        .get(&key)
                        .cloned()
                        .unwrap_or_else(|| article.title.clone());
                    rows.extend(figure_rows(&key, &title, &analysis));
                }
            }
            let _ = tx.send(Event::Figures(rows));
        });
    }

    fn content_hash(&self, key: &ArticleKey) -> Option<u64> {
        self.state
            .library
            .entries
            .iter()
            .find(|e| &e.key == key)
            .map(|e| e.content_hash)
            .filter(|&h| h != 0)
    }

    /// Runs a full-text search over the store (titles only, in memory mode).
    fn search(&self, query: &str) -> Action {
        let Some(store) = &self.store else {
            return memory_search(&self.state, query);
        };
        if query.trim().is_empty() {
            return Action::SearchResults {
                results: Vec::new(),
                error: None,
            };
        }
        let parsed = match store::parse_query(query) {
            Ok(parsed) => parsed,
            Err(e) => {
                return Action::SearchResults {
                    results: Vec::new(),
                    error: Some(e.to_string()),
                };
            }
        };
        match store.search(&self.state.folder, &parsed, SEARCH_LIMIT) {
            Ok(found) => Action::SearchResults {
                results: found
                    .hits
                    .into_iter()
                    .map(|hit| SearchResult {
                        key: hit.entry.key,
                        title: hit.entry.title,
                        snippet: hit.snippet,
                        hits: hit.hits,
                        count: None,
                    })
                    .collect(),
                error: None,
            },
            Err(e) => Action::SearchResults {
                results: Vec::new(),
                error: Some(e.to_string()),
            },
        }
    }

    /// Articles whose analysis links them to the entity `name`, with mention counts.
    fn other_articles(&self, name: &str) -> Action {
        let Some(store) = &self.store else {
            return Action::SearchResults {
                results: Vec::new(),
                error: Some("needs the database (see the status line)".to_owned()),
            };
        };
        let query = format!("@\"{}\"", name.replace('"', ""));
        let parsed = match store::parse_query(&query) {
            Ok(parsed) => parsed,
            Err(e) => {
                return Action::SearchResults {
                    results: Vec::new(),
                    error: Some(e.to_string()),
                };
            }
        };
        let wanted = crate::text::normalize(name);
        match store.search(&self.state.folder, &parsed, SEARCH_LIMIT) {
            Ok(found) => {
                let mut results: Vec<SearchResult> = found
                    .hits
                    .into_iter()
                    .map(|hit| {
                        let count = store
                            .entities(hit.entry.content_hash)
                            .ok()
                            .and_then(|links| {
                                links
                                    .into_iter()
                                    .find(|l| crate::text::normalize(&l.name) == wanted)
                                    .map(|l| l.mentions)
                            });
                        SearchResult {
                            key: hit.entry.key,
                            title: hit.entry.title,
                            snippet: hit.snippet,
                            hits: Vec::new(),
                            count,
                        }
                    })
                    .collect();
                results.sort_by_key(|r| std::cmp::Reverse(r.count.unwrap_or(0)));
                let error = results
                    .is_empty()
                    .then(|| "no other analysed article mentions it yet".to_owned());
                Action::SearchResults { results, error }
            }
            Err(e) => Action::SearchResults {
                results: Vec::new(),
                error: Some(e.to_string()),
            },
        }
    }

    /// Terminal input → actions, through the keymap (or the text inputs).
    fn translate(&self, event: TermEvent) -> Vec<Action> {
        match event {
            TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                if let Some(action) = self.text_input(&key) {
                    return vec![action];
                }
                self.settings
                    .keymap
                    .command(&Key::from_event(&key))
                    .map(Action::Command)
                    .into_iter()
                    .collect()
            }
            TermEvent::Mouse(mouse) => {
                let Some((pane, row)) = self.areas.hit(mouse.column, mouse.row) else {
                    return Vec::new();
                };
                match mouse.kind {
                    MouseEventKind::ScrollDown => vec![Action::Scroll { pane, lines: 3 }],
                    MouseEventKind::ScrollUp => vec![Action::Scroll { pane, lines: -3 }],
                    MouseEventKind::Down(_) => vec![Action::Click { pane, row }],
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    /// Keys typed into the filter or the search query.
    fn text_input(&self, key: &event::KeyEvent) -> Option<Action> {
        let filter = self.state.filter.editing;
        let search = self.state.search.editing;
        if !filter && !search {
            return None;
        }
        match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(event::KeyModifiers::CONTROL) => {
                Some(if search {
                    Action::SearchInput(c)
                } else {
                    Action::FilterInput(c)
                })
            }
            KeyCode::Backspace => Some(if search {
                Action::SearchBackspace
            } else {
                Action::FilterBackspace
            }),
            KeyCode::Enter => Some(Action::Command(Command::Open)),
            KeyCode::Esc => Some(Action::Command(Command::Back)),
            _ => None,
        }
    }

    /// Draws a frame, then tells `update` the sizes the layout produced.
    pub fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        self.draw_once(terminal)?;
        let reader_height = self.areas.reader.map_or(0, |r| r.height);
        let lines = self.views.reader.lines.len();
        let mut redraw = false;
        if (reader_height, lines) != (self.state.reader.height, self.state.reader.lines) {
            let before = self.state.reader.scroll;
            update::update(
                &mut self.state,
                Action::ReaderViewport {
                    height: reader_height,
                    lines,
                },
            );
            redraw |= self.state.reader.scroll != before;
        }
        if let Some(table) = self.areas.figures
            && table.height != self.state.figures.height
        {
            update::update(
                &mut self.state,
                Action::FiguresViewport {
                    height: table.height,
                },
            );
        }
        let library_height = self
            .areas
            .library
            .map_or(self.state.library.height, |r| r.height);
        if library_height != self.state.library.height {
            update::update(
                &mut self.state,
                Action::LibraryViewport {
                    height: library_height,
                },
            );
            redraw = true;
        }
        if let Some(offset) = self.pending_reveal.take()
            && let Some(line) = self.views.reader.line_of(offset)
        {
            let before = self.state.reader.scroll;
            update::update(&mut self.state, Action::RevealLine(line));
            redraw |= self.state.reader.scroll != before;
        }
        if redraw {
            self.draw_once(terminal)?;
        }
        Ok(())
    }

    fn draw_once<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        let (state, settings, views) = (&self.state, &self.settings, &mut self.views);
        let mut areas = Areas::default();
        terminal.draw(|frame| areas = ui::draw(frame, state, settings, views))?;
        self.areas = areas;
        Ok(())
    }

    /// Saves what must survive the session (the open article's scroll position).
    pub fn save_on_exit(&mut self) {
        self.cancel.store(true, Ordering::SeqCst);
        if let Some(article) = self.state.reader.article.as_deref() {
            let key = ArticleKey::of(article);
            let scroll = u32::try_from(self.state.reader.scroll).unwrap_or(u32::MAX);
            self.persist(move |s| s.set_scroll(&key, scroll));
        }
        // Wait for the queued writes: closing the channel ends the writer's loop.
        self.writer = None;
        if let Some(writer) = self.writer_thread.take() {
            let _ = writer.join();
        }
    }
}

/// Analyses every article of `folder` whose result is not cached yet, and caches it with its
/// entity links. Stops early when `cancel` is set.
pub fn analyse_folder(
    store: &Store,
    folder: &Path,
    recognizer: Option<&Recognizer>,
    cancel: &AtomicBool,
    mut progress: impl FnMut(usize, usize),
) {
    let Ok(entries) = store.entries(folder) else {
        return;
    };
    let total = entries.len();
    let mut last = Instant::now();
    for (i, entry) in entries.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let cached = store
            .cache_get(entry.content_hash, ANALYSIS_CACHE, ANALYZER_VERSION)
            .ok()
            .flatten()
            .is_some();
        if !cached && let Ok(Some(article)) = store.article(entry.id) {
            let analysis = Analysis::of(&article, recognizer);
            let _ = store.cache_put_json(
                entry.content_hash,
                ANALYSIS_CACHE,
                ANALYZER_VERSION,
                &analysis,
            );
            let _ = store.set_entities(entry.content_hash, &entity_links(&analysis));
        }
        if i + 1 == total || last.elapsed() >= Duration::from_millis(200) {
            last = Instant::now();
            progress(i + 1, total);
        }
    }
}

/// The figures of one article as rows of the figures view: amounts, percentages, populations
/// and quantities (dates, ordinals and scores say when or which, not how much).
pub fn figure_rows(key: &ArticleKey, title: &str, analysis: &Analysis) -> Vec<FigureRow> {
    use crate::analyze::figures::FigureKind;
    analysis
        .figures
        .iter()
        .filter(|f| {
            !matches!(
                f.kind,
                FigureKind::Date | FigureKind::Ordinal | FigureKind::Score
            )
        })
        .map(|f| FigureRow {
            key: key.clone(),
            title: title.to_owned(),
            range: f.range.clone(),
            text: f.text.clone(),
            value: f.value,
            unit: f.unit.clone().unwrap_or_default(),
            kind: f.kind.name().to_owned(),
            label: f.label.clone().unwrap_or_default(),
            year: f.year,
            key_figure: f.key,
        })
        .collect()
}

/// What the store keeps of an analysis so that `@name` finds the article: each entity under
/// its name and under the other names it was grouped from (`@الفيفا` finds an article that
/// names `الاتحاد الدولي لكرة القدم` both ways), with the entity's mentions.
fn entity_links(analysis: &Analysis) -> Vec<store::EntityLink> {
    let mut seen = HashSet::new();
    let mut links = Vec::new();
    let place = crate::analyze::entities::EntityKind::Location.code();
    for e in &analysis.entities {
        let names = std::iter::once(&e.name).chain(&e.aliases);
        // A place named inside an institution's name (`الكاف` in `المستشفى الجهوي بالكاف`)
        // is linked as a place, so that `@الكاف` finds the article.
        let named = names
            .map(|n| (n, e.kind.code()))
            .chain(e.places.iter().map(|p| (p, place)));
        for (name, kind) in named {
            // One link per spelling and kind: the store adds up the mentions of duplicates.
            if seen.insert((store::entity_norm(name), kind)) {
                links.push(store::EntityLink {
                    name: name.clone(),
                    kind: kind.to_owned(),
                    mentions: u32::try_from(e.mentions.len()).unwrap_or(u32::MAX),
                });
            }
        }
    }
    links
}

/// Without a database, `S` searches titles (Arabic-insensitive); the status line already says
/// the database is unavailable.
fn memory_search(state: &State, query: &str) -> Action {
    let needle = crate::text::normalize(query.trim());
    if needle.is_empty() {
        return Action::SearchResults {
            results: Vec::new(),
            error: None,
        };
    }
    let results = state
        .library
        .entries
        .iter()
        .filter(|e| e.title_key.contains(&needle))
        .map(|e| SearchResult {
            key: e.key.clone(),
            title: e.title.clone(),
            snippet: String::new(),
            hits: Vec::new(),
            count: None,
        })
        .collect();
    Action::SearchResults {
        results,
        error: None,
    }
}

/// Loads `folder` into memory on a background thread (the fallback without a database).
pub fn spawn_loader(folder: PathBuf, tx: Sender<Event>) {
    thread::spawn(move || {
        let mut last = Instant::now();
        let library = load::load_folder(&folder, |done, total| {
            if done == total || last.elapsed() >= Duration::from_millis(50) {
                last = Instant::now();
                let _ = tx.send(Event::LoadProgress { done, total });
            }
        });
        let _ = tx.send(Event::Loaded {
            articles: library.articles,
            skipped: library.skipped,
        });
    });
}

/// Indexes `folder` into the store on a background thread with its own connection; falls
/// back to loading into memory when the database cannot be used.
pub fn spawn_indexer(folder: PathBuf, tx: Sender<Event>, cancel: Arc<AtomicBool>) {
    thread::spawn(move || {
        let result = Store::open_default().and_then(|mut store| {
            store.index_folder_cancellable(&folder, &cancel, |event| {
                let _ = tx.send(Event::Index(event));
            })
        });
        if let Err(e) = result {
            let _ = tx.send(Event::IndexFailed(format!(
                "indexing failed ({e}); reading the folder without the database"
            )));
            spawn_loader(folder, tx);
        }
    });
}

fn spawn_input_reader(tx: Sender<Event>) {
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Event::Terminal(event)).is_err() {
                break;
            }
        }
    });
}

/// Runs the interactive reader on `folder` until the user quits.
pub fn run(folder: &Path, settings: Settings, message: Option<String>) -> anyhow::Result<()> {
    let mut app = App::new(folder.to_owned(), settings);
    let mut messages: Vec<String> = message.into_iter().collect();
    let (tx, rx) = mpsc::channel();
    let (notices, user_notices) = (tx.clone(), tx.clone());
    app = app.with_shared_recognizer(SharedRecognizer::load_in_background(
        move || {
            let (recognizer, user_error) = crate::headless::recognizer_keeping_builtin()?;
            if let Some(e) = user_error {
                // TOML errors go on to draw the line in question; the status line takes
                // the first line, which says where.
                let error = format!("{e:#}");
                let first = error.lines().next().unwrap_or_default();
                let message = format!("{first}; using the built-in entities only");
                let _ = user_notices.send(Event::Notice(message));
            }
            Ok(recognizer)
        },
        move |message| {
            let _ = notices.send(Event::Notice(message));
        },
    ));
    app.state.loading = Some(super::state::Progress { done: 0, total: 0 });
    match Store::open_default() {
        Ok(store) => {
            if let Err(e) = store.set_last_folder(folder) {
                messages.push(format!("cannot remember the folder: {e}"));
            }
            app = app.with_store(store);
            spawn_indexer(folder.to_owned(), tx.clone(), Arc::clone(&app.cancel));
        }
        Err(e) => {
            messages.push(format!("{e}; reading state is kept for this session only"));
            spawn_loader(folder.to_owned(), tx.clone());
        }
    }
    app.state.message = (!messages.is_empty()).then(|| messages.join("; "));
    app.events = Some(tx.clone());
    if app.store.is_some() {
        app.start_writer(tx.clone());
    }
    let watch_tx = tx.clone();
    let _watch = load::watch::watch(folder, move |_| {
        let _ = watch_tx.send(Event::FolderChanged);
    });
    let signal_tx = tx.clone();
    terminal::watch_termination(move || {
        let _ = signal_tx.send(Event::Terminate);
    })?;
    terminal::enter(app.state.bidi_mode)?;
    let result = event_loop(&mut app, &rx, tx);
    app.save_on_exit();
    terminal::leave();
    result
}

fn event_loop(app: &mut App, rx: &Receiver<Event>, tx: Sender<Event>) -> anyhow::Result<()> {
    let mut terminal = Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
    redraw_from_scratch(&mut terminal)?;
    spawn_input_reader(tx.clone());
    app.draw(&mut terminal)?;
    loop {
        match rx.recv_timeout(TICK) {
            Ok(event) => {
                let effects = app.handle(event);
                if perform_terminal(app, &effects, &mut terminal, &tx)? {
                    return Ok(());
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                let effects = update::update(&mut app.state, Action::Tick);
                let mut pending = Vec::new();
                app.perform(effects, &mut pending);
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        // Drain whatever else is queued before drawing, so fast typing never lags.
        while let Ok(event) = rx.try_recv() {
            let effects = app.handle(event);
            if perform_terminal(app, &effects, &mut terminal, &tx)? {
                return Ok(());
            }
        }
        app.draw(&mut terminal)?;
    }
}

/// Erases the screen (an ED, which VTE needs to apply a new bidi mode to every row) and makes
/// the next frame draw everything. `Terminal::clear` is not used: it reads the cursor position
/// from the terminal, which races with the input thread's reads and fails after a timeout.
fn redraw_from_scratch<B: Backend>(terminal: &mut Terminal<B>) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    // A blank frame makes ratatui's idea of the screen blank, so the next draw sends it all.
    terminal.draw(|frame| {
        let area = frame.area();
        ratatui::widgets::Widget::render(ratatui::widgets::Clear, area, frame.buffer_mut());
    })?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    Ok(())
}

/// Performs the effects that touch the terminal or the loader; true when the app should quit.
fn perform_terminal<B: Backend>(
    app: &mut App,
    effects: &[Effect],
    terminal: &mut Terminal<B>,
    tx: &Sender<Event>,
) -> anyhow::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    let mode: BidiMode = app.state.bidi_mode;
    for effect in effects {
        match effect {
            Effect::Quit => return Ok(true),
            Effect::ApplyBidiMode(mode) => {
                terminal::apply_bidi_mode(*mode)?;
                redraw_from_scratch(terminal)?;
            }
            Effect::Suspend => {
                terminal::suspend(mode)?;
                redraw_from_scratch(terminal)?;
            }
            Effect::Reload => {
                // A new indexer replaces any running one; the store keeps what is committed.
                app.cancel.store(true, Ordering::SeqCst);
                app.cancel = Arc::new(AtomicBool::new(false));
                app.state.loading = Some(super::state::Progress { done: 0, total: 0 });
                if app.store.is_some() {
                    spawn_indexer(
                        app.state.folder.clone(),
                        tx.clone(),
                        Arc::clone(&app.cancel),
                    );
                } else {
                    spawn_loader(app.state.folder.clone(), tx.clone());
                }
            }
            _ => {}
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::{Entity, EntityKind, Mention};

    #[test]
    fn an_entity_is_linked_under_each_of_its_names_once() {
        let mention = |start: usize| Mention {
            range: start..start + 4,
            text: String::new(),
        };
        let analysis = Analysis {
            entities: vec![Entity {
                name: "الاتحاد الدولي لكرة القدم".into(),
                key: "الاتحاد الدولي لكره القدم".into(),
                kind: EntityKind::Organization,
                mentions: vec![mention(0), mention(40), mention(80)],
                // A spelling of the name itself adds no link.
                aliases: vec!["الفيفا".into(), "الإتحاد الدولي لكرة القدم".into()],
                places: Vec::new(),
            }],
            figures: Vec::new(),
        };
        let links: Vec<(String, String, u32)> = entity_links(&analysis)
            .into_iter()
            .map(|l| (l.name, l.kind, l.mentions))
            .collect();
        let org = |name: &str| (name.to_owned(), "ORG".to_owned(), 3);
        assert_eq!(links, [org("الاتحاد الدولي لكرة القدم"), org("الفيفا")]);
    }

    #[test]
    fn a_place_inside_an_institutions_name_is_linked_as_a_place() {
        let analysis = Analysis {
            entities: vec![Entity {
                name: "المستشفى الجهوي بالكاف".into(),
                key: "المستشفي الجهوي بالكاف".into(),
                kind: EntityKind::Organization,
                mentions: vec![Mention {
                    range: 0..40,
                    text: String::new(),
                }],
                aliases: Vec::new(),
                places: vec!["الكاف".into()],
            }],
            figures: Vec::new(),
        };
        let links: Vec<(String, String)> = entity_links(&analysis)
            .into_iter()
            .map(|l| (l.name, l.kind))
            .collect();
        let link = |name: &str, kind: &str| (name.to_owned(), kind.to_owned());
        assert_eq!(
            links,
            [link("المستشفى الجهوي بالكاف", "ORG"), link("الكاف", "LOC")]
        );
    }
}
