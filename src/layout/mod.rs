//! Right-to-left layout for any terminal: logical paragraphs in, visual lines out.
//!
//! akhbar does the bidi itself and sends the terminal visual order (DESIGN §3). This room is
//! pure: no I/O except [`render_plain`]'s writer, no ratatui (the UI adapts [`VisualLine`]s
//! into ratatui lines itself).
//!
//! # Pipeline, per paragraph
//! 1. **Sanitize** ([`sanitize`]): drop C0/C1 controls and explicit bidi controls (they could
//!    reorder the terminal's output, and unicode-bidi 0.3.18 panics on deeply nested
//!    isolates); whitespace controls become spaces. A map back to original byte offsets is
//!    kept for styles and [`VisualLine::logical`].
//! 2. **Shape** in logical order (when [`LayoutOptions::shaping`]): Arabic joining to
//!    Presentation Forms, harakat kept after their letter, lam-alef ligatures when
//!    [`LayoutOptions::ligatures`] (also across harakat: لَا → ﻻ + fatha). Matches GNU
//!    FriBidi's shaping except for that lam+mark+alef ligature and FriBidi's U+FEFF fill
//!    characters, which are never produced.
//! 3. **Base direction** ([`Direction`]).
//! 4. **Levels** over the whole paragraph: unicode-bidi `ParagraphBidiInfo`, except for
//!    paragraphs that can only resolve to the base level and RTL paragraphs without LTR
//!    letters (Arabic with numbers and punctuation, most news text), whose levels are
//!    computed directly (`levels`, checked against unicode-bidi by a property test).
//! 5. **Wrap** in logical order at spaces by terminal cells (see `wrap`): hanging spaces do
//!    not count; an overlong word is hard-split at grapheme boundaries.
//! 6. **Reorder** each line: L1 and L2 at grapheme-cluster granularity (so L3 holds: a mark
//!    stays after its base), mirror brackets in RTL runs (L4), drop the hanging spaces, and
//!    right-align RTL lines with per-grapheme widths ([`grapheme_width`]; never `str::width`
//!    on visual text: `"لا".width() == 1` but terminals draw two cells).
//!
//! # Decisions
//! * **Direction** `Auto`: a paragraph with an Arabic letter in an article that is mostly
//!   Arabic ([`article_is_rtl`], passed in as [`LayoutOptions::article_rtl`]) is RTL (UAX#9
//!   HL1); otherwise the first strong character decides (P2/P3); a paragraph with no strong
//!   character takes the article default.
//! * **Styles**: [`StyleSpan`] ranges are byte offsets into the *original* paragraph. Styles
//!   apply per grapheme cluster: a cluster takes the tag of the last span (in slice order) that
//!   contains the original offset of its first char, so later spans win where spans overlap.
//!   A lam-alef ligature is one cluster that starts with the lam: it takes the lam's tag.
//! * **Width**: widths below 1 are treated as 1. A line never exceeds the width, except a
//!   line holding a single grapheme cluster wider than the width (a 2-cell emoji or CJK
//!   character when the width is 1).
//! * **Alignment**: RTL lines get `indent` spaces so they end at the width; LTR lines start at
//!   column 0. An empty paragraph gives one empty line (no indent).
//! * Output never contains control characters, bidi controls or U+FEFF.
//! * Joiners: a ZWJ/ZWNJ that ends a grapheme cluster is kept as its own zero-width cluster so
//!   that it stays *between* the two letters after reversal (as FriBidi does).
//!
//! # Use
//! [`layout_paragraph`] for one paragraph; a [`Layouter`] reuses its buffers across
//! paragraphs (what [`render_plain`] does). [`sanitize`] is the same cleaning for untrusted
//! text shown in logical order (e.g. for terminals that do their own bidi).

mod direction;
mod levels;
mod paragraph;
mod reorder;
mod sanitize;
mod shape;
mod width;
mod wrap;

use std::io::Write;
use std::ops::Range;

pub use direction::article_is_rtl;
pub use paragraph::Layouter;
pub use sanitize::{sanitize, sanitized_chars};
pub use width::{grapheme_width, text_width};

/// Base direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// HL1 for Arabic articles, then first strong, then the article default (module docs).
    #[default]
    Auto,
    Rtl,
    Ltr,
}

/// How to lay out a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Line width in terminal cells; values below 1 count as 1.
    pub width: usize,
    /// Shape Arabic letters into their joining forms (Presentation Forms).
    pub shaping: bool,
    /// Form lam-alef ligatures (only with `shaping`).
    pub ligatures: bool,
    pub direction: Direction,
    /// The article default direction for `Direction::Auto` (see [`article_is_rtl`]).
    pub article_rtl: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: 80,
            shaping: true,
            ligatures: true,
            direction: Direction::Auto,
            article_rtl: true,
        }
    }
}

/// A style tag attached to a byte range of the original (logical) paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleSpan {
    pub range: Range<usize>,
    pub tag: u32,
}

/// A run of text drawn left to right, with one style and one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualRun {
    /// Visual-order text, ready to draw (shaped, mirrored).
    pub text: String,
    /// The style tag of the run, `None` when no span covers it.
    pub tag: Option<u32>,
    /// Terminal cells, measured per grapheme.
    pub width: usize,
    /// The contiguous original byte range this run shows.
    pub logical: Range<usize>,
    /// Whether the run is right-to-left: its text runs from `logical.end` (left) to
    /// `logical.start` (right).
    pub rtl: bool,
}

/// One line on screen, runs in visual order from left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// The paragraph's direction.
    pub rtl: bool,
    /// Spaces to put on the left so that an RTL line ends at the width; 0 for LTR lines.
    pub indent: usize,
    /// Cells of the runs (without `indent`).
    pub width: usize,
    pub runs: Vec<VisualRun>,
    /// Original byte range of the line. The lines of a paragraph partition it; spaces at
    /// the break belong to the line before the break even though they are not drawn.
    pub logical: Range<usize>,
}

impl VisualLine {
    /// The line as plain text: `indent` spaces then the runs (RTL lines are `indent + width`
    /// cells wide; LTR lines have no trailing spaces).
    pub fn to_plain(&self) -> String {
        let mut out = String::with_capacity(
            self.indent + self.runs.iter().map(|r| r.text.len()).sum::<usize>(),
        );
        self.push_plain(&mut out);
        out
    }

    fn push_plain(&self, out: &mut String) {
        out.extend(std::iter::repeat_n(' ', self.indent));
        for run in &self.runs {
            out.push_str(&run.text);
        }
    }

    /// Whether original byte `byte` of the paragraph belongs to this line.
    pub fn contains_logical(&self, byte: usize) -> bool {
        self.logical.contains(&byte)
    }

    /// Screen columns (counting `indent`) of the runs that show part of the original byte
    /// range `logical`, or `None` when no run on this line does. Exact for a styled range (its
    /// runs are split at its boundaries); otherwise whole runs are counted.
    pub fn columns_of(&self, logical: Range<usize>) -> Option<Range<usize>> {
        let mut column = self.indent;
        let mut found: Option<Range<usize>> = None;
        for run in &self.runs {
            let end = column + run.width;
            if run.logical.start < logical.end && logical.start < run.logical.end {
                found = Some(found.map_or(column..end, |f| f.start..end));
            }
            column = end;
        }
        found
    }
}

/// Lays out one paragraph (logical order, untrusted text) into visual lines.
pub fn layout_paragraph(text: &str, opts: &LayoutOptions, styles: &[StyleSpan]) -> Vec<VisualLine> {
    Layouter::new().layout(text, opts, styles)
}

/// Writes the title and the paragraphs as plain visual lines, a blank line between blocks:
/// what `akhbar render` prints.
pub fn render_plain(
    title: &str,
    paragraphs: &[&str],
    opts: &LayoutOptions,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut layouter = Layouter::new();
    let mut buffer = String::new();
    for (index, paragraph) in std::iter::once(title)
        .chain(paragraphs.iter().copied())
        .enumerate()
    {
        if index > 0 {
            buffer.push('\n');
        }
        for line in layouter.layout(paragraph, opts, &[]) {
            line.push_plain(&mut buffer);
            buffer.push('\n');
        }
        if buffer.len() >= 1 << 16 {
            out.write_all(buffer.as_bytes())?;
            buffer.clear();
        }
    }
    out.write_all(buffer.as_bytes())
}

#[cfg(test)]
mod tests;
