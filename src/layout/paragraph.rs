//! The per-paragraph pipeline: sanitize → shape → base direction → levels → wrap → reorder →
//! styled visual runs. [`Layouter`] keeps its scratch buffers between paragraphs.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};
use unicode_bidi_mirroring::get_mirrored;
use unicode_segmentation::UnicodeSegmentation;

use super::sanitize::{Fate, fate, fates, needs_sanitizing};
use super::shape::shape;
use super::width::{char_width, grapheme_width};
use super::wrap::{Measured, wrap};
use super::{Direction, LayoutOptions, StyleSpan, VisualLine, VisualRun, direction, levels};

/// One grapheme cluster of the prepared (sanitized, shaped) text.
#[derive(Debug, Clone, Copy)]
struct Cluster {
    /// Byte range in the prepared text.
    start: u32,
    end: u32,
    cells: u16,
    /// Exactly one U+0020: a break opportunity, and stripped at the visual line edge.
    space: bool,
    /// Whitespace for UAX#9 L1 (bidi class WS or BN).
    bidi_whitespace: bool,
    /// Bidi class of the cluster's first char (its base).
    class: BidiClass,
    /// Whether L4 changes a char of the cluster when it is in an RTL run.
    mirrorable: bool,
}

impl Cluster {
    fn new(start: usize, grapheme: &str) -> Self {
        Cluster {
            start: start as u32,
            end: (start + grapheme.len()) as u32,
            cells: grapheme_width(grapheme).min(usize::from(u16::MAX)) as u16,
            space: grapheme == " ",
            bidi_whitespace: false,
            class: grapheme
                .chars()
                .next()
                .map_or(BidiClass::ON, levels::class_of),
            mirrorable: grapheme.chars().any(|c| mirrored(c) != c),
        }
    }
}

impl Measured for Cluster {
    fn cells(&self) -> usize {
        usize::from(self.cells)
    }
    fn is_space(&self) -> bool {
        self.space
    }
}

/// Lays out paragraphs, reusing its buffers from one paragraph to the next. Cheaper than
/// [`super::layout_paragraph`] when laying out many paragraphs.
#[derive(Debug, Default)]
pub struct Layouter {
    /// The sanitized text when sanitizing changed something, and for each of its bytes the
    /// original byte offset.
    clean: String,
    clean_at: Vec<u32>,
    /// The prepared logical text.
    text: String,
    /// For each byte of `text` (and one past the end), the original byte offset it came from.
    orig_at: Vec<u32>,
    clusters: Vec<Cluster>,
    /// Whether every cluster is a base char plus combining marks (see
    /// `segment_simple_clusters`).
    simple_clusters: bool,
    /// Whether the prepared text holds bidi marks (LRM RLM ALM): they take part in resolving
    /// levels but are no cluster, so they are never drawn.
    marks: bool,
    levels: Vec<u8>,
    classes: Vec<BidiClass>,
    tags: Vec<Option<u32>>,
    lines: Vec<Range<usize>>,
    order: Vec<u32>,
}

impl Layouter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Lays out one paragraph; see [`super::layout_paragraph`].
    pub fn layout(
        &mut self,
        text: &str,
        opts: &LayoutOptions,
        styles: &[StyleSpan],
    ) -> Vec<VisualLine> {
        self.prepare(text, opts);
        let rtl = match opts.direction {
            Direction::Rtl => true,
            Direction::Ltr => false,
            Direction::Auto => direction::auto_is_rtl(&self.text, opts.article_rtl),
        };
        let paragraph_level = u8::from(rtl);
        self.segment_clusters();
        self.resolve_levels(paragraph_level);
        self.tag_clusters(styles);
        self.lines.clear();
        wrap(&self.clusters, opts.width, &mut self.lines);
        let width = opts.width.max(1);
        let mut out = Vec::with_capacity(self.lines.len());
        for index in 0..self.lines.len() {
            let line = self.lines[index].clone();
            let logical = self.line_logical_range(index, text.len());
            out.push(self.visual_line(line, logical, rtl, width));
        }
        out
    }

    /// Sanitizes (and shapes) `text` into `self.text`, filling the offset map.
    fn prepare(&mut self, text: &str, opts: &LayoutOptions) {
        self.text.clear();
        self.orig_at.clear();
        // Shaped Arabic takes 3 bytes per letter instead of 2.
        self.text.reserve(text.len() * 3 / 2);
        self.orig_at.reserve(text.len() * 3 / 2 + 1);
        // Untrusted text that needs sanitizing goes through `self.clean`, with a map back.
        let dirty = needs_sanitizing(text);
        self.marks = false;
        if dirty {
            self.clean.clear();
            self.clean_at.clear();
            for (offset, c, f) in fates(text) {
                let kept = match f {
                    Fate::Keep => c,
                    Fate::Mark => {
                        self.marks = true;
                        c
                    }
                    Fate::Space => ' ',
                    Fate::Drop => continue,
                };
                push_mapped(&mut self.clean, &mut self.clean_at, kept, offset as u32);
            }
        }
        let (source, source_at) = if dirty {
            (self.clean.as_str(), Some(self.clean_at.as_slice()))
        } else {
            (text, None)
        };
        let original = |offset: usize| source_at.map_or(offset as u32, |map| map[offset]);
        let (out, map) = (&mut self.text, &mut self.orig_at);
        if opts.shaping {
            shape(source, opts.ligatures, |c, offset| {
                push_mapped(out, map, c, original(offset))
            });
        } else {
            out.push_str(source);
            map.extend((0..source.len()).map(original));
        }
        self.orig_at.push(text.len() as u32);
    }

    /// Grapheme clusters of the prepared text, except that joiners (ZWJ, ZWNJ) ending a
    /// cluster become clusters of their own: they sit *between* two letters, and must stay
    /// between them when an RTL run is reversed (as FriBidi does). Joiners inside a cluster
    /// (emoji ZWJ sequences) stay where they are.
    fn segment_clusters(&mut self) {
        self.clusters.clear();
        self.simple_clusters = !self.marks && self.segment_simple_clusters();
        if self.simple_clusters {
            return;
        }
        self.clusters.clear();
        for (start, grapheme) in self.text.grapheme_indices(true) {
            // A bidi mark is a grapheme of its own (a control, UAX#29 GB4/GB5).
            if self.marks && grapheme.chars().all(|c| fate(c) == Fate::Mark) {
                continue;
            }
            let body = grapheme.trim_end_matches(['\u{200C}', '\u{200D}']);
            let body = if body.is_empty() {
                &grapheme[..3]
            } else {
                body
            };
            self.clusters.push(Cluster::new(start, body));
            let mut at = start + body.len();
            for joiner in grapheme[body.len()..].chars() {
                let len = joiner.len_utf8();
                self.clusters
                    .push(Cluster::new(at, &grapheme[at - start..at - start + len]));
                at += len;
            }
        }
    }

    /// Clusters of text made only of characters whose grapheme rules are "break before
    /// anything but a combining mark" (ASCII, Latin-1, Arabic letters, digits, punctuation
    /// and marks, presentation forms, general punctuation): a cluster is a base and the marks
    /// after it. Much cheaper than full UAX#29 segmentation; `false` for any other text.
    fn segment_simple_clusters(&mut self) -> bool {
        for (start, c) in self.text.char_indices() {
            if is_simple_mark(c) {
                if let Some(last) = self.clusters.last_mut() {
                    last.end = (start + c.len_utf8()) as u32;
                    last.space = false;
                    continue;
                }
            } else if !is_simple_base(c) {
                return false;
            }
            self.clusters.push(Cluster {
                start: start as u32,
                end: (start + c.len_utf8()) as u32,
                cells: char_width(c) as u16,
                space: c == ' ',
                bidi_whitespace: false,
                class: levels::class_of(c),
                mirrorable: mirrored(c) != c,
            });
        }
        true
    }

    /// One level per cluster. Three ways, cheapest first: text that can only resolve to the
    /// paragraph level (RTL without LTR letters or digits, LTR without RTL letters or Arabic
    /// digits) gets it everywhere; other RTL text without LTR letters gets the direct rules of
    /// `levels`; the rest goes through unicode-bidi.
    fn resolve_levels(&mut self, paragraph_level: u8) {
        self.levels.clear();
        let rtl = paragraph_level == 1;
        // Combining marks are NSM, which never need the algorithm: in simple clusters, looking at the
        // bases is enough.
        let needed = if self.simple_clusters {
            self.clusters.iter().any(|c| class_needs_bidi(c.class, rtl))
        } else {
            self.text.chars().any(|c| needs_bidi(c, rtl))
        };
        if !needed {
            self.levels.resize(self.clusters.len(), paragraph_level);
            return;
        }
        // The direct rules read the clusters' classes, and marks are no cluster.
        if rtl && !self.marks && self.rtl_levels_without_unicode_bidi() {
            return;
        }
        let level = if rtl { Level::rtl() } else { Level::ltr() };
        let info = ParagraphBidiInfo::new(&self.text, Some(level));
        for cluster in &mut self.clusters {
            let at = cluster.start as usize;
            self.levels.push(info.levels[at].number());
            cluster.bidi_whitespace =
                matches!(info.original_classes[at], BidiClass::WS | BidiClass::BN);
        }
    }

    fn rtl_levels_without_unicode_bidi(&mut self) -> bool {
        self.classes.clear();
        self.classes
            .extend(self.clusters.iter().map(|cluster| cluster.class));
        for (cluster, class) in self.clusters.iter_mut().zip(&self.classes) {
            cluster.bidi_whitespace = *class == BidiClass::WS;
        }
        levels::rtl_without_ltr(&mut self.classes, &mut self.levels)
    }

    /// The style tag of each cluster: the last span containing the original offset of the
    /// cluster's first char (so a lam-alef ligature takes the tag of its lam). One sweep over
    /// the clusters in text order, keeping the spans begun so far by their place in `styles`:
    /// an article can carry tens of thousands of spans.
    fn tag_clusters(&mut self, styles: &[StyleSpan]) {
        self.tags.clear();
        if styles.is_empty() {
            return;
        }
        let mut by_start: Vec<usize> = (0..styles.len()).collect();
        by_start.sort_by_key(|&i| styles[i].range.start);
        let mut begun = 0;
        let mut active = std::collections::BTreeSet::new();
        let mut last_offset = 0;
        for cluster in &self.clusters {
            let offset = self.orig_at[cluster.start as usize] as usize;
            if offset < last_offset {
                // Not in text order (never expected): start the sweep again.
                begun = 0;
                active.clear();
            }
            last_offset = offset;
            while let Some(&i) = by_start.get(begun)
                && styles[i].range.start <= offset
            {
                active.insert(i);
                begun += 1;
            }
            // The latest begun span still open holds the offset; one that has ended will
            // hold no later offset either.
            let tag = loop {
                match active.last() {
                    Some(&i) if styles[i].range.end <= offset => {
                        active.pop_last();
                    }
                    Some(&i) => break Some(styles[i].tag),
                    None => break None,
                }
            };
            self.tags.push(tag);
        }
    }

    /// Original byte range of line `index`. Lines partition the original paragraph: the
    /// first starts at 0, the last ends at its length, dropped characters belong to the
    /// cluster before them.
    fn line_logical_range(&self, index: usize, original_len: usize) -> Range<usize> {
        let line = &self.lines[index];
        let start = if index == 0 {
            0
        } else {
            self.orig_of_cluster_start(line.start)
        };
        let end = if index + 1 == self.lines.len() {
            original_len
        } else {
            self.orig_of_cluster_start(line.end)
        };
        start..end
    }

    fn orig_of_cluster_start(&self, cluster: usize) -> usize {
        self.orig_at[self.clusters[cluster].start as usize] as usize
    }

    fn cluster_logical(&self, cluster: usize) -> Range<usize> {
        let c = self.clusters[cluster];
        self.orig_at[c.start as usize] as usize..self.orig_at[c.end as usize] as usize
    }

    fn visual_line(
        &mut self,
        line: Range<usize>,
        logical: Range<usize>,
        rtl: bool,
        width: usize,
    ) -> VisualLine {
        let clusters = &self.clusters;
        super::reorder::visual_order(
            line,
            &mut self.levels,
            |i| clusters[i].bidi_whitespace,
            u8::from(rtl),
            &mut self.order,
        );
        let visible = strip_edge_spaces(&self.order, clusters, rtl);
        let runs = self.styled_runs(visible);
        let content: usize = runs.iter().map(|run| run.width).sum();
        let indent = if rtl && !self.clusters.is_empty() {
            width.saturating_sub(content)
        } else {
            0
        };
        VisualLine {
            rtl,
            indent,
            width: content,
            runs,
            logical,
        }
    }

    /// Runs of `self.order[visible]`, split where the level, the style tag or the logical
    /// contiguity changes. Odd-level clusters are mirrored (L4).
    fn styled_runs(&self, visible: Range<usize>) -> Vec<VisualRun> {
        let order = &self.order[visible];
        let mut runs = Vec::new();
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && self.same_run(order[end - 1], order[end]) {
                end += 1;
            }
            runs.push(self.run(&order[start..end]));
            start = end;
        }
        runs
    }

    /// Whether cluster `next` directly follows cluster `previous` in one visual run: same
    /// level, same tag, and logically adjacent in the run's direction.
    fn same_run(&self, previous: u32, next: u32) -> bool {
        let (p, n) = (previous as usize, next as usize);
        let level = self.levels[n];
        let adjacent = if level % 2 == 1 {
            p == n + 1
        } else {
            p + 1 == n
        };
        adjacent && self.levels[p] == level && self.tag(p) == self.tag(n)
    }

    fn tag(&self, cluster: usize) -> Option<u32> {
        self.tags.get(cluster).copied().flatten()
    }

    /// The run made of `clusters` (visual order, logically contiguous).
    fn run(&self, clusters: &[u32]) -> VisualRun {
        let (first, last) = (clusters[0] as usize, clusters[clusters.len() - 1] as usize);
        let (low, high) = (first.min(last), first.max(last));
        let rtl = self.levels[first] % 2 == 1;
        let bytes = (self.clusters[high].end - self.clusters[low].start) as usize;
        let mut text = String::with_capacity(bytes);
        let mut width = 0;
        for &index in clusters {
            let cluster = self.clusters[index as usize];
            let grapheme = &self.text[cluster.start as usize..cluster.end as usize];
            push_grapheme(&mut text, grapheme, rtl && cluster.mirrorable);
            width += usize::from(cluster.cells);
        }
        VisualRun {
            text,
            tag: self.tag(first),
            width,
            logical: self.cluster_logical(low).start..self.cluster_logical(high).end,
            rtl,
        }
    }
}

#[inline]
fn push_mapped(out: &mut String, orig_at: &mut Vec<u32>, c: char, offset: u32) {
    out.push(c);
    orig_at.extend(std::iter::repeat_n(offset, c.len_utf8()));
}

/// Appends a grapheme, mirroring its chars (brackets, « ») when it sits in an RTL run.
fn push_grapheme(out: &mut String, grapheme: &str, mirror: bool) {
    if mirror {
        out.extend(grapheme.chars().map(mirrored));
    } else {
        out.push_str(grapheme);
    }
}

/// The Bidi_Mirroring_Glyph of `c`, or `c`. Arabic letters and ASCII letters and digits,
/// which make up most text, are answered without the table search.
fn mirrored(c: char) -> char {
    match c {
        '\u{FE70}'..='\u{FEFF}' | '\u{0600}'..='\u{06FF}' => c,
        '0'..='9' | 'A'..='Z' | 'a'..='z' | ' ' => c,
        _ => get_mirrored(c).unwrap_or(c),
    }
}

/// The part of `order` left after dropping U+0020 clusters at the line's trailing edge: the
/// visual left of an RTL line, the right of an LTR one. L1 put the hanging spaces there.
fn strip_edge_spaces(order: &[u32], clusters: &[Cluster], rtl: bool) -> Range<usize> {
    let is_space = |i: &u32| clusters[*i as usize].space;
    if rtl {
        let start = order.iter().take_while(|i| is_space(i)).count();
        start..order.len()
    } else {
        let trailing = order.iter().rev().take_while(|i| is_space(i)).count();
        0..order.len() - trailing
    }
}

/// Whether `c` can resolve to a level other than the paragraph's (given no explicit
/// controls, which sanitizing removed): strong letters (and marks) of the other direction,
/// digits, and boundary-neutral characters.
fn needs_bidi(c: char, rtl: bool) -> bool {
    class_needs_bidi(levels::class_of(c), rtl)
}

fn class_needs_bidi(class: BidiClass, rtl: bool) -> bool {
    use BidiClass::*;
    if rtl {
        !matches!(class, R | AL | NSM | WS | ON | CS | ES | ET)
    } else {
        !matches!(class, L | EN | NSM | WS | ON | CS | ES | ET)
    }
}

/// A character that always starts a grapheme cluster and is never extended by anything but
/// the marks of `is_simple_mark` (no prepended concatenation marks, joiners, emoji, Hangul,
/// regional indicators, controls).
fn is_simple_base(c: char) -> bool {
    matches!(c,
        '\u{FE70}'..='\u{FEFC}'
        | ' '..='~'
        | '\u{061D}'..='\u{064A}'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{2FF}'
        | '\u{0606}'..='\u{060F}'
        | '\u{061B}'
        | '\u{0660}'..='\u{066F}'
        | '\u{0671}'..='\u{06D5}'
        | '\u{06DE}'
        | '\u{06E5}'..='\u{06E6}'
        | '\u{06E9}'
        | '\u{06EE}'..='\u{06FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{FB50}'..='\u{FDFF}')
}

/// Combining marks (grapheme Extend) of the Latin and Arabic blocks.
fn is_simple_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}')
}
