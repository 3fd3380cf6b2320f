//! The side panel: titled sections of items (key figures, people, places, organisations,
//! other, the article's facts) with one selection, scrolled to keep it in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::bidi_text::draw_right_aligned;
use crate::app::{Pane, State, panel};
use crate::config::Settings;
use crate::layout;

/// One screen row of the panel.
enum Row<'a> {
    Header(&'static str),
    Item { item: &'a panel::Item, index: usize },
    Detail { text: &'a str, index: usize },
    Blank,
}

pub fn draw(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) {
    let sections = panel::sections(state);
    let rows = rows_of(&sections);
    let focused = state.focus == Pane::Panel;
    let selected_row = rows
        .iter()
        .position(|r| matches!(r, Row::Item { index, .. } if *index == state.panel.selected))
        .unwrap_or(0);
    let height = usize::from(area.height);
    // Keep the selection (and its detail line) on screen, a third of the way down.
    let offset = if selected_row + 2 > height {
        (selected_row + 2).saturating_sub(height * 2 / 3)
    } else {
        0
    };
    for (i, row) in rows.iter().skip(offset).take(height).enumerate() {
        let rect = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        let is_selected = |index: &usize| focused && *index == state.panel.selected;
        match row {
            Row::Header(title) => {
                let header = Style::new()
                    .fg(settings.theme.accent)
                    .add_modifier(Modifier::BOLD);
                buf.set_stringn(rect.x, rect.y, title, usize::from(rect.width), header);
            }
            Row::Item { item, index } => {
                let base = row_base(buf, rect, is_selected(index), settings);
                draw_item(buf, rect, item, base, state, settings);
            }
            Row::Detail { text, index } => {
                let base = row_base(buf, rect, is_selected(index), settings);
                draw_value(
                    buf,
                    rect,
                    text,
                    base.patch(settings.theme.dimmed()),
                    state,
                    settings,
                );
            }
            Row::Blank => {}
        }
    }
}

fn rows_of(sections: &[panel::Section]) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    let mut index = 0;
    for section in sections {
        rows.push(Row::Header(section.title));
        for item in &section.items {
            rows.push(Row::Item { item, index });
            if let Some(detail) = &item.detail {
                rows.push(Row::Detail {
                    text: detail,
                    index,
                });
            }
            index += 1;
        }
        rows.push(Row::Blank);
    }
    rows
}

fn draw_item(
    buf: &mut Buffer,
    row: Rect,
    item: &panel::Item,
    base: Style,
    state: &State,
    settings: &Settings,
) {
    let label_width = (layout::text_width(&item.label) as u16 + 1).min(row.width);
    buf.set_stringn(
        row.x,
        row.y,
        &item.label,
        usize::from(row.width),
        base.patch(settings.theme.dimmed()),
    );
    let value_area = Rect {
        x: row.x + label_width,
        width: row.width - label_width,
        ..row
    };
    let style = match item.target {
        Some(panel::Target::Figure(_)) => base.fg(settings.theme.figure),
        Some(panel::Target::Entity(_)) => base.add_modifier(Modifier::BOLD),
        None => base,
    };
    draw_value(buf, value_area, &item.value, style, state, settings);
}

/// A value laid out by the bidi engine against the right edge, cut with "…" if too long.
fn draw_value(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    style: Style,
    state: &State,
    settings: &Settings,
) {
    draw_right_aligned(buf, area, text, style, settings, state.bidi_mode);
}

/// The base style of a row, with the selection colour painted across it when selected.
fn row_base(buf: &mut Buffer, row: Rect, selected: bool, settings: &Settings) -> Style {
    if !selected {
        return Style::new();
    }
    let base = settings.theme.selected();
    buf.set_style(row, base);
    base
}
