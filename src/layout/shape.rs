//! Arabic shaping to Presentation Forms (U+FB50–FDFF, U+FE70–FEFF), in logical order.
//!
//! Terminals without their own shaper (xterm, Alacritty, Windows Terminal, VTE in explicit
//! mode…) draw each letter in its isolated form unless they are sent the contextual forms. The
//! joining types below are those of Unicode's ArabicShaping.txt as GNU FriBidi ships them
//! (checked against `fribidi_get_joining_type`), and the forms are the compatibility
//! decompositions of the presentation-form characters (`<isolated>`, `<final>`, `<initial>`,
//! `<medial>`), which is also how FriBidi builds its table. So shaped output equals FriBidi's
//! `FRIBIDI_FLAG_SHAPE_ARAB_PRES` (+ `…_LIGA`), except where the module says otherwise:
//!
//! * a lam-alef ligature also forms across marks between lam and alef (لَا → ﻻ + fatha;
//!   FriBidi needs them adjacent), and the marks follow the ligature;
//! * no U+FEFF fill character is left where the alef was.
//!
//! Like FriBidi, non-joining letters (HAMZA U+0621) and join-causing tatweel stay as they are.

use super::sanitize::{Fate, fate};

/// Unicode joining type of a character (ArabicShaping.txt). Left-joining (L) letters do not
/// occur in Arabic script and are treated as non-joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JoinType {
    /// U: joins neither side (hamza, digits, Latin, spaces…).
    NonJoining,
    /// R: joins the preceding letter only (alef, dal, reh, waw, teh marbuta…).
    Right,
    /// D: joins both sides.
    Dual,
    /// C: causes joining on both sides without changing shape (tatweel, ZWJ).
    Causing,
    /// T: skipped when looking for neighbours (harakat and other marks).
    Transparent,
}

pub(crate) const LAM: char = '\u{0644}';

/// Joining type of `c`.
pub(crate) fn joining(c: char) -> JoinType {
    use JoinType::{Causing as C, Dual as D, NonJoining as U, Right as R, Transparent as T};
    match c as u32 {
        0x0000..=0x02FF => U,
        cp @ 0x0600..=0x06FF => ARABIC_BLOCK[(cp - 0x0600) as usize],
        0x0759..=0x075B | 0x076B | 0x076C | 0x0771 | 0x0773 | 0x0774 | 0x0778 | 0x0779 => R,
        0x0750..=0x077F => D,
        0x08AA..=0x08AC | 0x08AE | 0x08B1 | 0x08B2 | 0x08B9 => R,
        0x08AD | 0x08B5 => U,
        0x08A0..=0x08BD => D,
        0x08D4..=0x08E1 | 0x08E3..=0x08FF => T,
        0x200C => U,
        0x200D => C,
        // Other marks and format characters (general categories Mn, Me, Cf) are transparent;
        // zero width is a close enough test for them outside the Arabic blocks.
        _ if crate::layout::width::char_width(c) == 0 => T,
        _ => U,
    }
}

/// Joining types of U+0600–06FF, looked up by `joining` (the hottest path of shaping).
static ARABIC_BLOCK: [JoinType; 256] = {
    let mut table = [JoinType::NonJoining; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = arabic_block_joining(0x0600 + i as u32);
        i += 1;
    }
    table
};

const fn arabic_block_joining(cp: u32) -> JoinType {
    use JoinType::{Causing as C, Dual as D, NonJoining as U, Right as R, Transparent as T};
    match cp {
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 => T,
        0x0620 | 0x0626 | 0x0628 | 0x062A..=0x062E | 0x0633..=0x063F => D,
        0x0622..=0x0625 | 0x0627 | 0x0629 | 0x062F..=0x0632 | 0x0648 => R,
        0x0640 => C,
        0x0641..=0x0647 | 0x0649 | 0x064A | 0x066E | 0x066F => D,
        0x0671..=0x0673 | 0x0675..=0x0677 | 0x0688..=0x0699 => R,
        0x0678..=0x0687 | 0x069A..=0x06BF => D,
        0x06C0 | 0x06C3..=0x06CB | 0x06CD | 0x06CF | 0x06D2 | 0x06D3 | 0x06D5 => R,
        0x06C1 | 0x06C2 | 0x06CC | 0x06CE | 0x06D0 | 0x06D1 => D,
        0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED => T,
        0x06EE | 0x06EF => R,
        0x06FA..=0x06FC | 0x06FF => D,
        _ => U,
    }
}

/// Presentation forms of a letter: [isolated, final, initial, medial]; 0 = no such form.
fn forms(c: char) -> [u32; 4] {
    let cp = c as u32;
    if (0x0621..=0x064A).contains(&cp) {
        return ARABIC_FORMS[(cp - 0x0621) as usize];
    }
    match cp {
        0x0671 => [0xFB50, 0xFB51, 0, 0],
        0x0677 => [0xFBDD, 0, 0, 0],
        0x0679 => [0xFB66, 0xFB67, 0xFB68, 0xFB69],
        0x067A => [0xFB5E, 0xFB5F, 0xFB60, 0xFB61],
        0x067B => [0xFB52, 0xFB53, 0xFB54, 0xFB55],
        0x067E => [0xFB56, 0xFB57, 0xFB58, 0xFB59],
        0x067F => [0xFB62, 0xFB63, 0xFB64, 0xFB65],
        0x0680 => [0xFB5A, 0xFB5B, 0xFB5C, 0xFB5D],
        0x0683 => [0xFB76, 0xFB77, 0xFB78, 0xFB79],
        0x0684 => [0xFB72, 0xFB73, 0xFB74, 0xFB75],
        0x0686 => [0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D],
        0x0687 => [0xFB7E, 0xFB7F, 0xFB80, 0xFB81],
        0x0688 => [0xFB88, 0xFB89, 0, 0],
        0x068C => [0xFB84, 0xFB85, 0, 0],
        0x068D => [0xFB82, 0xFB83, 0, 0],
        0x068E => [0xFB86, 0xFB87, 0, 0],
        0x0691 => [0xFB8C, 0xFB8D, 0, 0],
        0x0698 => [0xFB8A, 0xFB8B, 0, 0],
        0x06A4 => [0xFB6A, 0xFB6B, 0xFB6C, 0xFB6D],
        0x06A6 => [0xFB6E, 0xFB6F, 0xFB70, 0xFB71],
        0x06A9 => [0xFB8E, 0xFB8F, 0xFB90, 0xFB91],
        0x06AD => [0xFBD3, 0xFBD4, 0xFBD5, 0xFBD6],
        0x06AF => [0xFB92, 0xFB93, 0xFB94, 0xFB95],
        0x06B1 => [0xFB9A, 0xFB9B, 0xFB9C, 0xFB9D],
        0x06B3 => [0xFB96, 0xFB97, 0xFB98, 0xFB99],
        0x06BA => [0xFB9E, 0xFB9F, 0, 0],
        0x06BB => [0xFBA0, 0xFBA1, 0xFBA2, 0xFBA3],
        0x06BE => [0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD],
        0x06C0 => [0xFBA4, 0xFBA5, 0, 0],
        0x06C1 => [0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9],
        0x06C5 => [0xFBE0, 0xFBE1, 0, 0],
        0x06C6 => [0xFBD9, 0xFBDA, 0, 0],
        0x06C7 => [0xFBD7, 0xFBD8, 0, 0],
        0x06C8 => [0xFBDB, 0xFBDC, 0, 0],
        0x06C9 => [0xFBE2, 0xFBE3, 0, 0],
        0x06CB => [0xFBDE, 0xFBDF, 0, 0],
        0x06CC => [0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF],
        0x06D0 => [0xFBE4, 0xFBE5, 0xFBE6, 0xFBE7],
        0x06D2 => [0xFBAE, 0xFBAF, 0, 0],
        0x06D3 => [0xFBB0, 0xFBB1, 0, 0],
        _ => [0; 4],
    }
}

/// Forms of U+0621 (HAMZA) … U+064A (YEH). Tatweel and U+063B–063F have none; hamza's
/// isolated form exists but hamza is non-joining, so like FriBidi it is never used.
#[rustfmt::skip]
const ARABIC_FORMS: [[u32; 4]; 0x064A - 0x0621 + 1] = [
    [0xFE80, 0, 0, 0],                  // 0621 hamza
    [0xFE81, 0xFE82, 0, 0],             // 0622 alef with madda above
    [0xFE83, 0xFE84, 0, 0],             // 0623 alef with hamza above
    [0xFE85, 0xFE86, 0, 0],             // 0624 waw with hamza above
    [0xFE87, 0xFE88, 0, 0],             // 0625 alef with hamza below
    [0xFE89, 0xFE8A, 0xFE8B, 0xFE8C],   // 0626 yeh with hamza above
    [0xFE8D, 0xFE8E, 0, 0],             // 0627 alef
    [0xFE8F, 0xFE90, 0xFE91, 0xFE92],   // 0628 beh
    [0xFE93, 0xFE94, 0, 0],             // 0629 teh marbuta
    [0xFE95, 0xFE96, 0xFE97, 0xFE98],   // 062A teh
    [0xFE99, 0xFE9A, 0xFE9B, 0xFE9C],   // 062B theh
    [0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0],   // 062C jeem
    [0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4],   // 062D hah
    [0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8],   // 062E khah
    [0xFEA9, 0xFEAA, 0, 0],             // 062F dal
    [0xFEAB, 0xFEAC, 0, 0],             // 0630 thal
    [0xFEAD, 0xFEAE, 0, 0],             // 0631 reh
    [0xFEAF, 0xFEB0, 0, 0],             // 0632 zain
    [0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4],   // 0633 seen
    [0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8],   // 0634 sheen
    [0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC],   // 0635 sad
    [0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0],   // 0636 dad
    [0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4],   // 0637 tah
    [0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8],   // 0638 zah
    [0xFEC9, 0xFECA, 0xFECB, 0xFECC],   // 0639 ain
    [0xFECD, 0xFECE, 0xFECF, 0xFED0],   // 063A ghain
    [0, 0, 0, 0],                       // 063B keheh with two dots above
    [0, 0, 0, 0],                       // 063C keheh with three dots below
    [0, 0, 0, 0],                       // 063D farsi yeh with inverted v
    [0, 0, 0, 0],                       // 063E farsi yeh with two dots above
    [0, 0, 0, 0],                       // 063F farsi yeh with three dots above
    [0, 0, 0, 0],                       // 0640 tatweel
    [0xFED1, 0xFED2, 0xFED3, 0xFED4],   // 0641 feh
    [0xFED5, 0xFED6, 0xFED7, 0xFED8],   // 0642 qaf
    [0xFED9, 0xFEDA, 0xFEDB, 0xFEDC],   // 0643 kaf
    [0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0],   // 0644 lam
    [0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4],   // 0645 meem
    [0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8],   // 0646 noon
    [0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC],   // 0647 heh
    [0xFEED, 0xFEEE, 0, 0],             // 0648 waw
    [0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9],   // 0649 alef maksura
    [0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4],   // 064A yeh
];

/// The lam-alef ligature for lam + `alef`: isolated when the lam does not join the letter
/// before it, final when it does. `None` when `alef` is not an alef lam ligates with.
pub(crate) fn lam_alef_ligature(alef: char, lam_joins_previous: bool) -> Option<char> {
    let isolated = match alef {
        '\u{0622}' => 0xFEF5, // with madda above: لآ
        '\u{0623}' => 0xFEF7, // with hamza above: لأ
        '\u{0625}' => 0xFEF9, // with hamza below: لإ
        '\u{0627}' => 0xFEFB, // plain: لا
        _ => return None,
    };
    char::from_u32(isolated + u32::from(lam_joins_previous))
}

/// The contextual form of a joining letter; the letter itself when it has no such form.
pub(crate) fn contextual_form(c: char, joins_previous: bool, joins_next: bool) -> char {
    let slot = match (joins_previous, joins_next) {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    };
    let form = forms(c)[slot];
    if form == 0 {
        c
    } else {
        char::from_u32(form).unwrap_or(c)
    }
}

/// Shapes `text` (logical order, already sanitized) and hands every output char with the
/// byte offset in `text` it stands for to `emit`. A ligature stands for its lam's offset; the
/// marks that followed the lam are emitted after it.
pub(crate) fn shape(text: &str, ligatures: bool, mut emit: impl FnMut(char, usize)) {
    // Whether the last non-transparent char joins towards the char after it (D or C).
    let mut previous_joins_forward = false;
    // The joining type of the char the last look-ahead stopped at, usually the next char.
    let mut looked_ahead: Option<(usize, char, JoinType)> = None;
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let kind = match looked_ahead {
            Some((position, _, kind)) if position == at => kind,
            _ => joining(c),
        };
        let after = at + c.len_utf8();
        match kind {
            JoinType::Transparent => emit(c, at),
            JoinType::NonJoining | JoinType::Causing => {
                emit(c, at);
                previous_joins_forward = kind == JoinType::Causing;
            }
            JoinType::Right | JoinType::Dual => {
                let joins_previous = previous_joins_forward;
                let next = next_non_transparent(text, after);
                looked_ahead = next;
                let joins_next = kind == JoinType::Dual
                    && next.is_some_and(|(_, _, next_kind)| {
                        matches!(
                            next_kind,
                            JoinType::Right | JoinType::Dual | JoinType::Causing
                        )
                    });
                if ligatures
                    && c == LAM
                    && joins_next
                    && let Some((alef_at, alef, _)) = next
                    // Not across a bidi mark: it is a cluster of its own, never drawn, and the
                    // alef's bytes would fall outside every cluster.
                    && !text[after..alef_at].chars().any(|m| fate(m) == Fate::Mark)
                    && let Some(ligature) = lam_alef_ligature(alef, joins_previous)
                {
                    emit(ligature, at);
                    for (offset, mark) in text[after..alef_at].char_indices() {
                        emit(mark, after + offset);
                    }
                    // The ligature ends in an alef, which never joins forward.
                    previous_joins_forward = false;
                    at = alef_at + alef.len_utf8();
                    continue;
                }
                emit(contextual_form(c, joins_previous, joins_next), at);
                previous_joins_forward = kind == JoinType::Dual;
            }
        }
        at = after;
    }
}

/// Offset, char and joining type of the first char from `from` on that is not transparent.
fn next_non_transparent(text: &str, from: usize) -> Option<(usize, char, JoinType)> {
    text[from..]
        .char_indices()
        .map(|(offset, c)| (from + offset, c, joining(c)))
        .find(|&(_, _, kind)| kind != JoinType::Transparent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(text: &str, ligatures: bool) -> String {
        let mut out = String::new();
        shape(text, ligatures, |c, _| out.push(c));
        out
    }

    #[test]
    fn four_forms_of_beh() {
        // isolated, initial + final, initial + medial + final
        assert_eq!(shaped("ب", false), "\u{FE8F}");
        assert_eq!(shaped("بب", false), "\u{FE91}\u{FE90}");
        assert_eq!(shaped("ببب", false), "\u{FE91}\u{FE92}\u{FE90}");
    }

    #[test]
    fn right_joining_letters_break_the_chain() {
        // بوتين: beh initial, waw final, teh initial, yeh medial, noon final
        assert_eq!(
            shaped("بوتين", false),
            "\u{FE91}\u{FEEE}\u{FE97}\u{FEF4}\u{FEE6}"
        );
    }

    #[test]
    fn harakat_are_transparent_and_kept() {
        // كَتَبَ: marks kept after their letter, letters still joined
        assert_eq!(
            shaped("كَتَبَ", false),
            "\u{FEDB}\u{64E}\u{FE98}\u{64E}\u{FE90}\u{64E}"
        );
    }

    #[test]
    fn hamza_stays_unshaped_like_fribidi() {
        // FriBidi leaves the non-joining HAMZA as U+0621 (ar-reshaper gives U+FE80).
        assert_eq!(shaped("ماء", false), "\u{FEE3}\u{FE8E}\u{621}");
    }

    #[test]
    fn tatweel_joins_both_sides_and_stays() {
        // الـ75: alef isolated, lam initial (joins the tatweel), tatweel unchanged
        assert_eq!(shaped("الـ75", false), "\u{FE8D}\u{FEDF}\u{640}75");
    }

    #[test]
    fn lam_alef_ligatures() {
        assert_eq!(shaped("لا", true), "\u{FEFB}");
        assert_eq!(shaped("لا", false), "\u{FEDF}\u{FE8E}");
        assert_eq!(shaped("علا", true), "\u{FECB}\u{FEFC}");
        assert_eq!(shaped("لأ", true), "\u{FEF7}");
        assert_eq!(shaped("لإ", true), "\u{FEF9}");
        assert_eq!(shaped("لآ", true), "\u{FEF5}");
        assert_eq!(shaped("ملآ", true), "\u{FEE3}\u{FEF6}");
    }

    #[test]
    fn lam_haraka_alef_ligates_and_the_mark_follows() {
        assert_eq!(shaped("لَا", true), "\u{FEFB}\u{64E}");
        assert_eq!(shaped("لاً", true), "\u{FEFB}\u{64B}");
        // and the letter after the ligature starts a new chain
        assert_eq!(shaped("لاب", true), "\u{FEFB}\u{FE8F}");
    }

    #[test]
    fn no_ligature_across_a_bidi_mark() {
        assert_eq!(shaped("ل\u{200e}ا", true), "\u{FEDF}\u{200e}\u{FE8E}");
    }

    #[test]
    fn ligature_keeps_the_lam_offset() {
        let mut out = Vec::new();
        shape("لَا", true, |c, o| out.push((c, o)));
        assert_eq!(out, vec![('\u{FEFB}', 0), ('\u{64E}', 2)]);
    }

    #[test]
    fn persian_letters_use_forms_b_block() {
        // پ initial, then the right-joining ژ in its final form
        assert_eq!(shaped("پژ", false), "\u{FB58}\u{FB8B}");
        assert_eq!(shaped("ی", false), "\u{FBFC}");
    }

    #[test]
    fn zwj_causes_joining_and_zwnj_prevents_it() {
        assert_eq!(shaped("ب\u{200d}", false), "\u{FE91}\u{200d}");
        assert_eq!(shaped("ب\u{200c}ب", false), "\u{FE8F}\u{200c}\u{FE8F}");
    }
}
