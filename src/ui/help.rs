//! The help overlay, generated from the keymap in force (so rebinding shows up here).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::app::Command;
use crate::config::Settings;

/// `(keys, description)` rows for every command.
pub fn rows(settings: &Settings) -> Vec<(String, &'static str)> {
    Command::ALL
        .iter()
        .map(|&command| {
            let keys: Vec<String> = settings
                .keymap
                .keys_for(command)
                .iter()
                .map(ToString::to_string)
                .collect();
            let keys = if keys.is_empty() {
                "(unbound)".to_owned()
            } else {
                keys.join(", ")
            };
            (keys, command.describe())
        })
        .collect()
}

pub fn draw(buf: &mut Buffer, area: Rect, settings: &Settings) {
    let rows = rows(settings);
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0) as u16;
    let text_width = rows.iter().map(|(_, d)| d.len()).max().unwrap_or(0) as u16;
    let width = (key_width + text_width + 5).min(area.width);
    let height = (rows.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Keys (? or Esc to close) ")
        .border_style(Style::new().fg(settings.theme.accent));
    let inner = block.inner(popup);
    block.render(popup, buf);
    for (i, (keys, description)) in rows.iter().enumerate().take(usize::from(inner.height)) {
        let y = inner.y + i as u16;
        buf.set_stringn(
            inner.x + 1,
            y,
            keys,
            usize::from(key_width),
            Style::new().add_modifier(Modifier::BOLD),
        );
        let x = inner.x + key_width + 3;
        buf.set_stringn(
            x,
            y,
            description,
            usize::from(inner.width.saturating_sub(key_width + 3)),
            Style::new(),
        );
    }
}
