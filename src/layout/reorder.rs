//! Visual order of one line (UAX#9 L1–L4) at grapheme-cluster granularity.
//!
//! unicode-bidi's `reorder_line` reverses RTL runs char by char, which puts harakat before
//! their letter, and does not mirror brackets; its `visual_runs` clones the whole paragraph's
//! levels for every line. This module takes the paragraph levels (one per cluster) and does:
//! L1 (trailing whitespace back to the paragraph level), L2 (reverse from the highest level
//! down to the lowest odd one), L3 for free because clusters are never split (a mark stays
//! after its base), and leaves L4 (mirroring in odd-level clusters) to the run builder.

/// Cluster indices of `line` in visual order, into `order`. `levels[i]` is the resolved level
/// of cluster `i`, `trailing_ws[i]` whether it is whitespace for L1 (bidi class WS or BN).
pub(crate) fn visual_order(
    line: std::ops::Range<usize>,
    levels: &mut [u8],
    trailing_ws: impl Fn(usize) -> bool,
    paragraph_level: u8,
    order: &mut Vec<u32>,
) {
    order.clear();
    // L1: whitespace at the end of the line takes the paragraph level.
    for i in line.clone().rev() {
        if !trailing_ws(i) {
            break;
        }
        levels[i] = paragraph_level;
    }
    order.extend(line.clone().map(|i| i as u32));
    let line_levels = &levels[line.clone()];
    let (Some(&lowest), Some(&highest)) = (line_levels.iter().min(), line_levels.iter().max())
    else {
        return;
    };
    let lowest_odd = lowest | 1;
    // L2: from the highest level down to the lowest odd level, reverse every maximal
    // sequence of clusters at that level or higher.
    let mut level = highest;
    while level >= lowest_odd {
        reverse_sequences_at_or_above(order, levels, level);
        level -= 1;
    }
}

fn reverse_sequences_at_or_above(order: &mut [u32], levels: &[u8], level: u8) {
    let mut i = 0;
    while i < order.len() {
        if levels[order[i] as usize] < level {
            i += 1;
            continue;
        }
        let start = i;
        while i < order.len() && levels[order[i] as usize] >= level {
            i += 1;
        }
        order[start..i].reverse();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order_of(levels: &[u8], ws: &[bool], base: u8) -> Vec<u32> {
        let mut levels = levels.to_vec();
        let mut order = Vec::new();
        visual_order(0..levels.len(), &mut levels, |i| ws[i], base, &mut order);
        order
    }

    #[test]
    fn rtl_with_embedded_number() {
        // ع ر 1 2 → 1 2 ر ع  (digits at level 2 keep their order)
        assert_eq!(order_of(&[1, 1, 2, 2], &[false; 4], 1), [2, 3, 1, 0]);
    }

    #[test]
    fn trailing_whitespace_goes_to_paragraph_level() {
        // a b ␠ in an RTL paragraph at level 2: the space goes to the visual left end.
        assert_eq!(order_of(&[2, 2, 2], &[false, false, true], 1), [2, 0, 1]);
    }

    #[test]
    fn ltr_paragraph_with_rtl_word() {
        assert_eq!(order_of(&[0, 0, 1, 1, 0], &[false; 5], 0), [0, 1, 3, 2, 4]);
    }
}
