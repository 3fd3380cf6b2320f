//! The library pane: titles laid out by the same engine, right-aligned, with date, source and
//! an unread mark; the filter line on top when a filter is set.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::bidi_text::{draw_line, draw_right_aligned, options, single_line};
use crate::app::State;
use crate::app::update::ROWS_PER_ENTRY;
use crate::config::Settings;
use crate::text::printable;

/// Draws the filter line (if any) and the visible entries.
pub fn draw(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) -> Rect {
    if state.search.active {
        return draw_search(buf, area, state, settings);
    }
    let mut list_area = area;
    if state.filter.editing || !state.filter.query.is_empty() {
        draw_filter_line(buf, Rect { height: 1, ..area }, state, settings);
        list_area.y += 1;
        list_area.height = list_area.height.saturating_sub(1);
    }
    if state.library.visible.is_empty() {
        let message = if state.loading.is_some() {
            "loading…"
        } else if state.library.entries.is_empty() {
            "no articles in this folder"
        } else {
            "no title matches the filter"
        };
        buf.set_stringn(
            list_area.x + 1,
            list_area.y,
            message,
            usize::from(list_area.width),
            settings.theme.dimmed(),
        );
        return list_area;
    }
    let lib = &state.library;
    let rows = usize::from(list_area.height / ROWS_PER_ENTRY);
    for (row, position) in (lib.offset..lib.visible.len()).take(rows).enumerate() {
        let Some(entry) = lib.visible.get(position).and_then(|&i| lib.entries.get(i)) else {
            break;
        };
        let (entry_area, base) =
            entry_slot(buf, list_area, row, position == lib.selected, settings);
        draw_entry(buf, entry_area, entry, base, state, settings);
    }
    list_area
}

fn draw_entry(
    buf: &mut Buffer,
    area: Rect,
    entry: &crate::app::state::ListEntry,
    base: Style,
    state: &State,
    settings: &Settings,
) {
    // One column for the unread mark on the right edge (where an RTL line starts).
    let text_width = area.width.saturating_sub(2);
    let opts = options(settings, state.bidi_mode, usize::from(text_width), true);
    let title_style = if entry.read {
        base
    } else {
        base.add_modifier(Modifier::BOLD)
    };
    let title = single_line(&entry.title, &opts, state.bidi_mode);
    draw_line(
        buf,
        Rect {
            x: area.x,
            width: text_width,
            height: 1,
            ..area
        },
        &title,
        title_style,
        &|_| Style::new(),
    );
    let mark_x = area.x + area.width.saturating_sub(1);
    if !entry.read {
        buf.set_string(mark_x, area.y, "•", base.fg(settings.theme.unread));
    }
    if entry.bookmarked {
        buf.set_string(mark_x, area.y + 1, "★", base.fg(settings.theme.figure));
    }
    let mut meta = Vec::new();
    if let Some(date) = entry.date {
        meta.push(date.to_string());
    }
    if let Some(source) = &entry.source {
        meta.push(printable(source).into_owned());
    }
    if meta.is_empty() {
        // Undated, sourceless files are known by their name.
        let name = entry
            .key
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        meta.push(printable(&name).into_owned());
    }
    // Date and source sit under the title's start, on the right, whatever their direction.
    let meta_area = Rect {
        x: area.x,
        y: area.y + 1,
        width: text_width,
        height: 1,
    };
    let dim = base.patch(settings.theme.dimmed());
    draw_right_aligned(
        buf,
        meta_area,
        &meta.join(" · "),
        dim,
        settings,
        state.bidi_mode,
    );
}

fn draw_filter_line(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) {
    draw_query_line(
        buf,
        area,
        "/ ",
        &state.filter.query,
        state.filter.editing,
        state,
        settings,
    );
}

/// The search (or "other articles") results in place of the list: a query line, then each
/// result's title and snippet.
fn draw_search(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) -> Rect {
    let search = &state.search;
    let header_area = Rect { height: 1, ..area };
    if search.entity.is_some() {
        let text = format!("{} — {} articles", search.title, search.results.len());
        let opts = options(
            settings,
            state.bidi_mode,
            usize::from(area.width.saturating_sub(1)),
            true,
        );
        let line = single_line(&text, &opts, state.bidi_mode);
        draw_line(
            buf,
            header_area,
            &line,
            Style::new().fg(settings.theme.accent),
            &|_| Style::new(),
        );
    } else {
        draw_query_line(
            buf,
            header_area,
            "S ",
            &search.query,
            search.editing,
            state,
            settings,
        );
    }
    let list_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    if let Some(error) = &search.error {
        buf.set_stringn(
            list_area.x + 1,
            list_area.y,
            printable(error),
            usize::from(list_area.width.saturating_sub(1)),
            settings.theme.dimmed(),
        );
        return list_area;
    }
    let rows = usize::from(list_area.height / ROWS_PER_ENTRY);
    let text_width = list_area.width.saturating_sub(2);
    let opts = options(settings, state.bidi_mode, usize::from(text_width), true);
    for (row, (position, result)) in search
        .results
        .iter()
        .enumerate()
        .skip(search.offset)
        .take(rows)
        .enumerate()
    {
        let (entry_area, base) =
            entry_slot(buf, list_area, row, position == search.selected, settings);
        let y = entry_area.y;
        let title = single_line(&result.title, &opts, state.bidi_mode);
        draw_line(
            buf,
            Rect {
                width: text_width,
                height: 1,
                ..entry_area
            },
            &title,
            base.add_modifier(Modifier::BOLD),
            &|_| Style::new(),
        );
        let second = match result.count {
            Some(count) => format!("{count}× · {}", result.snippet),
            None => result.snippet.clone(),
        };
        let snippet_area = Rect {
            y: y + 1,
            width: text_width,
            height: 1,
            ..entry_area
        };
        let dim = base.patch(settings.theme.dimmed());
        draw_right_aligned(buf, snippet_area, &second, dim, settings, state.bidi_mode);
    }
    list_area
}

/// A prompt and the query typed after it, with a cursor while typing.
fn draw_query_line(
    buf: &mut Buffer,
    area: Rect,
    prompt: &str,
    query: &str,
    editing: bool,
    state: &State,
    settings: &Settings,
) {
    buf.set_string(
        area.x,
        area.y,
        prompt,
        Style::new().fg(settings.theme.accent),
    );
    let width = area.width.saturating_sub(3);
    let opts = options(settings, state.bidi_mode, usize::from(width), false);
    let mut line = single_line(query, &opts, state.bidi_mode);
    line.indent = 0; // the query reads from the prompt
    let query_area = Rect {
        x: area.x + 2,
        width,
        ..area
    };
    draw_line(buf, query_area, &line, Style::new(), &|_| Style::new());
    if editing {
        let cursor_x = (area.x + 2 + line.width as u16).min(area.x + area.width.saturating_sub(1));
        buf.set_string(
            cursor_x,
            area.y,
            "▏",
            Style::new().fg(settings.theme.accent),
        );
    }
}

/// The rows of the `row`-th entry on screen and its base style (the selection colour, painted
/// across both rows, when selected).
fn entry_slot(
    buf: &mut Buffer,
    list_area: Rect,
    row: usize,
    selected: bool,
    settings: &Settings,
) -> (Rect, Style) {
    let y = list_area.y + (row as u16) * ROWS_PER_ENTRY;
    let area = Rect {
        y,
        height: ROWS_PER_ENTRY,
        ..list_area
    };
    if !selected {
        return (area, Style::new());
    }
    let base = settings.theme.selected();
    buf.set_style(area, base);
    (area, base)
}
