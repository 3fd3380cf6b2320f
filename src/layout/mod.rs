//! TEMPORARY interface placeholder while the real layout room is built on its branch;
//! replaced wholesale by the merge. Same API, naive logical-order output.
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Auto,
    Rtl,
    Ltr,
}
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    pub width: usize,
    pub shaping: bool,
    pub ligatures: bool,
    pub direction: Direction,
    pub article_rtl: bool,
}
#[derive(Debug, Clone)]
pub struct StyleSpan {
    pub range: Range<usize>,
    pub tag: u32,
}
#[derive(Debug, Clone)]
pub struct VisualRun {
    pub text: String,
    pub tag: Option<u32>,
    pub width: usize,
    pub logical: Range<usize>,
}
#[derive(Debug, Clone)]
pub struct VisualLine {
    pub rtl: bool,
    pub indent: usize,
    pub width: usize,
    pub runs: Vec<VisualRun>,
    pub logical: Range<usize>,
}
pub fn grapheme_width(g: &str) -> usize {
    g.width()
}
pub fn text_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}
pub fn article_is_rtl(_p: &[&str]) -> bool {
    true
}
pub fn layout_paragraph(text: &str, opts: &LayoutOptions, styles: &[StyleSpan]) -> Vec<VisualLine> {
    let w = text_width(text);
    let tag = styles.first().map(|s| s.tag);
    vec![VisualLine {
        rtl: true,
        indent: opts.width.saturating_sub(w),
        width: w,
        runs: vec![VisualRun {
            text: text.to_owned(),
            tag,
            width: w,
            logical: 0..text.len(),
        }],
        logical: 0..text.len(),
    }]
}
impl VisualLine {
    pub fn to_plain(&self) -> String {
        let mut s = " ".repeat(self.indent);
        for r in &self.runs {
            s.push_str(&r.text)
        }
        s
    }
    pub fn contains_logical(&self, byte: usize) -> bool {
        self.logical.contains(&byte)
    }
}
pub fn render_plain(
    title: &str,
    paragraphs: &[&str],
    opts: &LayoutOptions,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for (i, p) in std::iter::once(&title).chain(paragraphs).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for l in layout_paragraph(p, opts, &[]) {
            writeln!(out, "{}", l.to_plain())?;
        }
    }
    Ok(())
}
