//! The reader pane: the open article laid out for the screen, scrolled.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::bidi_text::{draw_line, lay_out, options};
use crate::app::state::ArticleKey;
use crate::config::{BidiMode, Settings};
use crate::layout::{self, VisualLine};
use crate::model::Article;

/// One screen line of the laid-out article.
#[derive(Debug, Clone)]
pub struct ReaderLine {
    pub line: Option<VisualLine>,
    pub is_title: bool,
}

/// An article laid out at one width and mode. Rebuilt only when one of those changes.
#[derive(Debug, Clone, Default)]
pub struct ReaderView {
    key: Option<(ArticleKey, u16, BidiMode)>,
    pub lines: Vec<ReaderLine>,
}

impl ReaderView {
    /// Lays `article` out for a text area `width` cells wide, reusing the last result when
    /// nothing changed.
    pub fn update(
        &mut self,
        article: &Arc<Article>,
        width: u16,
        settings: &Settings,
        mode: BidiMode,
    ) {
        let key = (ArticleKey::of(article), width, mode);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.lines = lay_out_article(article, usize::from(width), settings, mode);
        self.key = Some(key);
    }

    pub fn clear(&mut self) {
        self.key = None;
        self.lines.clear();
    }
}

/// Title, a blank line, then each paragraph followed by a blank line.
pub fn lay_out_article(
    article: &Article,
    width: usize,
    settings: &Settings,
    mode: BidiMode,
) -> Vec<ReaderLine> {
    let paragraphs: Vec<&str> = article.paragraphs.iter().map(String::as_str).collect();
    let mut all = vec![article.title.as_str()];
    all.extend(&paragraphs);
    let opts = options(settings, mode, width, layout::article_is_rtl(&all));
    let mut lines = Vec::new();
    for (i, text) in all.iter().enumerate() {
        if i > 0 {
            lines.push(ReaderLine {
                line: None,
                is_title: false,
            });
        }
        lines.extend(
            lay_out(text, &opts, mode, &[])
                .into_iter()
                .map(|line| ReaderLine {
                    line: Some(line),
                    is_title: i == 0,
                }),
        );
    }
    lines
}

/// Draws the visible slice of the view into `area`.
pub fn draw(buf: &mut Buffer, area: Rect, view: &ReaderView, scroll: usize) {
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
            &|_| Style::new(),
        );
    }
}
