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

/// The spans falling in block `[start, end)`, made local to it.
fn block_spans(spans: &[(Range<usize>, u32)], start: usize, end: usize) -> Vec<StyleSpan> {
    spans
        .iter()
        .filter(|(r, _)| r.start < end && r.end > start)
        .map(|(r, tag)| StyleSpan {
            range: r.start.max(start) - start..r.end.min(end) - start,
            tag: *tag,
        })
        .collect()
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
    let mut lines = Vec::new();
    for (i, text) in blocks.iter().enumerate() {
        if i > 0 {
            lines.push(ReaderLine {
                line: None,
                is_title: false,
                block: i,
            });
        }
        let start = starts.get(i).copied().unwrap_or(0);
        let styles = block_spans(spans, start, start + text.len());
        lines.extend(
            lay_out(text, &opts, mode, &styles)
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
