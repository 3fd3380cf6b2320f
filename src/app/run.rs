//! The driver: one event channel (terminal input, loader progress, ticks), `update`, the
//! effects it returns, and drawing. The only place where the interface does I/O.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::action::{Action, Command};
use super::state::{ArticleKey, ListEntry, State};
use super::terminal;
use super::update::{self, Effect};
use crate::analyze::Analysis;
use crate::analyze::entities::Recognizer;
use crate::config::{BidiMode, Key, Settings};
use crate::load;
use crate::model::{Article, Skipped};
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
    Loaded {
        articles: Vec<Article>,
        skipped: Vec<Skipped>,
    },
}

const TICK: Duration = Duration::from_millis(250);

/// The running application: pure state plus what the driver keeps beside it.
pub struct App {
    pub state: State,
    pub settings: Settings,
    views: Views,
    areas: Areas,
    articles: HashMap<ArticleKey, Arc<Article>>,
    analyses: HashMap<ArticleKey, Arc<Analysis>>,
    recognizer: Option<Arc<Recognizer>>,
    /// A byte offset to scroll into view once the open article is laid out.
    pending_reveal: Option<usize>,
}

impl App {
    pub fn new(folder: PathBuf, settings: Settings) -> Self {
        let state = State::new(folder, settings.bidi_mode);
        App {
            state,
            settings,
            views: Views::default(),
            areas: Areas::default(),
            articles: HashMap::new(),
            analyses: HashMap::new(),
            recognizer: None,
            pending_reveal: None,
        }
    }

    /// Uses `recognizer` for the entities of every article opened from now on.
    pub fn with_recognizer(mut self, recognizer: Arc<Recognizer>) -> Self {
        self.recognizer = Some(recognizer);
        self
    }

    /// The analysis of an article, computed once per session.
    fn analysis_of(&mut self, key: &ArticleKey, article: &Article) -> Arc<Analysis> {
        let recognizer = self.recognizer.as_deref();
        let analysis = self
            .analyses
            .entry(key.clone())
            .or_insert_with(|| Arc::new(Analysis::of(article, recognizer)));
        Arc::clone(analysis)
    }

    /// Feeds one event through `update` and performs the resulting effects (except terminal
    /// ones, which `run` handles). Returns effects for the caller.
    pub fn handle(&mut self, event: Event) -> Vec<Effect> {
        let actions = match event {
            Event::Terminal(term) => self.translate(term),
            Event::LoadProgress { done, total } => vec![Action::LoadProgress { done, total }],
            Event::Terminate => return vec![Effect::Quit],
            Event::Loaded { articles, skipped } => {
                let entries = articles.iter().map(ListEntry::of).collect();
                self.articles = articles
                    .into_iter()
                    .map(|a| (ArticleKey::of(&a), Arc::new(a)))
                    .collect();
                vec![Action::LoadFinished { entries, skipped }]
            }
        };
        let mut pending = Vec::new();
        for action in actions {
            for effect in update::update(&mut self.state, action) {
                match effect {
                    Effect::OpenArticle(key) => {
                        if let Some(article) = self.articles.get(&key).cloned() {
                            let analysis = self.analysis_of(&key, &article);
                            update::open_article(&mut self.state, article, Some(analysis));
                        }
                    }
                    Effect::Reveal(offset) => self.pending_reveal = Some(offset),
                    other => pending.push(other),
                }
            }
        }
        pending
    }

    /// Terminal input → actions, through the keymap (or the filter's text input).
    fn translate(&self, event: TermEvent) -> Vec<Action> {
        match event {
            TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                if self.state.filter.editing {
                    match key.code {
                        KeyCode::Char(c)
                            if !key.modifiers.contains(event::KeyModifiers::CONTROL) =>
                        {
                            return vec![Action::FilterInput(c)];
                        }
                        KeyCode::Backspace => return vec![Action::FilterBackspace],
                        KeyCode::Enter => return vec![Action::Command(Command::Open)],
                        KeyCode::Esc => return vec![Action::Command(Command::Back)],
                        _ => {}
                    }
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

    /// Draws a frame, then tells `update` the sizes the layout produced.
    pub fn draw<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        let (state, settings, views) = (&self.state, &self.settings, &mut self.views);
        let mut areas = Areas::default();
        terminal.draw(|frame| areas = ui::draw(frame, state, settings, views))?;
        self.areas = areas;
        let reader_height = areas.reader.map_or(0, |r| r.height);
        let lines = self.views.reader.lines.len();
        if (reader_height, lines) != (self.state.reader.height, self.state.reader.lines) {
            update::update(
                &mut self.state,
                Action::ReaderViewport {
                    height: reader_height,
                    lines,
                },
            );
        }
        let library_height = areas
            .library
            .map_or(self.state.library.height, |r| r.height);
        if library_height != self.state.library.height {
            update::update(
                &mut self.state,
                Action::LibraryViewport {
                    height: library_height,
                },
            );
        }
        Ok(())
    }
}

/// Loads `folder` on a background thread, reporting progress through `tx`.
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
    let mut message = message;
    match Recognizer::load_default() {
        Ok(recognizer) => app = app.with_recognizer(Arc::new(recognizer)),
        Err(e) => message = Some(format!("entities unavailable: {e:#}")),
    }
    app.state.message = message;
    let (tx, rx) = mpsc::channel();
    app.state.loading = Some(super::state::Progress { done: 0, total: 0 });
    spawn_loader(folder.to_owned(), tx.clone());
    let signal_tx = tx.clone();
    terminal::watch_termination(move || {
        let _ = signal_tx.send(Event::Terminate);
    })?;
    terminal::enter(app.state.bidi_mode)?;
    let result = event_loop(&mut app, &rx, tx);
    terminal::leave();
    result
}

fn event_loop(app: &mut App, rx: &Receiver<Event>, tx: Sender<Event>) -> anyhow::Result<()> {
    let mut terminal = Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
    terminal.clear()?;
    spawn_input_reader(tx);
    app.draw(&mut terminal)?;
    loop {
        match rx.recv_timeout(TICK) {
            Ok(event) => {
                let effects = app.handle(event);
                if perform(&effects, &mut terminal, app.state.bidi_mode)? {
                    return Ok(());
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                update::update(&mut app.state, Action::Tick);
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        // Drain whatever else is queued before drawing, so fast typing never lags.
        while let Ok(event) = rx.try_recv() {
            let effects = app.handle(event);
            if perform(&effects, &mut terminal, app.state.bidi_mode)? {
                return Ok(());
            }
        }
        app.draw(&mut terminal)?;
    }
}

/// Performs the terminal-side effects; true when the app should quit.
fn perform<B: Backend>(
    effects: &[Effect],
    terminal: &mut Terminal<B>,
    mode: BidiMode,
) -> anyhow::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    for effect in effects {
        match effect {
            Effect::Quit => return Ok(true),
            Effect::ApplyBidiMode(mode) => {
                terminal::apply_bidi_mode(*mode)?;
                terminal.clear()?;
            }
            Effect::Suspend => {
                terminal::suspend(mode)?;
                terminal.clear()?;
            }
            Effect::OpenArticle(_) | Effect::Reveal(_) => {}
        }
    }
    Ok(false)
}
