//! The side panel: titled sections of label/value items with one selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::bidi_text::{draw_line, options, single_line};
use crate::app::{Pane, State, panel};
use crate::config::Settings;
use crate::layout;

pub fn draw(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) {
    let mut y = area.y;
    let bottom = area.y + area.height;
    let mut index = 0;
    for section in panel::sections(state) {
        if y >= bottom {
            break;
        }
        let header = Style::new()
            .fg(settings.theme.accent)
            .add_modifier(Modifier::BOLD);
        buf.set_stringn(area.x, y, section.title, usize::from(area.width), header);
        y += 1;
        for item in &section.items {
            if y >= bottom {
                return;
            }
            let selected = state.focus == Pane::Panel && index == state.panel.selected;
            let base = if selected {
                settings.theme.selected()
            } else {
                Style::new()
            };
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            if selected {
                buf.set_style(row, base);
            }
            draw_item(buf, row, item, base, state, settings);
            y += 1;
            index += 1;
        }
        y += 1;
    }
}

fn draw_item(
    buf: &mut Buffer,
    row: Rect,
    item: &panel::Item,
    base: Style,
    state: &State,
    settings: &Settings,
) {
    let label_width = layout::text_width(&item.label) as u16 + 1;
    buf.set_stringn(
        row.x,
        row.y,
        &item.label,
        usize::from(row.width),
        base.patch(settings.theme.dimmed()),
    );
    let value_width = row.width.saturating_sub(label_width);
    let opts = options(settings, state.bidi_mode, usize::from(value_width), true);
    let mut value = single_line(&item.value, &opts, state.bidi_mode);
    // Values sit against the right edge whatever their direction.
    value.indent = usize::from(value_width).saturating_sub(value.width);
    draw_line(
        buf,
        Rect {
            x: row.x + label_width,
            width: value_width,
            ..row
        },
        &value,
        base,
        &|_| Style::new(),
    );
}
