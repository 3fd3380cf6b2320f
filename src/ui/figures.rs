//! The folder-wide figures view (`F`): every figure in a sortable table and, for the selected
//! row's series (same label and unit), a bar chart of its value by year.

use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Clear, Widget};

use super::bidi_text::draw_right_aligned;
use crate::app::State;
use crate::app::state::FigureRow;
use crate::config::Settings;

/// Columns of the table: value, unit, year, then label, figure and article share the rest.
const VALUE: u16 = 12;
const UNIT: u16 = 7;
const YEAR: u16 = 6;

/// Draws the view over `area`; returns the table's rows area (for paging).
pub fn draw(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) -> Rect {
    Clear.render(area, buf);
    let figures = &state.figures;
    let title = format!(
        " Figures ({}) · sorted by {} · t sort · Enter open · Esc close ",
        figures.rows.len(),
        figures.sort.name()
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .title(title)
        .border_style(Style::new().fg(settings.theme.accent));
    let inner = block.inner(area);
    block.render(area, buf);
    if figures.loading || figures.rows.is_empty() {
        let message = if figures.loading {
            "collecting figures…"
        } else {
            "no figures yet: the folder is still being analysed"
        };
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            message,
            usize::from(inner.width),
            settings.theme.dimmed(),
        );
        return Rect { height: 0, ..inner };
    }
    let chart_height = if inner.height >= 20 { 10 } else { 0 };
    let [table, chart] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(chart_height)]).areas(inner);
    let rows = draw_table(buf, table, state, settings);
    if chart_height > 0
        && let Some(selected) = figures.rows.get(figures.selected)
    {
        draw_chart(buf, chart, &figures.rows, selected, state, settings);
    }
    rows
}

fn draw_table(buf: &mut Buffer, area: Rect, state: &State, settings: &Settings) -> Rect {
    // Six columns, a one-cell gap after each.
    let flexible = area.width.saturating_sub(VALUE + UNIT + YEAR + 6);
    let label_width = flexible * 2 / 5;
    let text_width = flexible / 4;
    let title_width = flexible.saturating_sub(label_width + text_width);
    let header = Style::new()
        .add_modifier(Modifier::BOLD)
        .fg(settings.theme.accent);
    let columns = [
        ("value", VALUE),
        ("unit", UNIT),
        ("year", YEAR),
        ("label", label_width),
        ("as written", text_width),
        ("article", title_width),
    ];
    let mut x = area.x;
    for (name, width) in columns {
        buf.set_stringn(x, area.y, name, usize::from(width), header);
        x += width + 1;
    }
    let rows_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let figures = &state.figures;
    for (i, row) in figures
        .rows
        .iter()
        .enumerate()
        .skip(figures.offset)
        .take(usize::from(rows_area.height))
    {
        let y = rows_area.y + (i - figures.offset) as u16;
        let line = Rect {
            y,
            height: 1,
            ..rows_area
        };
        let base = if i == figures.selected {
            settings.theme.selected()
        } else {
            Style::new()
        };
        if i == figures.selected {
            buf.set_style(line, base);
        }
        let value = format_value(row.value);
        let value_x = area.x + VALUE.saturating_sub(value.chars().count() as u16);
        buf.set_stringn(
            value_x,
            y,
            &value,
            usize::from(VALUE),
            base.fg(settings.theme.figure),
        );
        buf.set_stringn(area.x + VALUE + 1, y, &row.unit, usize::from(UNIT), base);
        let year = row.year.map(|y| y.to_string()).unwrap_or_default();
        buf.set_stringn(area.x + VALUE + UNIT + 2, y, &year, usize::from(YEAR), base);
        let mut x = area.x + VALUE + UNIT + YEAR + 3;
        for (text, width) in [
            (&row.label, label_width),
            (&row.text, text_width),
            (&row.title, title_width),
        ] {
            let cell = Rect {
                x,
                y,
                width,
                height: 1,
            };
            draw_cell(buf, cell, text, base, state, settings);
            x += width + 1;
        }
    }
    rows_area
}

/// Arabic (or any) text in a table cell, laid out by the bidi engine, right-aligned.
fn draw_cell(
    buf: &mut Buffer,
    cell: Rect,
    text: &str,
    style: Style,
    state: &State,
    settings: &Settings,
) {
    draw_right_aligned(buf, cell, text, style, settings, state.bidi_mode);
}

/// The series of the selected figure (same label and unit) by year: the largest value
/// reported for each year.
pub fn series_by_year(rows: &[FigureRow], selected: &FigureRow) -> BTreeMap<i32, f64> {
    let wanted = selected.series();
    let mut by_year: BTreeMap<i32, f64> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.series() == wanted) {
        if let Some(year) = row.year {
            let slot = by_year.entry(year).or_insert(row.value);
            *slot = slot.max(row.value);
        }
    }
    by_year
}

fn draw_chart(
    buf: &mut Buffer,
    area: Rect,
    rows: &[FigureRow],
    selected: &FigureRow,
    state: &State,
    settings: &Settings,
) {
    let by_year = series_by_year(rows, selected);
    let label = if selected.label.is_empty() {
        "—"
    } else {
        selected.label.as_str()
    };
    let heading = if selected.unit.is_empty() {
        format!("{label} by year")
    } else {
        format!("{label} ({}) by year", selected.unit)
    };
    draw_cell(
        buf,
        Rect { height: 1, ..area },
        &heading,
        Style::new().add_modifier(Modifier::BOLD),
        state,
        settings,
    );
    let chart_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    if by_year.is_empty() {
        buf.set_stringn(
            chart_area.x,
            chart_area.y,
            "no year known for this series",
            usize::from(chart_area.width),
            settings.theme.dimmed(),
        );
        return;
    }
    // Bars carry integers: scale so the largest bar keeps three significant digits.
    let max = by_year
        .values()
        .copied()
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let scale = 1000.0 / max;
    let bars: Vec<Bar> = by_year
        .iter()
        .map(|(year, value)| {
            Bar::default()
                .value((value * scale).round().max(0.0) as u64)
                .label(year.to_string())
                .text_value(format_value(*value))
                .style(Style::new().fg(settings.theme.figure))
        })
        .collect();
    let width = (chart_area.width / (by_year.len() as u16).max(1))
        .clamp(5, 12)
        .saturating_sub(1);
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1)
        .render(chart_area, buf);
}

/// 2.2e11 → "220 bn", 1e7 → "10 M", 45 → "45", 6.7 → "6.7".
pub fn format_value(value: f64) -> String {
    let (scaled, suffix) = if value.abs() >= 1e12 {
        (value / 1e12, " tn")
    } else if value.abs() >= 1e9 {
        (value / 1e9, " bn")
    } else if value.abs() >= 1e6 {
        (value / 1e6, " M")
    } else {
        (value, "")
    };
    let text = format!("{scaled:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_at_a_glance() {
        assert_eq!(format_value(2.2e11), "220 bn");
        assert_eq!(format_value(1e7), "10 M");
        assert_eq!(format_value(45.0), "45");
        assert_eq!(format_value(6.7), "6.7");
        assert_eq!(format_value(3.5e12), "3.5 tn");
    }
}
