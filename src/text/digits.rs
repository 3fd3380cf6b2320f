//! Digits in every script and the separators Arabic outlets put between them.
//!
//! Western (`0-9`), Arabic-Indic (`٠-٩`) and Persian (`۰-۹`) digits are read digit by digit, so
//! mixed tokens such as `١3` work. [`lex_number`] reads one number as written — digit groups and
//! the separators between them — and [`RawNumber::value`] decides what the separators mean:
//!
//! * `5ر3` (Tunisian/TAP wire style) is a decimal written **fraction first**: 3.5; `19ر162` = 162.19.
//! * several identical separators between 3-digit groups are thousands grouping:
//!   `1.200.164`, `1,500,000`, `٥٫٩٤٩٫٢١٢`; `٬` is always grouping.
//! * two different separators: the last one is the decimal mark (`1,234.5`, `1.234,5`).
//! * one `,` followed by exactly three digits is grouping (`2,650 مليون` = 2,650 million) unless
//!   the integer part is `0`; one `.` followed by exactly three digits is grouping
//!   (`121.500 دينار`) unless a magnitude word or a percent follows (`1.085 مليون` is a decimal) or
//!   the integer part is `0`; otherwise either is the decimal mark (`3.5`, `46,49`). `٫` alone is
//!   the decimal mark.
//! * the Arabic comma `،` is read as a decimal mark only when one to three digits follow it
//!   (`29،446 مليون` = 29.446 million in Tunisian copy); the caller
//!   must check that a percent, magnitude or unit comes next ([`RawNumber::uses_arabic_comma`]) and
//!   otherwise fall back to [`RawNumber::before_arabic_comma`].
//!
//! Bidi marks (LRM, RLM, ALM) inside a number are skipped. Space-grouped numbers are not joined:
//! some are stored in reversed group order, so guessing would produce wrong values.

/// Numeric value of a digit in any supported script.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '٠'..='٩' => Some(c as u32 - '٠' as u32),
        '۰'..='۹' => Some(c as u32 - '۰' as u32),
        _ => None,
    }
}

/// True for a digit in any supported script.
#[inline]
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Invisible bidi marks that outlets leave inside numbers.
#[inline]
pub fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The ASCII form of a digit string in any script (other characters dropped).
pub fn to_ascii_digits(s: &str) -> String {
    s.chars()
        .filter_map(digit_value)
        .filter_map(|d| char::from_digit(d, 10))
        .collect()
}

/// Maximum number of digit groups kept for one number.
const MAX_GROUPS: usize = 6;

/// A separator between two digit groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    Dot,
    Comma,
    ArabicDecimal,
    ArabicThousands,
    ArabicComma,
    /// The Tunisian `ر`, fraction first.
    Reh,
}

impl Sep {
    fn from_char(c: char) -> Option<Sep> {
        match c {
            '.' => Some(Sep::Dot),
            ',' => Some(Sep::Comma),
            '٫' => Some(Sep::ArabicDecimal),
            '٬' => Some(Sep::ArabicThousands),
            '،' => Some(Sep::ArabicComma),
            'ر' => Some(Sep::Reh),
            _ => None,
        }
    }
}

/// One run of digits: its value and how many digits it has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Group {
    pub value: u64,
    pub len: u8,
    /// Byte offset just after the last digit of this group.
    pub end: usize,
}

/// A number as written: digit groups and the separators between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawNumber {
    pub start: usize,
    /// Byte offset just after the last digit.
    pub end: usize,
    groups: [Group; MAX_GROUPS],
    seps: [Option<Sep>; MAX_GROUPS],
    count: usize,
}

impl RawNumber {
    /// The digit groups, in text order.
    pub fn groups(&self) -> &[Group] {
        &self.groups[..self.count]
    }

    /// The separator after group `i` (`None` for the last group).
    pub fn sep_after(&self, i: usize) -> Option<Sep> {
        if i + 1 < self.count {
            self.seps[i]
        } else {
            None
        }
    }

    /// A plain digit run without separators.
    pub fn is_plain(&self) -> bool {
        self.count == 1
    }

    /// Value of a plain digit run (`None` when separators are present).
    pub fn plain_value(&self) -> Option<u64> {
        self.is_plain().then_some(self.groups[0].value)
    }

    /// Number of digits of a plain run.
    pub fn plain_len(&self) -> usize {
        usize::from(self.groups[0].len)
    }

    /// True when the last separator is the Arabic comma read as a decimal mark.
    pub fn uses_arabic_comma(&self) -> bool {
        self.count >= 2 && self.seps[self.count - 2] == Some(Sep::ArabicComma)
    }

    /// True when the number is written with the Tunisian `ر` decimal.
    pub fn uses_reh(&self) -> bool {
        self.seps[..self.count.saturating_sub(1)].contains(&Some(Sep::Reh))
    }

    /// The same number cut before its last separator (used to undo a doubtful `،`).
    pub fn before_arabic_comma(&self) -> RawNumber {
        let mut out = *self;
        if out.count >= 2 {
            out.count -= 1;
            out.end = out.groups[out.count - 1].end;
            out.seps[out.count - 1] = None;
        }
        out
    }

    /// Numeric value. `scaled` says a magnitude word or a percent follows, which makes a single
    /// separator before three digits a decimal mark rather than thousands grouping.
    pub fn value(&self, scaled: bool) -> f64 {
        let groups = self.groups();
        match groups {
            [] => 0.0,
            [one] => one.value as f64,
            [a, b] => self.two_group_value(a, b, scaled),
            _ => self.many_group_value(),
        }
    }

    fn two_group_value(&self, a: &Group, b: &Group, scaled: bool) -> f64 {
        let sep = self.seps[0];
        match sep {
            Some(Sep::Reh) => {
                if a.len == 3 && a.value == 0 && !scaled {
                    // `000ر22` is 22,000 written fraction first.
                    (b.value * 1000) as f64
                } else {
                    decimal(b.value, a.value, a.len)
                }
            }
            Some(Sep::ArabicThousands) => join_thousands(&[*a, *b]),
            Some(Sep::ArabicDecimal) | Some(Sep::ArabicComma) => decimal(a.value, b.value, b.len),
            Some(Sep::Comma) if b.len == 3 && a.value != 0 && a.len <= 3 => {
                join_thousands(&[*a, *b])
            }
            Some(Sep::Dot) | Some(Sep::Comma) => {
                if b.len == 3 && !scaled && a.value != 0 && a.len <= 3 {
                    join_thousands(&[*a, *b])
                } else {
                    decimal(a.value, b.value, b.len)
                }
            }
            None => a.value as f64,
        }
    }

    fn many_group_value(&self) -> f64 {
        let groups = self.groups();
        let n = groups.len();
        let last_sep = self.seps[n - 2];
        let earlier_same = self.seps[..n - 2].iter().all(|s| *s == last_sep);
        let tail_is_thousands = groups[1..].iter().all(|g| g.len == 3);
        if earlier_same && tail_is_thousands {
            return join_thousands(groups);
        }
        // Different last separator: it is the decimal mark, the others group thousands.
        let int = join_thousands(&groups[..n - 1]);
        let frac = groups[n - 1];
        int + decimal(0, frac.value, frac.len)
    }
}

fn decimal(int: u64, frac: u64, frac_len: u8) -> f64 {
    int as f64 + frac as f64 / 10f64.powi(i32::from(frac_len))
}

fn join_thousands(groups: &[Group]) -> f64 {
    groups
        .iter()
        .fold(0.0, |acc, g| acc * 1000.0 + g.value as f64)
}

/// Reads one digit group starting at byte `i`; returns the group or `None` if no digit is there.
fn lex_group(text: &str, mut i: usize) -> Option<Group> {
    let mut value: u64 = 0;
    let mut len: u8 = 0;
    let mut end = i;
    while let Some(c) = text[i..].chars().next() {
        if let Some(d) = digit_value(c) {
            value = value.saturating_mul(10).saturating_add(u64::from(d));
            len = len.saturating_add(1);
            i += c.len_utf8();
            end = i;
        } else if is_bidi_mark(c)
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_digit)
        {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    (len > 0).then_some(Group { value, len, end })
}

/// Skips bidi marks from byte `i`.
fn skip_marks(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if is_bidi_mark(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Whether the character after a group of `len` digits at byte `i` ends the number (not a digit,
/// not a letter glued to it).
fn separator_allowed(sep: Sep, next: &Group, text: &str, count: usize) -> bool {
    match sep {
        // `،` as a decimal: 1-3 digits and no further group (a list `1958،1962` is not a number).
        Sep::ArabicComma => next.len <= 3 && count == 1 && !text[next.end..].starts_with('،'),
        // `ر` only once, and not glued to a following letter (`5ر3 مليون`, not `5ر3ب`).
        Sep::Reh => {
            count == 1
                && !text[next.end..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() && c != 'م' && c != 'د')
        }
        _ => true,
    }
}

/// Reads the number starting at byte `start` (which must hold a digit).
pub fn lex_number(text: &str, start: usize) -> Option<RawNumber> {
    let first = lex_group(text, start)?;
    let mut raw = RawNumber {
        start,
        end: first.end,
        groups: [Group::default(); MAX_GROUPS],
        seps: [None; MAX_GROUPS],
        count: 1,
    };
    raw.groups[0] = first;
    while raw.count < MAX_GROUPS {
        let here = raw.end;
        let Some(c) = text[here..].chars().next() else {
            break;
        };
        let Some(sep) = Sep::from_char(c) else {
            break;
        };
        let after = skip_marks(text, here + c.len_utf8());
        let Some(next) = lex_group(text, after) else {
            break;
        };
        if !separator_allowed(sep, &next, text, raw.count) {
            break;
        }
        raw.seps[raw.count - 1] = Some(sep);
        raw.groups[raw.count] = next;
        raw.count += 1;
        raw.end = next.end;
    }
    Some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str, scaled: bool) -> f64 {
        lex_number(s, 0)
            .map(|r| r.value(scaled))
            .unwrap_or(f64::NAN)
    }

    #[test]
    fn scripts_and_mixed() {
        assert_eq!(val("2023", false), 2023.0);
        assert_eq!(val("٢٠٢٣", false), 2023.0);
        assert_eq!(val("۱۴۰۲", false), 1402.0);
        assert_eq!(val("١3", false), 13.0);
    }

    #[test]
    fn separators() {
        assert_eq!(val("3.5", false), 3.5);
        assert_eq!(val("46,49", false), 46.49);
        assert_eq!(val("1,500,000", false), 1_500_000.0);
        assert_eq!(val("1.200.164", false), 1_200_164.0);
        assert_eq!(val("121.500", false), 121_500.0);
        assert_eq!(val("1.085", true), 1.085);
        assert_eq!(val("٥٫٩٤٩٫٢١٢", false), 5_949_212.0);
        assert_eq!(val("٣٫٥", false), 3.5);
        assert_eq!(val("1,234.5", false), 1234.5);
        assert_eq!(val("0.690", false), 0.69);
        assert_eq!(val("64.\u{200f}2", true), 64.2);
    }

    #[test]
    fn tunisian_reh() {
        assert_eq!(val("5ر3", true), 3.5);
        assert_eq!(val("19ر162", false), 162.19);
        assert_eq!(val("000ر22", false), 22_000.0);
    }

    #[test]
    fn arabic_comma() {
        let r = lex_number("6،4%", 0).map(|r| (r.uses_arabic_comma(), r.value(true)));
        assert_eq!(r, Some((true, 6.4)));
        let list = lex_number("1958،1962", 0).map(|r| r.value(false));
        assert_eq!(list, Some(1958.0));
        let undo = lex_number("44،72", 0).map(|r| r.before_arabic_comma().value(false));
        assert_eq!(undo, Some(44.0));
    }
}
