//! The one adapter between the layout room and ratatui: visual lines → buffer cells.
//!
//! Widths come from the layout room's per-grapheme measure, never from `Line::width()`
//! (which counts a visual "لا" as one cell). In the `terminal` and `off` bidi modes text is
//! wrapped here in logical order and left for the terminal to display.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use crate::config::{BidiMode, Settings};
use crate::layout::{self, Direction, LayoutOptions, StyleSpan, VisualLine, VisualRun};

/// Layout options for the current mode and settings at `width`.
pub fn options(
    settings: &Settings,
    mode: BidiMode,
    width: usize,
    article_rtl: bool,
) -> LayoutOptions {
    LayoutOptions {
        width: width.max(1),
        shaping: settings.shaping && mode == BidiMode::App,
        ligatures: settings.ligatures,
        direction: settings.direction,
        article_rtl,
    }
}

/// Lays out one paragraph for the screen in the given mode.
pub fn lay_out(
    text: &str,
    opts: &LayoutOptions,
    mode: BidiMode,
    styles: &[StyleSpan],
) -> Vec<VisualLine> {
    match mode {
        BidiMode::App => layout::layout_paragraph(text, opts, styles),
        BidiMode::Terminal | BidiMode::Off => logical_lines(text, opts.width),
    }
}

/// One line of at most `width` cells: the start of `text`, with "…" marking a cut. RTL
/// lines keep their right alignment inside `width`.
pub fn single_line(text: &str, opts: &LayoutOptions, mode: BidiMode) -> VisualLine {
    let lines = lay_out(text, opts, mode, &[]);
    if lines.len() <= 1 {
        return lines.into_iter().next().unwrap_or_else(|| empty_line(opts));
    }
    let narrower = LayoutOptions {
        width: opts.width.saturating_sub(1).max(1),
        ..opts.clone()
    };
    let mut first = lay_out(text, &narrower, mode, &[])
        .into_iter()
        .next()
        .unwrap_or_else(|| empty_line(opts));
    let ellipsis = VisualRun {
        rtl: first.rtl,
        text: "…".into(),
        tag: None,
        width: 1,
        logical: 0..0,
    };
    if first.rtl {
        first.runs.insert(0, ellipsis);
        first.width += 1;
        first.indent = opts.width.saturating_sub(first.width);
    } else {
        first.runs.push(ellipsis);
        first.width += 1;
    }
    first
}

fn empty_line(opts: &LayoutOptions) -> VisualLine {
    VisualLine {
        rtl: opts.direction != Direction::Ltr && opts.article_rtl,
        indent: 0,
        width: 0,
        runs: Vec::new(),
        logical: 0..0,
    }
}

/// Draws `text` on one row of `area`, laid out in the current mode, against the right edge
/// whatever its direction, cut with "…" when too long (panel values, table cells, meta lines).
pub fn draw_right_aligned(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    style: Style,
    settings: &Settings,
    mode: BidiMode,
) {
    if area.width == 0 {
        return;
    }
    let opts = options(settings, mode, usize::from(area.width), true);
    let mut line = single_line(text, &opts, mode);
    line.indent = usize::from(area.width).saturating_sub(line.width);
    draw_line(buf, area, &line, style, &|_| Style::new());
}

/// Greedy word wrap in logical order (no reordering, no shaping), for terminals that do their
/// own bidi. Control and bidi-control characters are dropped.
pub fn logical_lines(text: &str, width: usize) -> Vec<VisualLine> {
    // Offsets below refer to the sanitized text; this mode never styles ranges.
    let text = &*layout::sanitize(text);
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    let mut start = 0;
    for (at, word) in text.split_word_bound_indices() {
        let word_width = layout::text_width(word);
        if current_width + word_width > width && current_width > 0 {
            lines.push(plain_line(std::mem::take(&mut current), start..at));
            current_width = 0;
            start = at;
            if word.trim().is_empty() {
                continue;
            }
        }
        for g in word.graphemes(true) {
            let w = layout::grapheme_width(g);
            if current_width + w > width && current_width > 0 {
                lines.push(plain_line(std::mem::take(&mut current), start..at));
                current_width = 0;
                start = at;
            }
            current.push_str(g);
            current_width += w;
        }
    }
    if current_width > 0 || lines.is_empty() {
        lines.push(plain_line(current, start..text.len()));
    }
    lines
}

fn plain_line(text: String, logical: std::ops::Range<usize>) -> VisualLine {
    let text = text.trim_end().to_owned();
    let width = layout::text_width(&text);
    VisualLine {
        rtl: false,
        indent: 0,
        width,
        runs: vec![VisualRun {
            rtl: false,
            text,
            tag: None,
            width,
            logical: logical.clone(),
        }],
        logical,
    }
}

/// Draws a visual line into `area`'s first row: its indent, then each run in its style
/// (`style_of` maps a run's tag; `base` is the style of untagged text). Never writes past
/// the area's right edge.
pub fn draw_line(
    buf: &mut Buffer,
    area: Rect,
    line: &VisualLine,
    base: Style,
    style_of: &dyn Fn(u32) -> Style,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let right = area.x.saturating_add(area.width);
    let mut x = area
        .x
        .saturating_add(u16::try_from(line.indent).unwrap_or(u16::MAX));
    for run in &line.runs {
        if x >= right {
            break;
        }
        let style = run.tag.map_or(base, |t| base.patch(style_of(t)));
        let room = usize::from(right - x);
        buf.set_stringn(x, area.y, &run.text, room, style);
        x = x.saturating_add(u16::try_from(run.width).unwrap_or(u16::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_wrap_keeps_order_and_width() {
        let lines = logical_lines("زار بوتين مدينة هاربين في الصين", 12);
        let texts: Vec<String> = lines.iter().map(|l| l.runs[0].text.clone()).collect();
        assert_eq!(texts.join(" "), "زار بوتين مدينة هاربين في الصين");
        assert!(lines.iter().all(|l| l.width <= 12));
    }

    #[test]
    fn logical_wrap_drops_controls() {
        let lines = logical_lines("a\u{1b}[2Jb\u{202e}c", 40);
        assert_eq!(lines[0].runs[0].text, "a[2Jbc");
    }
}
