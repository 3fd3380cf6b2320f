//! The interface through ratatui's TestBackend: what is on screen at fixed sizes.

use std::path::{Path, PathBuf};

use akhbar::app::Command;
use akhbar::app::recognizer::SharedRecognizer;
use akhbar::app::run::{App, Event};
use akhbar::config::{self, Settings};
use akhbar::load;
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

fn app_on_samples(settings: Settings) -> App {
    let mut app = App::new(samples(), settings);
    let library = load::load_folder(&samples(), |_, _| {});
    app.handle(Event::Loaded {
        articles: library.articles,
        skipped: library.skipped,
    });
    app
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    app.draw(&mut terminal).expect("draw");
    // A second frame uses the sizes the first one reported.
    app.draw(&mut terminal).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(Event::Terminal(TermEvent::Key(KeyEvent::new(
        code,
        KeyModifiers::NONE,
    ))));
}

#[test]
fn three_panes_with_status_line() {
    let mut app = app_on_samples(Settings::default());
    let count = load::load_folder(&samples(), |_, _| {}).articles.len();
    let text = screen(&mut app, 140, 30);
    assert!(text.contains(&format!("Library ({count})")), "{text}");
    assert!(text.contains("Reader"), "{text}");
    assert!(text.contains("Panel"), "{text}");
    let status = text.lines().last().unwrap_or_default();
    assert!(status.contains(&format!("article 1/{count}")), "{status}");
    assert!(status.contains("bidi: app"), "{status}");
    assert!(status.contains("? help"), "{status}");
}

#[test]
fn the_panel_shows_the_articles_facts() {
    let mut app = app_on_samples(Settings::default());
    let text = screen(&mut app, 140, 30);
    for label in ["Article", "Date", "File", "Words", "Paragraphs", "Encoding"] {
        assert!(text.contains(label), "missing {label}:\n{text}");
    }
}

#[test]
fn narrow_terminals_show_fewer_panes() {
    let mut app = app_on_samples(Settings::default());
    let medium = screen(&mut app, 80, 20);
    assert!(medium.contains("Library") && medium.contains("Reader") && !medium.contains("Panel"));
    let narrow = screen(&mut app, 40, 12);
    assert!(narrow.contains("Library") && !narrow.contains("Reader"));
}

#[test]
fn tiny_windows_say_so_and_never_panic() {
    let mut app = app_on_samples(Settings::default());
    for width in 1..=20 {
        for height in 1..=5 {
            let text = screen(&mut app, width, height);
            if width >= 16 && height < 5 {
                assert!(
                    text.contains("window too small"),
                    "{width}x{height}: {text}"
                );
            }
        }
    }
}

#[test]
fn help_overlay_lists_the_keymap_in_force() {
    let settings =
        config::parse("[keys]\nhelp = [\"f1\", \"?\"]\ndown = [\"n\"]\n").expect("config");
    let mut app = app_on_samples(settings);
    key(&mut app, KeyCode::Char('?'));
    let text = screen(&mut app, 120, 30);
    assert!(text.contains("Keys"), "{text}");
    assert!(text.contains("F1, ?"), "{text}");
    let down_row = text
        .lines()
        .find(|l| l.contains(Command::Down.describe()))
        .unwrap_or_default();
    assert!(down_row.contains(" n "), "{down_row}");
    assert!(!down_row.contains('j'), "{down_row}");
}

#[test]
fn filter_line_shows_the_query_and_narrows_the_list() {
    let mut app = app_on_samples(Settings::default());
    key(&mut app, KeyCode::Char('/'));
    for c in "World".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let text = screen(&mut app, 140, 30);
    assert!(text.contains("/ World"), "{text}");
    assert!(text.contains("Library (1)"), "{text}");
}

#[test]
fn selected_entry_is_highlighted() {
    let settings = Settings::default();
    let selection = settings.theme.selection;
    let mut app = app_on_samples(settings);
    let mut terminal = Terminal::new(TestBackend::new(140, 30)).expect("terminal");
    app.draw(&mut terminal).expect("draw");
    let buffer = terminal.backend().buffer();
    // The library is on the right (RTL pane order); its first entry starts on row 1.
    let highlighted = (100..139)
        .filter(|&x| buffer[(x, 1)].bg == selection)
        .count();
    assert!(
        highlighted > 30,
        "selected row background: {highlighted} cells"
    );
}

fn app_on_putin() -> App {
    let recognizer = akhbar::analyze::entities::Recognizer::load_default().expect("model");
    app_on_putin_with(SharedRecognizer::ready(Some(std::sync::Arc::new(
        recognizer,
    ))))
}

fn app_on_putin_with(recognizer: SharedRecognizer) -> App {
    let folder = samples();
    let mut app = App::new(folder.clone(), Settings::default()).with_shared_recognizer(recognizer);
    let article = load::load_file(&folder.join("putin-harbin.txt")).expect("sample");
    app.handle(Event::Loaded {
        articles: article,
        skipped: vec![],
    });
    app
}

#[test]
fn entities_and_figures_are_highlighted_in_their_colours_and_listed_in_the_panel() {
    let mut app = app_on_putin();
    let theme = app.settings.theme.clone();
    let mut terminal = Terminal::new(TestBackend::new(150, 45)).expect("terminal");
    app.draw(&mut terminal).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let count_fg = |colour| {
        (0..150u16)
            .flat_map(|x| (0..45u16).map(move |y| (x, y)))
            .filter(|&(x, y)| buffer[(x, y)].fg == colour)
            .count()
    };
    assert!(count_fg(theme.person) > 10, "people highlighted");
    assert!(count_fg(theme.place) > 10, "places highlighted");
    assert!(
        count_fg(theme.organisation) > 5,
        "organisations highlighted"
    );
    assert!(count_fg(theme.figure) > 5, "figures highlighted");
    let text = screen(&mut app, 150, 45);
    for section in ["Key figures", "People", "Places", "Organisations"] {
        assert!(text.contains(section), "panel section {section}:\n{text}");
    }
}

/// The recognizer loads on its own thread; an article opened before it is ready waits for
/// it and gets its entities, and a failed load is said on the status line, after what was
/// there.
#[test]
fn an_article_opened_while_the_recognizer_loads_gets_its_entities() {
    let loading = SharedRecognizer::load_in_background(
        akhbar::analyze::entities::Recognizer::load_default,
        |_| {},
    );
    let mut app = app_on_putin_with(loading);
    let text = screen(&mut app, 150, 45);
    for section in ["People", "Places", "Organisations"] {
        assert!(text.contains(section), "panel section {section}:\n{text}");
    }
    app.state.message = Some("config.toml: bad key".to_owned());
    app.handle(Event::Notice("entities unavailable: no model".to_owned()));
    let status = screen(&mut app, 150, 45);
    let last = status.lines().last().unwrap_or_default();
    assert!(
        last.contains("config.toml: bad key; entities unavailable: no model"),
        "{last}"
    );
}

#[test]
fn enter_on_an_entity_jumps_to_its_mention_and_emphasises_it() {
    let mut app = app_on_putin();
    let mut terminal = Terminal::new(TestBackend::new(150, 12)).expect("terminal");
    app.draw(&mut terminal).expect("draw");
    // Focus the panel and walk down to the last entity (its mention is far down the text).
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    let items = akhbar::app::panel::items(&app.state);
    let last_entity = items
        .iter()
        .rposition(|i| i.target.is_some())
        .expect("an entity");
    for _ in 0..last_entity {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Enter);
    app.draw(&mut terminal).expect("draw");
    assert!(app.state.reader.scroll > 0, "scrolled to the mention");
    let buffer = terminal.backend().buffer();
    let emphasised = (0..150u16)
        .flat_map(|x| (0..12u16).map(move |y| (x, y)))
        .filter(|&(x, y)| {
            buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .count();
    assert!(emphasised > 0, "the mention is emphasised on screen");
}

#[test]
fn the_status_line_shows_indexing_progress() {
    let mut app = App::new(samples(), Settings::default());
    app.handle(Event::LoadProgress {
        done: 3120,
        total: 9697,
    });
    let text = screen(&mut app, 120, 20);
    let status = text.lines().last().unwrap_or_default();
    assert!(status.contains("indexing 3,120 / 9,697"), "{status}");
    assert!(text.contains("loading…"), "{text}");
}

#[test]
fn search_results_take_the_library_pane() {
    let mut app = app_on_samples(Settings::default());
    key(&mut app, KeyCode::Char('S'));
    for c in "قمة".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let text = screen(&mut app, 140, 30);
    assert!(text.contains("Search (1)"), "{text}");
    assert!(text.contains("S "), "{text}");
    key(&mut app, KeyCode::Esc);
    let text = screen(&mut app, 140, 30);
    assert!(text.contains("Library ("), "{text}");
}
