//! Analysis of an article's logical text: named entities and key figures.
//!
//! `Analysis::of` runs both on `Article::text()` (title and paragraphs joined with "\n");
//! every range in the result is a byte range into that text.

pub mod entities;
pub mod figures;

use serde::{Deserialize, Serialize};

use crate::model::Article;
use entities::{Entity, Recognizer};
use figures::{EntityRef, Figure};

/// The text with every line that has no Arabic letter blanked out (same byte length, so
/// offsets still match): the recognizer is trained on Arabic and must not read English
/// paragraphs as strings of names.
fn arabic_only(text: &str) -> std::borrow::Cow<'_, str> {
    let is_arabic = |c: char| matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}');
    if text.split('\n').all(|line| line.chars().any(is_arabic)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            if line.chars().any(is_arabic) {
                line.to_owned()
            } else {
                " ".repeat(line.len())
            }
        })
        .collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

/// Bumped whenever the output of the analysis changes, so cached results are recomputed.
pub const ANALYZER_VERSION: u32 = 46;

/// Everything the panel and the highlights need about one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
}

impl Analysis {
    /// Recognizes entities (when a recognizer is given) and extracts figures, passing the
    /// entity mentions to the figure extractor so figures know who and where they concern.
    pub fn of(article: &Article, recognizer: Option<&Recognizer>) -> Analysis {
        let text = article.text();
        let entities = recognizer
            .map(|r| r.entities(&arabic_only(&text)))
            .unwrap_or_default();
        let refs: Vec<EntityRef<'_>> = entities
            .iter()
            .flat_map(|e| {
                e.mentions.iter().map(move |m| EntityRef {
                    range: m.range.clone(),
                    name: &e.name,
                })
            })
            .collect();
        let year = article.date.map(|d| d.year).filter(|&y| y > 0);
        let figures = figures::extract(&text, year, &refs);
        Analysis { entities, figures }
    }

    /// Figures for the panel: the key ones ranked; when an article has none, its best three.
    pub fn panel_figures(&self) -> Vec<usize> {
        let mut ranked: Vec<usize> = (0..self.figures.len())
            .filter(|&i| !matches!(self.figures[i].kind, figures::FigureKind::Date))
            .collect();
        ranked.sort_by(|&a, &b| {
            self.figures[b]
                .score
                .total_cmp(&self.figures[a].score)
                .then(a.cmp(&b))
        });
        let key: Vec<usize> = ranked
            .iter()
            .copied()
            .filter(|&i| self.figures[i].key)
            .collect();
        if key.is_empty() {
            ranked.into_iter().take(3).collect()
        } else {
            key
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lines_are_blanked_for_the_recognizer() {
        let text = "عنوان عربي\nThe World Bank said\nزار بوتين بكين";
        let masked = arabic_only(text);
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("World"));
        assert!(masked.contains("بوتين"));
        assert!(matches!(arabic_only("أ\nب"), std::borrow::Cow::Borrowed(_)));
    }
}
