//! Entering and leaving the terminal's full-screen mode, including its bidi settings, and
//! restoring it on every way out (quit, error, panic).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};

use crate::config::BidiMode;

/// BDSM explicit (VTE, WezTerm): the terminal lays out cells as sent, no reordering.
const BIDI_EXPLICIT: &str = "\x1b[8l";
/// BDSM implicit: the terminal's default.
const BIDI_IMPLICIT: &str = "\x1b[8h";
/// mlterm's private switch for its own bidi and shaping ("ctl").
const MLTERM_CTL_OFF: &str = "\x1b]5379;use_ctl=false\x07";
const MLTERM_CTL_ON: &str = "\x1b]5379;use_ctl=true\x07";

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The sequences that tell the terminal to leave bidi to akhbar (app mode) or to do its own.
pub fn bidi_sequences(mode: BidiMode) -> String {
    match mode {
        BidiMode::App => format!("{BIDI_EXPLICIT}{MLTERM_CTL_OFF}"),
        BidiMode::Terminal | BidiMode::Off => format!("{BIDI_IMPLICIT}{MLTERM_CTL_ON}"),
    }
}

/// Switches the terminal into akhbar's mode. The bidi switch goes first: VTE applies it only
/// to rows created or erased after it, so it must precede the alternate screen.
pub fn enter(mode: BidiMode) -> io::Result<()> {
    let mut out = io::stdout();
    if mode == BidiMode::App {
        out.write_all(bidi_sequences(mode).as_bytes())?;
    }
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(out, EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
    install_panic_hook();
    Ok(())
}

/// Restores the terminal. Safe to call more than once and from a panic hook.
pub fn leave() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    // Errors are ignored: this runs on the way out, often after something already failed.
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.write_all(bidi_sequences(BidiMode::Terminal).as_bytes());
    let _ = out.flush();
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

/// Applies a bidi mode change at run time; the caller clears the screen afterwards so that
/// VTE stamps the new mode on every row.
pub fn apply_bidi_mode(mode: BidiMode) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(bidi_sequences(mode).as_bytes())?;
    out.flush()
}

/// Suspends like a shell job (Ctrl-Z): restores the terminal, stops the process, and on `fg`
/// takes the terminal back in `mode`. The caller redraws everything afterwards.
pub fn suspend(mode: BidiMode) -> io::Result<()> {
    leave();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mode)
}

/// Turns SIGTERM and SIGHUP into a call of `on_signal` on a watcher thread, so that the event
/// loop can quit through its normal path and restore the terminal.
pub fn watch_termination(on_signal: impl Fn() + Send + 'static) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            on_signal();
        }
    });
    Ok(())
}
