//! The interactive reader on the adversarial folder, through ratatui's TestBackend and through
//! the real crossterm backend writing into memory: load the folder, open every article, draw
//! at several sizes. No panic, no hang, and nothing from the files reaches the terminal as a
//! control character, an escape sequence or a bidi control.

mod support;

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use akhbar::app::run::{App, Event};
use akhbar::config::Settings;
use akhbar::load;
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use support::{Folder, assert_unchanged, first_unsafe, snapshot, within};

struct Fixture {
    small: Folder,
    big: Folder,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let (small, big) = support::small_and_big(&support::fresh_dir("hostile_ui"));
        Fixture { small, big }
    })
}

fn loaded_app(root: &Path) -> (App, usize) {
    let mut app = App::new(root.to_owned(), Settings::default());
    let library = load::load_folder(root, |_, _| {});
    let count = library.articles.len();
    app.handle(Event::Loaded {
        articles: library.articles,
        skipped: library.skipped,
    });
    (app, count)
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(Event::Terminal(TermEvent::Key(KeyEvent::new(
        code,
        KeyModifiers::NONE,
    ))));
}

/// Draws twice (the second frame uses the sizes the first reported) and checks every cell.
fn draw_checked(app: &mut App, width: u16, height: u16, what: &str) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    app.draw(&mut terminal).expect("draw");
    app.draw(&mut terminal).expect("draw");
    let buffer = terminal.backend().buffer();
    let mut screen = String::new();
    for y in 0..height {
        for x in 0..width {
            let symbol = buffer[(x, y)].symbol();
            if let Some(bad) = first_unsafe(symbol).or_else(|| {
                symbol
                    .contains('\n')
                    .then(|| "a line feed in a cell".to_owned())
            }) {
                panic!("{what} at {width}x{height}, cell ({x},{y}) {symbol:?}: {bad}");
            }
            screen.push_str(symbol);
        }
        screen.push('\n');
    }
    screen
}

/// A `Write` that keeps what the crossterm backend sends.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What crossterm may legitimately send: CSI sequences (cursor moves, colours, attributes)
/// and printable text. Anything else — OSC, DCS, a bare ESC, BEL, BS, C1 controls, bidi
/// controls — came from an article.
fn assert_only_csi(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}' {
            let next = chars.next().map(|(_, c)| c);
            assert_eq!(
                next,
                Some('['),
                "{what}: ESC not followed by [ at byte {at}"
            );
            // Parameters and intermediates, then one final byte in @..~.
            for (_, c) in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
                assert!(
                    (' '..='?').contains(&c),
                    "{what}: odd CSI byte {c:?} at {at}"
                );
            }
            continue;
        }
        if let Some(bad) = first_unsafe(&c.to_string()) {
            let context: String = text[at..].chars().take(30).collect();
            panic!("{what}: {bad} in terminal output at byte {at}: {context:?}");
        }
    }
}

#[test]
fn every_hostile_article_opens_and_draws_cleanly() {
    let fx = fixture();
    let before = snapshot(&fx.small.root);
    let root = fx.small.root.clone();
    within(
        "the reader on the hostile folder",
        Duration::from_secs(120),
        move || {
            let (mut app, count) = loaded_app(&root);
            assert!(count > 20, "{count} articles");
            for (w, h) in [(140, 30), (80, 20), (40, 12), (20, 5), (7, 3)] {
                draw_checked(&mut app, w, h, "library");
            }
            let screen = draw_checked(&mut app, 140, 30, "library");
            assert!(
                screen.contains("skipped"),
                "the status line counts skipped files:\n{screen}"
            );
            for index in 0..count {
                key(&mut app, KeyCode::Enter);
                let what = format!("article {index}");
                draw_checked(&mut app, 140, 30, &what);
                // Scroll to the end of the article and draw narrow too.
                key(&mut app, KeyCode::End);
                draw_checked(&mut app, 140, 30, &what);
                draw_checked(&mut app, 50, 14, &what);
                key(&mut app, KeyCode::Esc);
                key(&mut app, KeyCode::Down);
            }
        },
    );
    assert_unchanged(&before, &fx.small.root);
}

#[test]
fn the_crossterm_backend_sends_no_escape_from_articles() {
    let fx = fixture();
    let root = fx.small.root.clone();
    within("crossterm output", Duration::from_secs(120), move || {
        let (mut app, count) = loaded_app(&root);
        let sink = Sink::default();
        let area = Rect::new(0, 0, 120, 30);
        let mut terminal = Terminal::with_options(
            CrosstermBackend::new(sink.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )
        .expect("terminal");
        app.draw(&mut terminal).expect("draw");
        for _ in 0..count {
            key(&mut app, KeyCode::Enter);
            app.draw(&mut terminal).expect("draw");
            key(&mut app, KeyCode::Tab);
            app.draw(&mut terminal).expect("draw");
            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Down);
            app.draw(&mut terminal).expect("draw");
        }
        let bytes = sink.0.lock().expect("sink").clone();
        assert!(bytes.len() > 10_000);
        assert_only_csi(&bytes, "crossterm backend");
    });
}

#[test]
fn the_big_folder_loads_and_its_largest_articles_open() {
    let fx = fixture();
    let before = snapshot(&fx.big.root);
    let root = fx.big.root.clone();
    within(
        "the reader on the big folder",
        Duration::from_secs(120),
        move || {
            let (mut app, count) = loaded_app(&root);
            assert_eq!(count, support::MANY_FILES + 2);
            let screen = draw_checked(&mut app, 120, 30, "big library");
            assert!(screen.contains(&count.to_string()), "{screen}");
            // The last entry, then the two big articles found through the filter.
            key(&mut app, KeyCode::End);
            key(&mut app, KeyCode::Enter);
            draw_checked(&mut app, 120, 30, "last article");
            key(&mut app, KeyCode::Esc);
            for title in ["ملف ضخم", "خمسة آلاف"] {
                key(&mut app, KeyCode::Char('/'));
                for c in title.chars() {
                    key(&mut app, KeyCode::Char(c));
                }
                key(&mut app, KeyCode::Enter);
                let screen = draw_checked(&mut app, 120, 30, title);
                key(&mut app, KeyCode::End);
                draw_checked(&mut app, 120, 30, title);
                assert!(!screen.contains(support::AFTER_CAP));
                key(&mut app, KeyCode::Esc);
                key(&mut app, KeyCode::Esc);
            }
        },
    );
    assert_unchanged(&before, &fx.big.root);
}
