//! The side panel's content, derived from the open article and its analysis: sections of
//! items with one selection across them. Items that point into the text carry a target.

use std::ops::Range;

use super::state::State;
use crate::analyze::Analysis;
use crate::analyze::entities::EntityKind;
use crate::model::Article;
use crate::text::printable;

/// What a panel item points at in the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Entity(usize),
    Figure(usize),
}

/// One panel entry: a short label (left), a value (right) and an optional second line.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub label: String,
    pub value: String,
    pub detail: Option<String>,
    pub target: Option<Target>,
}

/// A titled group of items.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: &'static str,
    pub items: Vec<Item>,
}

/// The panel's sections for the current state (empty when no article is open).
pub fn sections(state: &State) -> Vec<Section> {
    let Some(article) = state.reader.article.as_deref() else {
        return Vec::new();
    };
    let mut sections = Vec::new();
    if let Some(analysis) = state.reader.analysis.as_deref() {
        sections.extend(figure_section(analysis));
        sections.extend(entity_sections(analysis));
    }
    sections.push(facts(article));
    sections
}

/// The selectable items in order (the panel's selection indexes this).
pub fn items(state: &State) -> Vec<Item> {
    sections(state).into_iter().flat_map(|s| s.items).collect()
}

/// Total selectable items across sections.
pub fn item_count(state: &State) -> usize {
    items(state).len()
}

/// The byte ranges (in `Article::text()`) a target covers, in text order.
pub fn target_ranges(analysis: &Analysis, target: Target) -> Vec<Range<usize>> {
    match target {
        Target::Entity(i) => analysis
            .entities
            .get(i)
            .map(|e| e.mentions.iter().map(|m| m.range.clone()).collect())
            .unwrap_or_default(),
        Target::Figure(i) => analysis
            .figures
            .get(i)
            .map(|f| vec![f.range.clone()])
            .unwrap_or_default(),
    }
}

fn figure_section(analysis: &Analysis) -> Option<Section> {
    let items: Vec<Item> = analysis
        .panel_figures()
        .into_iter()
        .filter_map(|i| {
            let figure = analysis.figures.get(i)?;
            let mut detail: Vec<String> = Vec::new();
            if let Some(label) = &figure.label {
                detail.push(label.clone());
            }
            if let Some(year) = figure.year {
                detail.push(year.to_string());
            }
            Some(Item {
                label: figure_symbol(figure).to_owned(),
                value: figure.text.clone(),
                detail: (!detail.is_empty()).then(|| detail.join(" — ")),
                target: Some(Target::Figure(i)),
            })
        })
        .collect();
    (!items.is_empty()).then_some(Section {
        title: "Key figures",
        items,
    })
}

/// A short hint of what a figure measures (plain text: emoji are missing from many
/// terminal fonts).
fn figure_symbol(figure: &crate::analyze::figures::Figure) -> &'static str {
    use crate::analyze::figures::FigureKind;
    match figure.kind {
        FigureKind::Money => "$",
        FigureKind::Percent => "%",
        FigureKind::Population => "pop",
        FigureKind::Quantity => "#",
        FigureKind::Date => "date",
        FigureKind::Ordinal => "№",
        FigureKind::Score => "vs",
    }
}

/// People, places, organisations and other entities, each sorted by mention count.
fn entity_sections(analysis: &Analysis) -> Vec<Section> {
    [
        (EntityKind::Person, "People"),
        (EntityKind::Location, "Places"),
        (EntityKind::Organization, "Organisations"),
        (EntityKind::Misc, "Other"),
    ]
    .into_iter()
    .filter_map(|(kind, title)| {
        let mut indices: Vec<usize> = (0..analysis.entities.len())
            .filter(|&i| analysis.entities[i].kind == kind)
            .collect();
        indices.sort_by_key(|&i| (std::cmp::Reverse(analysis.entities[i].mentions.len()), i));
        let items: Vec<Item> = indices
            .into_iter()
            .map(|i| {
                let entity = &analysis.entities[i];
                Item {
                    label: format!("{}×", entity.mentions.len()),
                    value: entity.name.clone(),
                    detail: None,
                    target: Some(Target::Entity(i)),
                }
            })
            .collect();
        (!items.is_empty()).then_some(Section { title, items })
    })
    .collect()
}

fn facts(article: &Article) -> Section {
    let mut items = Vec::new();
    let mut add = |label: &str, value: String| {
        items.push(Item {
            label: label.to_owned(),
            value,
            detail: None,
            target: None,
        })
    };
    if let Some(source) = &article.source {
        add("Source", source.clone());
    }
    if let Some(date) = article.date {
        add("Date", date.to_string());
    }
    if let Some(author) = &article.author {
        add("Author", author.clone());
    }
    let file = article
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    add("File", printable(&file).into_owned());
    add("Words", article.word_count().to_string());
    add("Paragraphs", article.paragraphs.len().to_string());
    add("Format", article.format.name().to_owned());
    add("Encoding", article.encoding.clone());
    if article.truncated {
        add(
            "Note",
            "larger than the size cap: only its start is shown".to_owned(),
        );
    }
    if let Some(url) = &article.url {
        add("URL", url.clone());
    }
    Section {
        title: "Article",
        items,
    }
}
