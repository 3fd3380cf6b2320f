//! Greedy line breaking in logical order, by terminal cells.
//!
//! Breaks only at U+0020 spaces (the same rule as the FriBidi oracle): words are maximal runs
//! of non-space grapheme clusters. Spaces after the last word of a line stay on that line and
//! "hang": they do not count against the width (layout later drops them from the visual
//! line). A word wider than the line, when it is first on its line, is hard-split at grapheme
//! boundaries; the rest starts the next line. A grapheme wider than the whole line (only a
//! 2-cell grapheme when the width is 1) is put alone on its line, which then overflows.

use std::ops::Range;

/// What wrapping needs to know about a grapheme cluster.
pub(crate) trait Measured {
    fn cells(&self) -> usize;
    fn is_space(&self) -> bool;
}

/// Appends the lines of `clusters` to `lines` as ranges of cluster indices. Always at least
/// one line; an empty paragraph gives one empty range.
pub(crate) fn wrap<C: Measured>(clusters: &[C], width: usize, lines: &mut Vec<Range<usize>>) {
    let width = width.max(1);
    let n = clusters.len();
    if n == 0 {
        lines.push(0..0);
        return;
    }
    let mut start = 0;
    while start < n {
        let end = line_end(clusters, start, width);
        lines.push(start..end);
        start = end;
    }
}

/// End (exclusive) of the line starting at `start`; always > `start`.
///
/// Each word is measured only as far as the line's remaining room: a single word of
/// hundreds of thousands of clusters must not be re-measured in full for every line it is
/// hard-split into (that was quadratic: a 200,000-character line at width 1 never finished).
fn line_end<C: Measured>(clusters: &[C], start: usize, width: usize) -> usize {
    let n = clusters.len();
    let spaces_end = |from: usize| (from..n).find(|&k| !clusters[k].is_space()).unwrap_or(n);

    // First word (possibly empty when the line starts with spaces).
    let (first_end, first_cells) = match measure_word(clusters, start, width) {
        Ok(word) => word,
        Err(overflow_at) => return hard_split(clusters, start, overflow_at + 1, width),
    };
    let mut used = first_cells;
    let mut content_end = first_end;
    let mut end = spaces_end(first_end);
    // Further words while they fit, counting the spaces before them.
    while end < n {
        let spaces: usize = clusters[content_end..end].iter().map(Measured::cells).sum();
        let Some(room) = width.checked_sub(used + spaces) else {
            break;
        };
        let Ok((next_end, word_cells)) = measure_word(clusters, end, room) else {
            break;
        };
        used += spaces + word_cells;
        content_end = next_end;
        end = spaces_end(next_end);
    }
    end
}

/// The end and cells of the word starting at `from` when it fits in `room` cells; else the
/// index of the cluster at which it overflows (the word is scanned no further).
fn measure_word<C: Measured>(
    clusters: &[C],
    from: usize,
    room: usize,
) -> Result<(usize, usize), usize> {
    let mut cells = 0;
    for (k, cluster) in clusters.iter().enumerate().skip(from) {
        if cluster.is_space() {
            return Ok((k, cells));
        }
        cells += cluster.cells();
        if cells > room {
            return Err(k);
        }
    }
    Ok((clusters.len(), cells))
}

/// As many whole clusters of `start..word_end` as fit in `width`, at least one.
fn hard_split<C: Measured>(clusters: &[C], start: usize, word_end: usize, width: usize) -> usize {
    let mut used = 0;
    let mut end = start;
    while end < word_end && used + clusters[end].cells() <= width {
        used += clusters[end].cells();
        end += 1;
    }
    end.max(start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct G(&'static str);
    impl Measured for G {
        fn cells(&self) -> usize {
            crate::layout::grapheme_width(self.0)
        }
        fn is_space(&self) -> bool {
            self.0 == " "
        }
    }

    fn lines(text: &'static str, width: usize) -> Vec<String> {
        use unicode_segmentation::UnicodeSegmentation;
        let clusters: Vec<G> = text.graphemes(true).map(G).collect();
        let mut out = Vec::new();
        wrap(&clusters, width, &mut out);
        out.into_iter()
            .map(|r| clusters[r].iter().map(|g| g.0).collect())
            .collect()
    }

    #[test]
    fn greedy_with_hanging_spaces() {
        assert_eq!(lines("aa bb cc", 5), ["aa bb ", "cc"]);
        assert_eq!(lines("aa bb cc", 4), ["aa ", "bb ", "cc"]);
        assert_eq!(lines("aa  bb", 10), ["aa  bb"]);
    }

    #[test]
    fn long_word_is_hard_split_at_graphemes() {
        assert_eq!(lines("abcdefg hi", 3), ["abc", "def", "g ", "hi"]);
        // a haraka stays with its letter
        assert_eq!(lines("بًبًبً", 2), ["بًبً", "بً"]);
    }

    #[test]
    fn width_one_and_wide_graphemes() {
        assert_eq!(lines("😀😀", 1), ["😀", "😀"]);
        assert_eq!(lines("😀😀", 3), ["😀", "😀"]);
        assert_eq!(lines("ab", 0), ["a", "b"]);
    }

    #[test]
    fn empty_and_space_only() {
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("   ", 10), ["   "]);
    }
}
