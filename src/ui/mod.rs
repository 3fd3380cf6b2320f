//! Drawing: one function from state to a frame. No I/O and no analysis happen here; the
//! layout of the open article is cached in `Views` and rebuilt only when it changes.

pub mod bidi_text;
pub mod figures;
pub mod help;
pub mod library;
pub mod panel;
pub mod reader;
pub mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::app::{Pane, State};
use crate::config::{PaneOrder, Settings};

pub use reader::ReaderView;

/// Smallest terminal akhbar draws its panes in.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// Cached layouts that outlive one frame.
#[derive(Debug, Default)]
pub struct Views {
    pub reader: ReaderView,
}

/// Where each pane's content went in the last frame (for mouse hit-testing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub library: Option<Rect>,
    pub reader: Option<Rect>,
    pub panel: Option<Rect>,
    /// The figures table's rows, while the figures view is open.
    pub figures: Option<Rect>,
}

impl Areas {
    /// The pane under a screen position, with the row inside its content.
    pub fn hit(&self, column: u16, row: u16) -> Option<(Pane, u16)> {
        [
            (Pane::Library, self.library),
            (Pane::Reader, self.reader),
            (Pane::Panel, self.panel),
        ]
        .into_iter()
        .find_map(|(pane, area)| {
            let area = area?;
            let inside = column >= area.x
                && column < area.x + area.width
                && row >= area.y
                && row < area.y + area.height;
            inside.then(|| (pane, row - area.y))
        })
    }
}

/// Draws the whole interface and reports where the panes are.
pub fn draw(frame: &mut Frame, state: &State, settings: &Settings, views: &mut Views) -> Areas {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(buf, area);
        return Areas::default();
    }
    let [main, status_row] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut areas = draw_panes(buf, main, state, settings, views);
    if state.figures.active {
        areas = Areas {
            figures: Some(figures::draw(buf, main, state, settings)),
            ..Areas::default()
        };
    }
    status::draw(buf, status_row, state, settings);
    if state.show_help {
        help::draw(buf, main, settings);
    }
    areas
}

fn draw_too_small(buf: &mut Buffer, area: Rect) {
    Clear.render(area, buf);
    let message = "window too small";
    let lines: Vec<&str> = if usize::from(area.width) >= message.len() {
        vec![message]
    } else {
        vec!["window", "too", "small"]
    };
    for (i, line) in lines.iter().enumerate().take(usize::from(area.height)) {
        buf.set_stringn(
            area.x,
            area.y + i as u16,
            line,
            usize::from(area.width),
            Style::new().add_modifier(Modifier::BOLD),
        );
    }
}

/// Which panes fit: all three when wide, library and reader when medium, else the focused one.
fn visible_panes(width: u16, focus: Pane) -> Vec<Pane> {
    if width >= 100 {
        vec![Pane::Library, Pane::Reader, Pane::Panel]
    } else if width >= 60 {
        let second = if focus == Pane::Panel {
            Pane::Panel
        } else {
            Pane::Reader
        };
        vec![Pane::Library, second]
    } else {
        vec![focus]
    }
}

fn draw_panes(
    buf: &mut Buffer,
    area: Rect,
    state: &State,
    settings: &Settings,
    views: &mut Views,
) -> Areas {
    let panes = visible_panes(area.width, state.focus);
    let library_width = (area.width * 3 / 10).clamp(24, 56);
    let constraints: Vec<Constraint> = panes
        .iter()
        .map(|pane| match (pane, panes.len()) {
            (_, 1) => Constraint::Min(1),
            (Pane::Library, _) => Constraint::Length(library_width),
            (Pane::Panel, 3) => Constraint::Length(settings.panel_width.min(area.width / 3)),
            (Pane::Panel, _) => Constraint::Min(1),
            (Pane::Reader, _) => Constraint::Min(1),
        })
        .collect();
    let mut ordered: Vec<(Pane, Constraint)> = panes.into_iter().zip(constraints).collect();
    if settings.pane_order == PaneOrder::Rtl {
        ordered.reverse();
    }
    let rects = Layout::horizontal(ordered.iter().map(|(_, c)| *c)).split(area);
    let mut areas = Areas::default();
    for ((pane, _), rect) in ordered.iter().zip(rects.iter()) {
        let inner = draw_frame(buf, *rect, *pane, state, settings);
        match pane {
            Pane::Library => {
                let list = library::draw(buf, inner, state, settings);
                areas.library = Some(list);
            }
            Pane::Reader => {
                let text = Rect {
                    x: inner.x + 1,
                    width: inner.width.saturating_sub(2),
                    ..inner
                };
                match &state.reader.article {
                    Some(article) => {
                        let mode = state.bidi_mode;
                        views
                            .reader
                            .update(&state.reader, article, text.width, settings, mode);
                        let theme = &settings.theme;
                        reader::draw(buf, text, &views.reader, state.reader.scroll, theme);
                    }
                    None => views.reader.clear(),
                }
                areas.reader = Some(text);
            }
            Pane::Panel => {
                panel::draw(buf, inner, state, settings);
                areas.panel = Some(inner);
            }
        }
    }
    areas
}

/// Draws a pane's border and title; returns its inside.
fn draw_frame(
    buf: &mut Buffer,
    rect: Rect,
    pane: Pane,
    state: &State,
    settings: &Settings,
) -> Rect {
    let focused = state.focus == pane;
    let title = match pane {
        Pane::Library if state.search.active => {
            format!(" Search ({}) ", state.search.results.len())
        }
        Pane::Library => format!(" Library ({}) ", state.library.visible.len()),
        Pane::Reader => " Reader ".to_owned(),
        Pane::Panel => " Panel ".to_owned(),
    };
    let title_style = if focused {
        Style::new()
            .fg(settings.theme.accent)
            .add_modifier(Modifier::BOLD)
    } else {
        settings.theme.dimmed()
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(settings.theme.border(focused))
        .title(title)
        .title_style(title_style);
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}
