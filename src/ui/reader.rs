//! The reader pane: the open article laid out for the screen with its highlights, scrolled.

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::bidi_text::{draw_line, lay_out, options};
use crate::analyze::Analysis;
use crate::analyze::entities::EntityKind;
use crate::app::state::{ArticleKey, ReaderState};
use crate::config::{BidiMode, Settings, Theme};
use crate::layout::{self, StyleSpan, VisualLine};
use crate::model::Article;

/// Highlight tags carried through layout (later spans win, so they are listed low to high).
pub mod tag {
    pub const PERSON: u32 = 1;
    pub const PLACE: u32 = 2;
    pub const ORGANISATION: u32 = 3;
    pub const OTHER: u32 = 4;
    pub const FIGURE: u32 = 5;
    pub const HIT: u32 = 6;
    pub const EMPHASIS: u32 = 7;
}

/// The style of a highlight tag in the theme.
pub fn tag_style(theme: &Theme, tag: u32) -> Style {
    match tag {
        tag::PERSON => Style::new().fg(theme.person),
        tag::PLACE => Style::new().fg(theme.place),
        tag::ORGANISATION => Style::new().fg(theme.organisation),
        tag::OTHER => Style::new().fg(theme.other),
        tag::FIGURE => Style::new().fg(theme.figure).add_modifier(Modifier::BOLD),
        tag::HIT => Style::new()
            .fg(ratatui::style::Color::Black)
            .bg(theme.search_hit),
        tag::EMPHASIS => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        _ => Style::new(),
    }
}

fn entity_tag(kind: EntityKind) -> u32 {
    match kind {
        EntityKind::Person => tag::PERSON,
        EntityKind::Location => tag::PLACE,
        EntityKind::Organization => tag::ORGANISATION,
        EntityKind::Misc => tag::OTHER,
    }
}

/// One screen line of the laid-out article.
#[derive(Debug, Clone)]
pub struct ReaderLine {
    pub line: Option<VisualLine>,
    pub is_title: bool,
    /// 0 for the title, then 1.. for the paragraphs.
    pub block: usize,
}

/// An article laid out at one width and mode with one set of highlights. Rebuilt only when
/// one of those changes.
#[derive(Debug, Clone, Default)]
pub struct ReaderView {
    key: Option<(ArticleKey, u16, BidiMode, u64)>,
    pub lines: Vec<ReaderLine>,
    /// Byte offset in `Article::text()` where each block (title, paragraphs) starts.
    block_starts: Vec<usize>,
}

impl ReaderView {
    /// Lays the open article out for a text area `width` cells wide, reusing the last result
    /// when nothing changed.
    pub fn update(
        &mut self,
        reader: &ReaderState,
        article: &Arc<Article>,
        width: u16,
        settings: &Settings,
        mode: BidiMode,
    ) {
        let spans = highlight_spans(reader);
        let key = (
            ArticleKey::of(article),
            width,
            mode,
            spans_fingerprint(&spans),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.block_starts = block_starts(article);
        self.lines = lay_out_article(
            article,
            &spans,
            &self.block_starts,
            usize::from(width),
            settings,
            mode,
        );
        self.key = Some(key);
    }

    pub fn clear(&mut self) {
        self.key = None;
        self.lines.clear();
        self.block_starts.clear();
    }

    /// The laid-out line showing a byte offset of `Article::text()`.
    pub fn line_of(&self, offset: usize) -> Option<usize> {
        let block = self
            .block_starts
            .partition_point(|&s| s <= offset)
            .checked_sub(1)?;
        let local = offset - self.block_starts[block];
        let mut last_of_block = None;
        for (i, line) in self.lines.iter().enumerate() {
            if line.block != block {
                continue;
            }
            let Some(visual) = &line.line else { continue };
            if visual.logical.contains(&local) || visual.logical.start >= local {
                return Some(i);
            }
            last_of_block = Some(i);
        }
        last_of_block
    }
}

/// Start of every block (title, paragraphs) in `Article::text()`.
fn block_starts(article: &Article) -> Vec<usize> {
    let mut starts = vec![0];
    let mut at = article.title.len();
    for paragraph in &article.paragraphs {
        at += 1;
        starts.push(at);
        at += paragraph.len();
    }
    starts
}

/// Every highlight of the open article as (range in `Article::text()`, tag), low priority
/// first: entities, figures, search hits, then the emphasised selection.
fn highlight_spans(reader: &ReaderState) -> Vec<(Range<usize>, u32)> {
    let mut spans = Vec::new();
    if let Some(analysis) = reader.analysis.as_deref() {
        spans.extend(analysis_spans(analysis));
    }
    let tag = if reader.marks_are_hits {
        tag::HIT
    } else {
        tag::EMPHASIS
    };
    spans.extend(reader.marks.iter().map(|r| (r.clone(), tag)));
    spans
}

fn analysis_spans(analysis: &Analysis) -> impl Iterator<Item = (Range<usize>, u32)> + '_ {
    let entities = analysis.entities.iter().flat_map(|e| {
        e.mentions
            .iter()
            .map(move |m| (m.range.clone(), entity_tag(e.kind)))
    });
    let figures = analysis
        .figures
        .iter()
        .map(|f| (f.range.clone(), tag::FIGURE));
    entities.chain(figures)
}

fn spans_fingerprint(spans: &[(Range<usize>, u32)]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    spans.hash(&mut hasher);
    hasher.finish()
}

/// The spans falling in each block (`blocks`: their ranges in `Article::text()`, in order),
/// made local to it, in their order: each span is placed by binary search, so thousands of
/// paragraphs with thousands of highlights cost no more than their number.
fn spans_per_block(spans: &[(Range<usize>, u32)], blocks: &[Range<usize>]) -> Vec<Vec<StyleSpan>> {
    let mut per_block: Vec<Vec<StyleSpan>> = vec![Vec::new(); blocks.len()];
    for (r, tag) in spans {
        let first = blocks.partition_point(|b| b.end <= r.start);
        for (block, list) in blocks.iter().zip(per_block.iter_mut()).skip(first) {
            // Past `first`, every block ends after the span starts; it overlaps the span
            // until one starts at or after its end.
            if block.start >= r.end {
                break;
            }
            list.push(StyleSpan {
                range: r.start.max(block.start) - block.start..r.end.min(block.end) - block.start,
                tag: *tag,
            });
        }
    }
    per_block
}

/// Title, a blank line, then each paragraph followed by a blank line.
fn lay_out_article(
    article: &Article,
    spans: &[(Range<usize>, u32)],
    starts: &[usize],
    width: usize,
    settings: &Settings,
    mode: BidiMode,
) -> Vec<ReaderLine> {
    let mut blocks = vec![article.title.as_str()];
    blocks.extend(article.paragraphs.iter().map(String::as_str));
    let opts = options(settings, mode, width, layout::article_is_rtl(&blocks));
    let ranges: Vec<Range<usize>> = blocks
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let start = starts.get(i).copied().unwrap_or(0);
            start..start + text.len()
        })
        .collect();
    let styles = spans_per_block(spans, &ranges);
    let mut lines = Vec::new();
    for (i, text) in blocks.iter().enumerate() {
        if i > 0 {
            lines.push(ReaderLine {
                line: None,
                is_title: false,
                block: i,
            });
        }
        lines.extend(
            lay_out(text, &opts, mode, &styles[i])
                .into_iter()
                .map(|line| ReaderLine {
                    line: Some(line),
                    is_title: i == 0,
                    block: i,
                }),
        );
    }
    lines
}

/// Draws the visible slice of the view into `area`.
pub fn draw(buf: &mut Buffer, area: Rect, view: &ReaderView, scroll: usize, theme: &Theme) {
    let title_style = Style::new().add_modifier(Modifier::BOLD);
    for (row, line) in view
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let Some(visual) = &line.line else { continue };
        let y = area.y + row as u16;
        let style = if line.is_title {
            title_style
        } else {
            Style::new()
        };
        draw_line(
            buf,
            Rect {
                y,
                height: 1,
                ..area
            },
            visual,
            style,
            &|t| tag_style(theme, t),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_cut_to_each_block_in_their_order() {
        // Blocks "title" 0..5, "para one" 6..14, "two" 15..18 (a newline between each).
        let blocks = [0..5, 6..14, 15..18];
        let spans = [
            (3..8, 1),   // the title's end and the first paragraph's start
            (7..9, 2),   // inside the first paragraph
            (6..14, 3),  // all of it, later: drawn over the others
            (14..15, 4), // only the newline between blocks
            (0..18, 5),  // everything
        ];
        let local = |b: &Vec<StyleSpan>| -> Vec<(Range<usize>, u32)> {
            b.iter().map(|s| (s.range.clone(), s.tag)).collect()
        };
        let per_block = spans_per_block(&spans, &blocks);
        assert_eq!(local(&per_block[0]), [(3..5, 1), (0..5, 5)]);
        assert_eq!(
            local(&per_block[1]),
            [(0..2, 1), (1..3, 2), (0..8, 3), (0..8, 5)]
        );
        assert_eq!(local(&per_block[2]), [(0..3, 5)]);
    }
}
