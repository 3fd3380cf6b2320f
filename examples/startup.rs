//! Measures how long akhbar takes from start to the first frame with the list visible, on a
//! folder given as the first argument, using the real indexer and a TestBackend screen.
//!
//! `cargo run --release --example startup -- FOLDER` (set AKHBAR_DATA_DIR to choose between a
//! cold start — an empty data dir — and a warm one).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use akhbar::app::recognizer::SharedRecognizer;
use akhbar::app::run::{App, Event, spawn_indexer};
use akhbar::config::Settings;
use akhbar::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> anyhow::Result<()> {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("usage: startup FOLDER"))?,
    );
    let started = Instant::now();
    // As `run` does: the recognizer loads on its own thread while the folder is listed.
    let recognizer = SharedRecognizer::load_in_background(akhbar::headless::recognizer, |_| {});
    let mut app = App::new(folder.clone(), Settings::default())
        .with_store(Store::open_default()?)
        .with_shared_recognizer(recognizer);
    let (tx, rx) = mpsc::channel();
    app.start_writer(tx.clone());
    spawn_indexer(folder, tx, Arc::new(AtomicBool::new(false)));
    let mut terminal = Terminal::new(TestBackend::new(160, 45))?;
    let mut first_list = None;
    loop {
        let event = rx.recv_timeout(Duration::from_secs(120))?;
        let done = matches!(event, Event::Index(akhbar::store::IndexEvent::Done(_)));
        if std::env::var_os("STARTUP_TRACE").is_some() {
            let what = match &event {
                Event::Index(akhbar::store::IndexEvent::Cached(e)) => format!("cached {}", e.len()),
                Event::Index(akhbar::store::IndexEvent::Batch { added, .. }) => {
                    format!("batch {}", added.len())
                }
                Event::Index(akhbar::store::IndexEvent::Progress { done, .. }) => {
                    format!("progress {done}")
                }
                _ => "other".to_owned(),
            };
            eprintln!(
                "{:>6.1} ms {what}",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        app.handle(event);
        if first_list.is_none() && !app.state.library.visible.is_empty() {
            app.draw(&mut terminal)?;
            first_list = Some(started.elapsed());
        }
        if done {
            break;
        }
    }
    let indexed = started.elapsed();
    println!(
        "first frame with the list: {:.0} ms; index complete: {:.0} ms; {} articles",
        first_list.unwrap_or_default().as_secs_f64() * 1000.0,
        indexed.as_secs_f64() * 1000.0,
        app.state.library.entries.len()
    );
    Ok(())
}
