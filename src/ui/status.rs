//! The status line: article n/m, bidi mode, skipped count, progress, key hints, messages.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{Command, State};
use crate::config::Settings;
use crate::text::printable;

pub fn draw(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) {
    let text = status_text(state, settings);
    buf.set_stringn(
        area.x,
        area.y,
        &text,
        usize::from(area.width),
        Style::new().patch(settings.theme.dimmed()),
    );
}

/// The status line's text (plain, for tests too).
pub fn status_text(state: &State, settings: &Settings) -> String {
    let mut parts = Vec::new();
    if let Some(progress) = state.loading {
        parts.push(format!(
            "indexing {} / {}",
            thousands(progress.done),
            thousands(progress.total)
        ));
    }
    if let Some(progress) = state.analysing {
        parts.push(format!(
            "analysing {} / {}",
            thousands(progress.done),
            thousands(progress.total)
        ));
    }
    if state.reader.analysis_pending() {
        parts.push("analysing the article".to_owned());
    }
    if let Some((n, m)) = state.article_position() {
        parts.push(format!("article {n}/{m}"));
    } else {
        parts.push(format!(
            "{} articles",
            thousands(state.library.visible.len())
        ));
    }
    parts.push(format!("bidi: {}", state.bidi_mode.name()));
    if !state.library.skipped.is_empty() {
        parts.push(format!(
            "{} skipped",
            thousands(state.library.skipped.len())
        ));
    }
    if let Some(message) = &state.message {
        parts.push(printable(message).into_owned());
    }
    let hint = |command: Command, what: &str| {
        settings
            .keymap
            .keys_for(command)
            .first()
            .map(|k| format!("{k} {what}"))
    };
    let hints: Vec<String> = [
        hint(Command::Help, "help"),
        hint(Command::Filter, "filter"),
        hint(Command::Search, "search"),
        hint(Command::Quit, "quit"),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.push(hints.join("  "));
    format!(" {}", parts.join(" │ "))
}

/// 9697 → "9,697".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(9697), "9,697");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
