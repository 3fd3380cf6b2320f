//! The rules: from tokens to figures (span, value, unit, kind, qualifier) and year mentions.
//!
//! The parser walks the tokens once. At each position it tries, in order: a date, a Hijri year,
//! an ordinal, a match score, a plain year (kept as context, not a figure), an amount (number
//! phrase + unit, possibly a range). Anything left that is a number becomes a bare count.

use std::ops::Range;

use super::FigureKind;
use super::lexicon::{Calendar, Lex, Lexicon, QUALIFIERS, UnitClass, is_stopword, two_word_month};
use super::tokens::{Tok, Tokens};

/// What kind of unit a figure ended up with (used for ranking and labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    None,
    Percent,
    Currency,
    Measure,
    People,
    Population,
    Counted,
    Calendar,
}

/// A figure before its context (label, year, entities, score) is known.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    pub first_tok: usize,
    pub last_tok: usize,
    pub range: Range<usize>,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub unit_kind: UnitKind,
    pub kind: FigureKind,
    pub qualifier: Option<Range<usize>>,
    /// For dates: the (Gregorian) year the date itself names.
    pub own_year: Option<i32>,
}

/// A year named in the text: absolute, or relative to the article's year (العام الماضي = -1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    Relative(i32),
}

/// A year mention at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMention {
    pub tok: usize,
    pub year: YearRef,
}

/// A number phrase: digits or number words with their magnitude, before any unit.
#[derive(Debug, Clone, Copy)]
struct NumPhrase {
    first: usize,
    last: usize,
    value: f64,
    /// The largest magnitude word in the phrase (ألف = 1e3 …), if any.
    magnitude: Option<f64>,
    words: bool,
}

/// A unit after a number phrase.
#[derive(Debug, Clone)]
struct UnitInfo {
    unit: Option<String>,
    kind: UnitKind,
    last: Option<usize>,
    /// An extra multiplier carried by the unit (Tunisian `م د` = million dinars).
    factor: f64,
}

impl UnitInfo {
    fn none() -> UnitInfo {
        UnitInfo {
            unit: None,
            kind: UnitKind::None,
            last: None,
            factor: 1.0,
        }
    }

    fn is_strong(&self) -> bool {
        matches!(
            self.kind,
            UnitKind::Percent
                | UnitKind::Currency
                | UnitKind::Measure
                | UnitKind::People
                | UnitKind::Population
        )
    }
}

/// Output of the parser.
#[derive(Debug, Default)]
pub struct Parsed {
    pub figures: Vec<RawFigure>,
    pub years: Vec<YearMention>,
}

/// The parser over one text's tokens.
pub struct Parser<'a> {
    text: &'a str,
    toks: &'a mut Tokens,
    lex: Vec<Option<(Lex, u8)>>,
    sentence: &'a [u32],
    out: Parsed,
}

const MONTH_CE_FACTOR: f64 = 0.970_229;

/// Approximate Gregorian year of a Hijri year.
pub fn hijri_to_ce(year: i32) -> i32 {
    (f64::from(year) * MONTH_CE_FACTOR + 621.5643).round() as i32
}

fn is_plausible_year(y: u64) -> bool {
    (1900..=2100).contains(&y)
}

fn is_hijri_year(y: u64) -> bool {
    (1300..=1500).contains(&y)
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str, toks: &'a mut Tokens, sentence: &'a [u32]) -> Parser<'a> {
        let lexicon = Lexicon::get();
        let lex = (0..toks.len())
            .map(|i| {
                let norm = toks.norm(i);
                if norm.is_empty() {
                    None
                } else {
                    lexicon.lookup(norm).map(|(l, p)| (l, p as u8))
                }
            })
            .collect();
        Parser {
            text,
            toks,
            lex,
            sentence,
            out: Parsed::default(),
        }
    }

    /// Runs the rules over the whole text.
    pub fn run(mut self) -> Parsed {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            i = self.step(i);
        }
        self.out
    }

    fn step(&mut self, i: usize) -> usize {
        if let Some(next) = self.skip_non_figure(i) {
            return next;
        }
        let attempts: [fn(&mut Self, usize) -> Option<usize>; 6] = [
            Self::try_date,
            Self::try_ordinal,
            Self::try_score,
            Self::try_score_words,
            Self::try_year,
            Self::try_amount,
        ];
        for attempt in attempts {
            if let Some(next) = attempt(self, i) {
                return next.max(i + 1);
            }
        }
        i + 1
    }

    // ---------------------------------------------------------------- token helpers

    fn lex_at(&self, i: usize) -> Option<Lex> {
        self.lex.get(i).copied().flatten().map(|(l, _)| l)
    }

    /// The lexicon entry of token `i` only when it has no proclitic.
    fn lex_bare(&self, i: usize) -> Option<Lex> {
        match self.lex.get(i).copied().flatten() {
            Some((l, 0)) => Some(l),
            _ => None,
        }
    }

    fn norm(&self, i: usize) -> &str {
        self.toks.norm(i)
    }

    fn num(&self, i: usize) -> Option<crate::text::digits::RawNumber> {
        self.toks.number(i).copied()
    }

    fn plain(&self, i: usize) -> Option<(u64, usize)> {
        self.num(i)
            .and_then(|r| r.plain_value().map(|v| (v, r.plain_len())))
    }

    fn start(&self, i: usize) -> usize {
        self.toks.list.get(i).map_or(self.text.len(), |t| t.start)
    }

    fn end(&self, i: usize) -> usize {
        self.toks.list.get(i).map_or(self.text.len(), |t| t.end)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence.get(a).is_some() && self.sentence.get(a) == self.sentence.get(b)
    }

    fn is_latin_word(&self, i: usize) -> bool {
        self.toks.is_word(i)
            && self
                .text
                .get(self.start(i)..self.end(i))
                .is_some_and(|s| s.chars().any(|c| c.is_ascii_alphabetic()))
    }

    fn is_number_start(&self, i: usize) -> bool {
        self.num(i).is_some()
            || matches!(
                self.lex_at(i),
                Some(Lex::NumWord { .. } | Lex::TeenHead { .. } | Lex::Ten | Lex::Hundred)
            )
            || matches!(self.lex_at(i), Some(Lex::Magnitude { dual: true, .. }))
    }

    fn push(&mut self, fig: RawFigure) {
        self.out.figures.push(fig);
    }

    // ---------------------------------------------------------------- things that are not figures

    /// Times (18:00, الساعة 6), identifiers (رقم 69), numbers glued to Latin words (G20).
    fn skip_non_figure(&self, i: usize) -> Option<usize> {
        self.num(i)?;
        if self.toks.is_punct(i + 1, ':')
            && self.num(i + 2).is_some()
            && self.toks.gap(i, i + 2) <= 1
        {
            return Some(i + 3);
        }
        // Model names: `ميغ-29`, `إس-400` (a word, a hyphen and digits glued together).
        if i >= 2
            && self.toks.is_punct(i - 1, '-')
            && self.toks.gap(i - 1, i) == 0
            && self.toks.is_word(i - 2)
            && self.toks.gap(i - 2, i - 1) == 0
        {
            return Some(i + 1);
        }
        // Phone numbers and IDs: a long plain digit run with no unit after it.
        if self.plain(i).is_some_and(|(_, len)| len >= 8)
            && !self.unit_after(i + 1, false).is_strong()
            && self.magnitude_at(i + 1).is_none()
        {
            return Some(i + 1);
        }
        // `لسنة 76`: a two-digit year after عام/سنة.
        if i > 0
            && matches!(self.lex_at(i - 1), Some(Lex::YearWord))
            && self.plain(i).is_some_and(|(_, len)| len == 2)
            && !self.unit_after(i + 1, false).is_strong()
        {
            return Some(i + 1);
        }
        // `المادة 4`, `الفصل (4/2)`, `الساعة 10`: an identifier's number, brackets and
        // sub-numbers included.
        let identifier = |k: usize| matches!(self.lex_at(k), Some(Lex::Identifier | Lex::Clock));
        let bracketed = i > 1 && self.toks.is_punct(i - 1, '(') && identifier(i - 2);
        if i > 0 && identifier(i - 1) || bracketed {
            let mut end = i + 1;
            while (self.toks.is_punct(end, '/') || self.toks.is_punct(end, '-'))
                && self.num(end + 1).is_some()
                && self.toks.gap(end - 1, end) == 0
                && self.toks.gap(end, end + 1) == 0
            {
                end += 2;
            }
            return Some(end);
        }
        let glued_latin = (i > 0 && self.is_latin_word(i - 1) && self.toks.gap(i - 1, i) <= 1)
            || (self.is_latin_word(i + 1) && self.toks.gap(i, i + 1) == 0);
        if glued_latin {
            return Some(i + 1);
        }
        // Inside a URL or an encoded path: %20 and friends.
        if i > 0 && self.toks.is_punct(i - 1, '%') && self.toks.gap(i - 1, i) == 0 {
            let before = self.start(i - 1);
            let prev_char = self.text[..before].chars().next_back();
            if prev_char.is_some_and(|c| c.is_ascii_alphanumeric() || c == '/') {
                return Some(i + 1);
            }
        }
        None
    }

    // ---------------------------------------------------------------- dates

    /// A month name at token `i`: (month, calendar, last token, homograph).
    fn month_at(&self, i: usize) -> Option<(u8, Calendar, usize, bool)> {
        match self.lex_bare(i)? {
            Lex::Month {
                month,
                calendar,
                homograph,
            } => Some((month, calendar, i, homograph)),
            Lex::MonthHead { key } => {
                two_word_month(key, self.norm(i + 1)).map(|(m, c)| (m, c, i + 1, false))
            }
            _ => None,
        }
    }

    /// A month with an optional second name: `فبراير/شباط`, `مارس (آذار)`.
    fn month_phrase(&self, i: usize) -> Option<(u8, Calendar, usize, bool)> {
        let (m, cal, last, homograph) = self.month_at(i)?;
        let j = last + 1;
        if (self.toks.is_punct(j, '/') || self.toks.is_punct(j, '-') || self.toks.is_punct(j, '–'))
            && let Some((_, _, l2, _)) = self.month_at(j + 1)
        {
            return Some((m, cal, l2, false));
        }
        if self.toks.is_punct(j, '(')
            && let Some((_, _, l2, _)) = self.month_at(j + 1)
        {
            let close = if self.toks.is_punct(l2 + 1, ')') {
                l2 + 1
            } else {
                l2
            };
            return Some((m, cal, close, false));
        }
        Some((m, cal, last, homograph))
    }

    /// An optional year after a month: `2022`, `من عام 2022`, `1436هـ`.
    fn year_after(&self, j: usize) -> Option<(u64, usize, bool)> {
        let mut k = j;
        if self.norm(k) == "من" {
            k += 1;
        }
        if matches!(self.lex_at(k), Some(Lex::YearWord)) {
            k += 1;
        }
        let (y, len) = self.plain(k)?;
        if len != 4 || !(is_plausible_year(y) || is_hijri_year(y)) {
            return None;
        }
        if matches!(self.lex_bare(k + 1), Some(Lex::HijriMarker)) && self.toks.gap(k, k + 1) <= 1 {
            return Some((y, k + 1, true));
        }
        if self.norm(k + 1) == "م" && self.toks.gap(k, k + 1) <= 1 {
            return Some((y, k + 1, false));
        }
        Some((y, k, false))
    }

    fn try_date(&mut self, i: usize) -> Option<usize> {
        self.try_numeric_date(i)
            .or_else(|| self.try_day_month(i))
            .or_else(|| self.try_month_year(i))
            .or_else(|| self.try_hijri_year(i))
    }

    fn push_date(
        &mut self,
        first: usize,
        last: usize,
        (y, m, d): (u64, u8, u64),
        day_max: Option<u64>,
        hijri: bool,
    ) -> usize {
        let value = (y * 10000 + u64::from(m) * 100 + d) as f64;
        let value_max = day_max.map(|d2| (y * 10000 + u64::from(m) * 100 + d2) as f64);
        let own_year = (y > 0).then(|| {
            let y = y as i32;
            if hijri { hijri_to_ce(y) } else { y }
        });
        let fig = RawFigure {
            first_tok: first,
            last_tok: last,
            range: self.start(first)..self.end(last),
            value,
            value_max,
            unit: Some(if hijri { "AH" } else { "CE" }.to_string()),
            unit_kind: UnitKind::Calendar,
            kind: FigureKind::Date,
            qualifier: None,
            own_year,
        };
        if let Some(year) = own_year {
            self.out.years.push(YearMention {
                tok: first,
                year: YearRef::Absolute(year),
            });
        }
        self.push(fig);
        last + 1
    }

    /// `24/2/2022`, `2022-02-24`, `٢٢/٩/١٤٣٦ه`, `15.7.2015`.
    fn try_numeric_date(&mut self, i: usize) -> Option<usize> {
        let raw = self.num(i)?;
        let (parts, last) = if raw.groups().len() == 3 && raw.sep_after(0) == raw.sep_after(1) {
            let g = raw.groups();
            (
                [
                    (g[0].value, g[0].len),
                    (g[1].value, g[1].len),
                    (g[2].value, g[2].len),
                ],
                i,
            )
        } else {
            let (a, alen) = self.plain(i)?;
            let sep = ['/', '-']
                .into_iter()
                .find(|c| self.toks.is_punct(i + 1, *c))?;
            let (b, blen) = self.plain(i + 2)?;
            if !self.toks.is_punct(i + 3, sep) {
                return None;
            }
            let (c, clen) = self.plain(i + 4)?;
            if self.toks.gap(i, i + 4) > 6 {
                return None;
            }
            ([(a, alen as u8), (b, blen as u8), (c, clen as u8)], i + 4)
        };
        let [(a, al), (b, bl), (c, cl)] = parts;
        let (y, m, d) = if al == 4 && bl <= 2 && cl <= 2 {
            (a, b, c)
        } else if al <= 2 && bl <= 2 && cl == 4 {
            (c, b, a)
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let mut last = last;
        let marker = matches!(self.lex_bare(last + 1), Some(Lex::HijriMarker));
        let hijri = is_hijri_year(y) || marker;
        if marker || self.norm(last + 1) == "م" {
            last += 1;
        }
        Some(self.push_date(i, last, (y, m as u8, d), None, hijri))
    }

    /// `24 فبراير/شباط 2022`, `20 من أغسطس`, `من 20 إلى 29 يوليو 2015`, `16 رمضان 1395هـ`.
    fn try_day_month(&mut self, i: usize) -> Option<usize> {
        let (d, dlen) = self.plain(i)?;
        if dlen > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let mut j = i + 1;
        let mut day_max = None;
        let joiner = self.toks.is_punct(j, '-')
            || self.toks.is_punct(j, '–')
            || matches!(self.norm(j), "الي" | "و" | "حتي");
        if joiner
            && let Some((d2, l2)) = self.plain(j + 1)
            && l2 <= 2
            && d2 > d
            && d2 <= 31
        {
            day_max = Some(d2);
            j += 2;
        }
        if self.norm(j) == "من" {
            j += 1;
        }
        if self.norm(j) == "شهر" {
            j += 1;
        }
        let (m, cal, last, _) = self.month_phrase(j)?;
        let (y, last, marker) = self.year_after(last + 1).unwrap_or((0, last, false));
        let hijri = cal == Calendar::Hijri || marker;
        Some(self.push_date(i, last, (y, m, d), day_max, hijri))
    }

    /// `أكتوبر 2023`, `تموز/يوليو 2015`, `رمضان 1436هـ`.
    fn try_month_year(&mut self, i: usize) -> Option<usize> {
        let (m, cal, last, _) = self.month_phrase(i)?;
        let (y, last, marker) = self.year_after(last + 1)?;
        let hijri = cal == Calendar::Hijri || marker;
        Some(self.push_date(i, last, (y, m, 0), None, hijri))
    }

    /// `1436هـ`, `1436 هـ`.
    fn try_hijri_year(&mut self, i: usize) -> Option<usize> {
        let (y, len) = self.plain(i)?;
        if len != 4 || !is_hijri_year(y) {
            return None;
        }
        if !matches!(self.lex_bare(i + 1), Some(Lex::HijriMarker)) || self.toks.gap(i, i + 1) > 1 {
            return None;
        }
        Some(self.push_date(i, i + 1, (y, 0, 0), None, true))
    }

    // ---------------------------------------------------------------- ordinals

    fn try_ordinal(&mut self, i: usize) -> Option<usize> {
        self.try_al_number(i)
            .or_else(|| self.try_ordinal_words(i))
            .or_else(|| self.try_context_number(i))
    }

    /// `المرتبة 95`, `الدورة 37`: a plain number right after an ordinal context noun.
    fn try_context_number(&mut self, i: usize) -> Option<usize> {
        let (v, len) = self.plain(i)?;
        if i == 0 || len > 3 || !matches!(self.lex_bare(i - 1), Some(Lex::OrdinalContext)) {
            return None;
        }
        if self.unit_after(i + 1, false).kind != UnitKind::None
            || self.magnitude_at(i + 1).is_some()
        {
            return None;
        }
        self.push(RawFigure {
            first_tok: i,
            last_tok: i,
            range: self.start(i)..self.end(i),
            value: v as f64,
            value_max: None,
            unit: None,
            unit_kind: UnitKind::None,
            kind: FigureKind::Ordinal,
            qualifier: None,
            own_year: None,
        });
        Some(i + 1)
    }

    /// `الـ75`, `الـ 75`, `ال20`.
    fn try_al_number(&mut self, i: usize) -> Option<usize> {
        if self.norm(i) != "ال" {
            return None;
        }
        let n = i + 1;
        let raw = self.num(n)?;
        let word_text = self.text.get(self.start(i)..self.end(i)).unwrap_or("");
        let glued =
            self.toks.gap(i, n) == 0 || (word_text.ends_with('ـ') && self.toks.gap(i, n) <= 1);
        if !glued {
            return None;
        }
        // `الـ1.41 دولار`, `الـ50 مليار دولار`: an amount, not an ordinal.
        let unit = self.unit_after(n + 1, false);
        if unit.is_strong() || self.magnitude_at(n + 1).is_some() || !raw.is_plain() {
            return None;
        }
        // `الأعوام الـ12 الماضية`, `الـ22 شهرا`: a definite count.
        let prev_plural = i > 0
            && looks_plural_definite(self.norm(i - 1))
            && !matches!(self.lex_at(i - 1), Some(Lex::OrdinalContext));
        if prev_plural || unit.kind == UnitKind::Counted && is_accusative(self.norm(n + 1)) {
            return None;
        }
        let value = raw.value(false);
        self.push(RawFigure {
            first_tok: i,
            last_tok: n,
            range: self.start(i)..self.end(n),
            value,
            value_max: None,
            unit: None,
            unit_kind: UnitKind::None,
            kind: FigureKind::Ordinal,
            qualifier: None,
            own_year: None,
        });
        Some(n + 1)
    }

    /// `الذكرى الخامسة والسبعين`, `الدورة الحادية عشرة`, `الذكرى المئوية`.
    fn try_ordinal_words(&mut self, i: usize) -> Option<usize> {
        if i == 0 || !matches!(self.lex_at(i - 1), Some(Lex::OrdinalContext)) {
            return None;
        }
        let Some(Lex::OrdinalWord { value }) = self.lex_bare(i) else {
            return None;
        };
        let mut total = value;
        let mut last = i;
        if matches!(self.lex_at(i + 1), Some(Lex::Ten)) {
            total += 10.0;
            last = i + 1;
        } else if let Some(Lex::OrdinalWord { value: tens }) = self.lex_at(i + 1)
            && tens >= 20.0
            && self.norm(i + 1).starts_with('و')
        {
            total += tens;
            last = i + 1;
        }
        self.push(RawFigure {
            first_tok: i,
            last_tok: last,
            range: self.start(i)..self.end(last),
            value: total,
            value_max: None,
            unit: None,
            unit_kind: UnitKind::None,
            kind: FigureKind::Ordinal,
            qualifier: None,
            own_year: None,
        });
        Some(last + 1)
    }

    // ---------------------------------------------------------------- scores

    fn score_side(&self, i: usize) -> Option<u64> {
        if self.norm(i) == "صفر" {
            return Some(0);
        }
        let (v, len) = self.plain(i)?;
        (len <= 2 && v <= 30).then_some(v)
    }

    fn sentence_has_sports_cue(&self, i: usize) -> bool {
        let Some(&s) = self.sentence.get(i) else {
            return false;
        };
        let mut a = i;
        while a > 0 && self.sentence.get(a - 1) == Some(&s) {
            a -= 1;
        }
        let mut b = i;
        while self.sentence.get(b + 1) == Some(&s) {
            b += 1;
        }
        (a..=b).any(|k| matches!(self.lex_at(k), Some(Lex::SportsCue)))
    }

    /// Goals written as words: `بهدفين` → 2, `بثلاثة أهداف` → 3, `بثلاثية` → 3.
    fn goals_at(&self, i: usize) -> Option<(u64, usize)> {
        let norm = self.norm(i);
        let stem = ["ب", "ل", "و", "وب"]
            .iter()
            .filter_map(|p| norm.strip_prefix(p))
            .chain(std::iter::once(norm))
            .find(|s| goal_word(s).is_some());
        if let Some(v) = stem.and_then(goal_word) {
            return Some((v, i));
        }
        if matches!(self.norm(i + 1), "اهداف" | "أهداف") {
            if let Some((v, _)) = self.plain(i) {
                return Some((v, i + 1));
            }
            if let Some((Lex::NumWord { value }, _)) = self.lex.get(i).copied().flatten() {
                return Some((value as u64, i + 1));
            }
            if matches!(self.lex_at(i), Some(Lex::Ten)) {
                return Some((10, i + 1));
            }
        }
        None
    }

    /// `بهدفين مقابل هدف`, `بهدف لهدف`, `بثلاثية نظيفة`, `بهدفين دون رد`.
    fn try_score_words(&mut self, i: usize) -> Option<usize> {
        let norm = self.norm(i);
        if !(norm.starts_with('ب') || norm.starts_with("وب")) {
            return None;
        }
        let (a, last_a) = self.goals_at(i)?;
        let j = last_a + 1;
        let (b, last) = if self.norm(j) == "مقابل" {
            self.goals_at(j + 1)?
        } else if self.norm(j).starts_with('ل') {
            self.goals_at(j)?
        } else if matches!(self.norm(j), "نظيف" | "نظيفه" | "نظيفين") {
            (0, j)
        } else if self.norm(j) == "دون" && self.norm(j + 1) == "رد" {
            (0, j + 1)
        } else {
            return None;
        };
        self.push(RawFigure {
            first_tok: i,
            last_tok: last,
            range: self.start(i)..self.end(last),
            value: a as f64,
            value_max: Some(b as f64),
            unit: None,
            unit_kind: UnitKind::None,
            kind: FigureKind::Score,
            qualifier: None,
            own_year: None,
        });
        Some(last + 1)
    }

    /// `4-2`, `3 - صفر`, `2/1` after بنتيجة.
    fn try_score(&mut self, i: usize) -> Option<usize> {
        let a = self.score_side(i)?;
        let sep_dash = self.toks.is_punct(i + 1, '-') || self.toks.is_punct(i + 1, '–');
        let sep_slash = self.toks.is_punct(i + 1, '/');
        if !sep_dash && !sep_slash {
            return None;
        }
        let b = self.score_side(i + 2)?;
        if self.toks.gap(i, i + 2) > 4 {
            return None;
        }
        if self.month_at(i + 3).is_some()
            || self.magnitude_at(i + 3).is_some()
            || self.unit_after(i + 3, false).is_strong()
        {
            return None;
        }
        let cue = if sep_slash {
            i > 0 && matches!(self.norm(i - 1), "بنتيجه" | "نتيجه")
        } else {
            self.sentence_has_sports_cue(i)
        };
        if !cue {
            return None;
        }
        self.push(RawFigure {
            first_tok: i,
            last_tok: i + 2,
            range: self.start(i)..self.end(i + 2),
            value: a as f64,
            value_max: Some(b as f64),
            unit: None,
            unit_kind: UnitKind::None,
            kind: FigureKind::Score,
            qualifier: None,
            own_year: None,
        });
        Some(i + 3)
    }

    // ---------------------------------------------------------------- years (context only)

    fn relative_year(norm: &str) -> Option<i32> {
        match norm {
            "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفارط" | "الفارطه" | "السابق" => {
                Some(-1)
            }
            "المقبل" | "المقبله" | "القادم" | "القادمه" => Some(1),
            "الجاري" | "الجاريه" | "الحالي" | "الحاليه" => Some(0),
            _ => None,
        }
    }

    /// A year on its own (`عام 2023`, `2015م`, `2016-2017`) or a relative year (العام الماضي).
    fn try_year(&mut self, i: usize) -> Option<usize> {
        if matches!(self.lex_at(i), Some(Lex::YearWord)) && self.norm(i).starts_with("ال") {
            if let Some(off) = Self::relative_year(self.norm(i + 1)) {
                self.out.years.push(YearMention {
                    tok: i,
                    year: YearRef::Relative(off),
                });
                return Some(i + 2);
            }
            return None;
        }
        let (y, len) = self.plain(i)?;
        let after_year_word = i > 0 && matches!(self.lex_at(i - 1), Some(Lex::YearWord));
        if len != 4 || !(is_plausible_year(y) || after_year_word && (1000..=2100).contains(&y)) {
            return None;
        }
        let unit = self.unit_after(i + 1, false);
        let marker_m = self.norm(i + 1) == "م"
            && self.toks.gap(i, i + 1) <= 1
            && !self.tunisian_million_dinar(i + 1);
        if !marker_m && (unit.is_strong() || self.magnitude_at(i + 1).is_some()) {
            return None;
        }
        // `أكثر من 2000 زائر`, `2000 شخصا`: a count, not a year; but `حتى 2030` with nothing
        // counted after it is "until 2030".
        let accusative = unit.kind == UnitKind::Counted && is_accusative(self.norm(i + 1));
        let until = i > 0 && self.norm(i - 1) == "حتي" && unit.kind == UnitKind::None;
        if !after_year_word && (accusative || self.qualifier_before(i).is_some() && !until) {
            return None;
        }
        let year = if is_hijri_year(y) && after_year_word {
            hijri_to_ce(y as i32)
        } else {
            y as i32
        };
        self.out.years.push(YearMention {
            tok: i,
            year: YearRef::Absolute(year),
        });
        let mut last = if marker_m { i + 1 } else { i };
        // A year range: 2016-2017, 2016/2017, 2016/17.
        let range_sep = self.toks.is_punct(last + 1, '-')
            || self.toks.is_punct(last + 1, '–')
            || self.toks.is_punct(last + 1, '/');
        if range_sep
            && let Some((y2, l2)) = self.plain(last + 2)
            && (l2 == 4 && is_plausible_year(y2) || l2 == 2)
        {
            last += 2;
        }
        Some(last + 1)
    }

    // ---------------------------------------------------------------- amounts

    fn magnitude_at(&self, i: usize) -> Option<(f64, bool)> {
        match self.lex_bare(i)? {
            Lex::Magnitude { value, dual } => Some((value, dual)),
            _ => None,
        }
    }

    fn percent_follows(&self, j: usize) -> bool {
        let sign = (self.toks.is_punct(j, '%') || self.toks.is_punct(j, '٪'))
            && self.toks.gap(j - 1, j) <= 1;
        sign || matches!(self.lex_at(j), Some(Lex::PercentWord))
            || (self.norm(j) == "في"
                && matches!(self.lex_bare(j + 1), Some(Lex::Hundredth | Lex::Hundred)))
    }

    fn tunisian_million_dinar(&self, j: usize) -> bool {
        self.norm(j) == "م" && self.norm(j + 1) == "د" && self.toks.gap(j, j + 1) <= 1
    }

    /// Digits with their magnitude words: `220 مليار`, `3 ملايين و800 ألف`, `5ر3 مليون`.
    fn digit_phrase(&mut self, i: usize) -> Option<NumPhrase> {
        let raw = self.num(i)?;
        // `15 فاصل 1 بالمائة`: the decimal point spelled out.
        let spelled = matches!(self.norm(i + 1), "فاصل" | "فاصله" | "فاصلة")
            .then(|| self.plain(i + 2))
            .flatten()
            .filter(|_| raw.is_plain());
        let core = if spelled.is_some() { i + 2 } else { i };
        let mag_next = self.magnitude_at(core + 1);
        let scaled = mag_next.is_some()
            || self.percent_follows(core + 1)
            || self.tunisian_million_dinar(core + 1)
            || self.norm(core + 1) == "د";
        let raw = if raw.uses_arabic_comma()
            && !scaled
            && !self.unit_after(core + 1, false).is_strong()
        {
            let cut = raw.before_arabic_comma();
            self.toks.set_number(i, cut);
            cut
        } else {
            raw
        };
        let mut value = raw.value(scaled);
        if let Some((frac, len)) = spelled {
            value += frac as f64 / 10f64.powi(len as i32);
        }
        let mut last = core;
        let mut magnitude = None;
        if let Some((mut m, _)) = mag_next {
            value *= m;
            last = core + 1;
            // `9 آلاف مليار` (Algerian copy's trillions): a larger magnitude multiplies.
            if let Some((m2, _)) = self.magnitude_at(core + 2).filter(|&(m2, _)| m2 > m) {
                value *= m2;
                last = core + 2;
                m *= m2;
            }
            magnitude = Some(m);
            self.extend_compound(&mut value, &mut last, m);
        }
        Some(NumPhrase {
            first: i,
            last,
            value,
            magnitude,
            words: false,
        })
    }

    /// `3 ملايين و800 ألف`, `59 مليونا و78 ألفا و138`, `مليون ونصف`.
    fn extend_compound(&self, value: &mut f64, last: &mut usize, mut mag: f64) {
        loop {
            let j = *last + 1;
            if matches!(self.lex_bare(j), Some(Lex::AndHalf)) {
                *value += 0.5 * mag;
                *last = j;
                return;
            }
            if self.norm(j) != "و" {
                return;
            }
            let Some((v, _)) = self.plain(j + 1) else {
                return;
            };
            match self.magnitude_at(j + 2) {
                Some((m2, _)) if m2 < mag && (v as f64) < mag / m2 => {
                    *value += v as f64 * m2;
                    *last = j + 2;
                    mag = m2;
                }
                // Tunisian `12 ألف و651 مليون دينار` = 12,651 million.
                Some((m2, _)) if mag == 1e3 && m2 >= 1e6 && v < 1000 => {
                    *value = (*value + v as f64) * m2;
                    *last = j + 2;
                    return;
                }
                None if mag == 1e3
                    && v < 1000
                    && self.unit_after(j + 2, false).kind != UnitKind::None =>
                {
                    *value += v as f64;
                    *last = j + 1;
                    return;
                }
                _ => return,
            }
        }
    }

    /// Number words: `عشرة ملايين`, `خمسة وعشرين`, `ثلاثمائة ألف`, `ربع مليون`, `ملياري`.
    fn word_phrase(&self, i: usize) -> Option<NumPhrase> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut magnitude: Option<f64> = None;
        let mut j = i;
        let mut any = false;
        let mut last = i;
        let mut smallest = f64::MAX;
        let mut after_magnitude = false;
        if self.vague_magnitude(i)
            && !matches!(
                self.lex_bare(i + 1),
                Some(Lex::Currency { .. } | Lex::Magnitude { .. })
            )
        {
            return None;
        }
        // `العام الفين وخمسة`: a year in words.
        if i > 0 && matches!(self.lex_at(i - 1), Some(Lex::YearWord)) {
            return None;
        }
        while let Some((lex, prefix)) = self.lex.get(j).copied().flatten() {
            let connected = j == i || prefix == 0 || self.norm(j).starts_with('و') && prefix == 2;
            if !connected || j > i && !self.same_sentence(i, j) {
                break;
            }
            match lex {
                Lex::NumWord { value } => current += value,
                Lex::Ten => current += 10.0,
                Lex::TeenHead { value } if matches!(self.lex_at(j + 1), Some(Lex::Ten)) => {
                    current += value + 10.0;
                    j += 1;
                }
                Lex::Hundred if current > 0.0 && current < 10.0 && prefix == 0 => current *= 100.0,
                Lex::Hundred => current += 100.0,
                Lex::Fraction { value } if self.magnitude_at(j + 1).is_some() => current += value,
                // `تسعة آلاف مليار`: a larger magnitude right after a smaller one multiplies.
                Lex::Magnitude { value, .. }
                    if after_magnitude && current == 0.0 && prefix == 0 && smallest < value =>
                {
                    total *= value;
                    smallest *= value;
                    magnitude = Some(smallest);
                }
                Lex::Magnitude { value, dual } => {
                    let plural_alone = current == 0.0 && !dual && is_plural_magnitude(self.norm(j));
                    if plural_alone {
                        break;
                    }
                    // `مليونا دولار`, `مليارا دينار`: opening a phrase and followed by what it
                    // counts, the form in -ا is a dual (its ن dropped before the noun), not the
                    // accusative of `53 مليونا`.
                    let dual = dual
                        || j == i
                            && self.norm(j).ends_with('ا')
                            && self.unit_after(j + 1, false).kind != UnitKind::None;
                    let count = if current == 0.0 {
                        if dual { 2.0 } else { 1.0 }
                    } else {
                        current
                    };
                    total += count * value;
                    current = 0.0;
                    magnitude = Some(magnitude.map_or(value, |m: f64| m.max(value)));
                    smallest = value;
                }
                Lex::AndHalf => match magnitude {
                    Some(m) => {
                        total += 0.5 * m;
                        let definite_mag = self.norm(j + 1).starts_with("ال")
                            && matches!(self.lex_at(j + 1), Some(Lex::Magnitude { .. }));
                        if definite_mag {
                            j += 1;
                        }
                    }
                    None => break,
                },
                _ => break,
            }
            after_magnitude = matches!(lex, Lex::Magnitude { .. });
            any = true;
            last = j;
            j += 1;
        }
        if !any {
            return None;
        }
        let mut value = total + current;
        // `مليون و260 ألف دينار`: digits continuing a spelled-out magnitude.
        if current == 0.0 && magnitude.is_some() {
            self.extend_compound(&mut value, &mut last, smallest);
        }
        Some(NumPhrase {
            first: i,
            last,
            value,
            magnitude,
            words: true,
        })
    }

    /// A magnitude word that alone is not read as a number, only before money or a larger
    /// magnitude: a definite one (`المليون` is vague; `المليار دولار` an amount), and forms of
    /// ألف, which alone are too often something else (`ألفا` the name, `لآلاف` "thousands of",
    /// `القسم الوطني ألف` division A). Its duals are numbers (`بألفي زائر`, `ألفين و800 شخص`),
    /// but `ألفين` alone is also Alvin, and `كالفين` Calvin.
    fn vague_magnitude(&self, i: usize) -> bool {
        let Some((Lex::Magnitude { value, dual }, prefix)) = self.lex.get(i).copied().flatten()
        else {
            return false;
        };
        let norm = self.norm(i);
        let (proclitics, stem) = norm.split_at(usize::from(prefix).min(norm.len()));
        let definite = proclitics.ends_with("ال") || proclitics.ends_with("لل");
        let next = self.norm(i + 1);
        let compound = next == "و" || next.starts_with('و') && self.lex_at(i + 1).is_some();
        let alvin = stem == "الفين" && !compound;
        definite || value == 1e3 && (!dual || alvin)
    }

    fn number_phrase(&mut self, i: usize) -> Option<NumPhrase> {
        if self.num(i).is_some() {
            self.digit_phrase(i)
        } else {
            self.word_phrase(i)
        }
    }

    /// The unit after a number phrase ending before token `j`.
    fn unit_after(&self, j: usize, words: bool) -> UnitInfo {
        if j == 0 || !self.same_sentence(j - 1, j) {
            return UnitInfo::none();
        }
        if self.is_closer(j) && self.toks.gap(j - 1, j) == 0 {
            let inner = self.unit_after(j + 1, words);
            if inner.is_strong() {
                return inner;
            }
        }
        if let Some(u) = self.percent_unit(j) {
            return u;
        }
        if self.tunisian_million_dinar(j) {
            return UnitInfo {
                unit: Some("TND".into()),
                kind: UnitKind::Currency,
                last: Some(j + 1),
                factor: 1e6,
            };
        }
        if let Some(u) = self.currency_unit(j) {
            return u;
        }
        if let Some(u) = self.measure_unit(j).or_else(|| self.degree_sign(j)) {
            return u;
        }
        if let Some(u) = self.of_currency(j).or_else(|| self.below_zero(j)) {
            return u;
        }
        if words {
            return UnitInfo::none();
        }
        self.counted_noun(j).unwrap_or_else(UnitInfo::none)
    }

    fn is_closer(&self, j: usize) -> bool {
        matches!(
            self.toks.list.get(j).map(|t| t.tok),
            Some(Tok::Punct(')' | '»' | '"' | '”' | '’' | '\''))
        )
    }

    /// `45 مليونا من الدولارات`: the currency named after من.
    fn of_currency(&self, j: usize) -> Option<UnitInfo> {
        if self.norm(j) != "من" || !self.norm(j + 1).starts_with("ال") {
            return None;
        }
        let Some(Lex::Currency { code }) = self.lex_at(j + 1) else {
            return None;
        };
        Some(UnitInfo {
            unit: Some(code.into()),
            kind: UnitKind::Currency,
            last: None,
            factor: 1.0,
        })
    }

    /// `3 تحت الصفر`: degrees below zero.
    fn below_zero(&self, j: usize) -> Option<UnitInfo> {
        (self.norm(j) == "تحت" && self.norm(j + 1) == "الصفر").then(|| UnitInfo {
            unit: Some("degree".into()),
            kind: UnitKind::Measure,
            last: Some(j + 1),
            factor: -1.0,
        })
    }

    fn degree_sign(&self, j: usize) -> Option<UnitInfo> {
        (self.toks.is_punct(j, '°') && self.toks.gap(j - 1, j) <= 1).then(|| UnitInfo {
            unit: Some("degree".into()),
            kind: UnitKind::Measure,
            last: Some(j),
            factor: 1.0,
        })
    }

    fn percent_unit(&self, j: usize) -> Option<UnitInfo> {
        let sign = (self.toks.is_punct(j, '%') || self.toks.is_punct(j, '٪'))
            && self.toks.gap(j - 1, j) <= 1;
        let last = if sign || matches!(self.lex_at(j), Some(Lex::PercentWord)) {
            j
        } else if self.norm(j) == "في"
            && matches!(self.lex_bare(j + 1), Some(Lex::Hundredth | Lex::Hundred))
        {
            j + 1
        } else if matches!(self.lex_bare(j), Some(Lex::Point))
            && matches!(self.lex_bare(j + 1), Some(Lex::Centesimal))
        {
            return Some(UnitInfo {
                unit: Some("pp".into()),
                kind: UnitKind::Percent,
                last: Some(j + 1),
                factor: 1.0,
            });
        } else {
            return None;
        };
        Some(UnitInfo {
            unit: Some("%".into()),
            kind: UnitKind::Percent,
            last: Some(last),
            factor: 1.0,
        })
    }

    fn currency_unit(&self, j: usize) -> Option<UnitInfo> {
        if let Some(Tok::Punct(c)) = self.toks.list.get(j).map(|t| t.tok) {
            let code = symbol_code(c)?;
            return (self.toks.gap(j - 1, j) <= 1).then(|| UnitInfo {
                unit: Some(code.into()),
                kind: UnitKind::Currency,
                last: Some(j),
                factor: 1.0,
            });
        }
        if self.norm(j) == "د" {
            return Some(UnitInfo {
                unit: Some("TND".into()),
                kind: UnitKind::Currency,
                last: Some(j),
                factor: 1.0,
            });
        }
        // `3.2 مليار USD`: the ISO code itself, in financial copy.
        let written = self.text.get(self.start(j)..self.end(j)).unwrap_or("");
        if let Some(code) = ISO_CODES.iter().find(|&&c| c == written) {
            return Some(UnitInfo {
                unit: Some((*code).into()),
                kind: UnitKind::Currency,
                last: Some(j),
                factor: 1.0,
            });
        }
        let Some(Lex::Currency { code }) = self.lex_bare(j) else {
            return None;
        };
        let mut last = j;
        let mut code = code;
        if let Some(Lex::CurrencyQualifier {
            for_currency,
            code: c2,
        }) = self.lex_at(j + 1)
            && (for_currency == code || code == "USD" && c2 == "USD")
        {
            code = c2;
            last = j + 1;
        }
        Some(UnitInfo {
            unit: Some(code.into()),
            kind: UnitKind::Currency,
            last: Some(last),
            factor: 1.0,
        })
    }

    fn measure_unit(&self, j: usize) -> Option<UnitInfo> {
        let Some(Lex::Unit { unit, class }) = self.lex_bare(j) else {
            return None;
        };
        let next = self.norm(j + 1);
        let (unit, last) = match unit {
            "m" if matches!(next, "مربع" | "مربعا") => ("m2", j + 1),
            "m" if matches!(next, "مكعب" | "مكعبا") => ("m3", j + 1),
            "km" if matches!(next, "مربع" | "مربعا") => ("km2", j + 1),
            "kg" if matches!(next, "متر" | "مترا" | "مترات") => ("km", j + 1),
            "m" if self.norm(j) == "م"
                && self.toks.is_word(j + 1)
                && self.toks.gap(j, j + 1) == 0 =>
            {
                return None;
            }
            u => (u, j),
        };
        let kind = match class {
            UnitClass::Measure => UnitKind::Measure,
            UnitClass::People => UnitKind::People,
            UnitClass::Population => UnitKind::Population,
        };
        Some(UnitInfo {
            unit: Some(unit.into()),
            kind,
            last: Some(last),
            factor: 1.0,
        })
    }

    /// The noun a bare number counts: `15 عاما` → عام.
    fn counted_noun(&self, j: usize) -> Option<UnitInfo> {
        if !self.toks.is_word(j) || self.is_latin_word(j) {
            return None;
        }
        let norm = self.norm(j);
        let bare = norm
            .strip_prefix('و')
            .or_else(|| norm.strip_prefix('ف'))
            .unwrap_or(norm);
        if norm.chars().count() < 2
            || norm.starts_with("ال")
            || bare.starts_with("ال")
            || is_stopword(norm)
            || is_stopword(bare)
        {
            return None;
        }
        if matches!(
            self.lex_at(j),
            Some(Lex::Month { .. } | Lex::MonthHead { .. } | Lex::ChangeVerb | Lex::HijriMarker)
        ) || self.is_number_start(j)
        {
            return None;
        }
        let written = self.text.get(self.start(j)..self.end(j))?;
        Some(UnitInfo {
            unit: Some(counted_form(written)),
            kind: UnitKind::Counted,
            last: Some(j),
            factor: 1.0,
        })
    }

    /// The qualifier phrase just before token `i` (skipping a bare proclitic like بـ).
    fn qualifier_before(&self, i: usize) -> Option<Range<usize>> {
        let mut end = i;
        if end > 0
            && matches!(self.norm(end - 1), "ب" | "ل" | "و" | "ف")
            && self.toks.gap(end - 1, end) <= 1
        {
            end -= 1;
        }
        for phrase in QUALIFIERS {
            let n = phrase.len();
            if end < n {
                continue;
            }
            let first = end - n;
            if !self.same_sentence(first, i) {
                continue;
            }
            let matches = phrase.iter().enumerate().all(|(k, w)| {
                let norm = self.norm(first + k);
                norm == *w
                    || k == 0
                        && norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف')) == Some(w)
            });
            if matches {
                return Some(self.start(first)..self.end(end - 1));
            }
        }
        None
    }

    /// A connector after the first end of a range: returns the index of the second number.
    fn range_second(&self, after: usize) -> Option<(usize, char)> {
        let norm = self.norm(after);
        let kind = if norm == "و" {
            'و'
        } else if matches!(norm, "الي" | "حتي") {
            'ا'
        } else if self.toks.is_punct(after, '-') || self.toks.is_punct(after, '–') {
            '-'
        } else {
            return None;
        };
        let mut k = after + 1;
        if kind == 'ا' && matches!(self.norm(k), "نحو" | "حوالي") {
            k += 1;
        }
        (self.is_number_start(k) && self.same_sentence(after, k)).then_some((k, kind))
    }

    /// The word introducing a range before `i` (بين, ما بين, من), skipping a qualifier.
    fn range_intro(&self, i: usize) -> Option<(usize, &'static str)> {
        let k = i.checked_sub(1)?;
        match self.norm(k) {
            "بين" | "وبين" => Some((
                if k > 0 && self.norm(k - 1) == "ما" {
                    k - 1
                } else {
                    k
                },
                "بين",
            )),
            "من" | "ومن" => Some((k, "من")),
            _ => None,
        }
    }

    fn change_verb_before(&self, k: usize) -> bool {
        (k.saturating_sub(5)..k)
            .any(|t| matches!(self.lex_at(t), Some(Lex::ChangeVerb)) && self.same_sentence(t, k))
    }

    fn try_amount(&mut self, i: usize) -> Option<usize> {
        let prefix_sign = self.prefix_sign(i);
        let has_prefix = prefix_sign.is_some();
        let a = self.number_phrase(i)?;
        let ua = self.unit_after(a.last + 1, a.words && a.magnitude.is_none());
        let ua = match (prefix_sign, ua.kind) {
            (Some(u), UnitKind::None | UnitKind::Counted) => u,
            (None, UnitKind::None) => self.elided_currency(&a).unwrap_or(ua),
            _ => ua,
        };
        if a.words && a.magnitude.is_none() && !ua.is_strong() {
            return None;
        }
        let after_a = ua.last.unwrap_or(a.last) + 1;
        if let Some(next) = self.try_range(i, &a, &ua, after_a) {
            return Some(next);
        }
        if a.words
            && a.first == a.last
            && ua.kind == UnitKind::None
            && is_vague_alone(self.norm(a.first))
        {
            return None;
        }
        let qualifier = self.qualifier_before(a.first);
        let start_tok = if has_prefix { i - 1 } else { a.first };
        let last = ua.last.unwrap_or(a.last);
        let fig = self.amount_figure(start_tok, last, a.value * ua.factor, None, &ua, qualifier);
        self.push(fig);
        Some(last + 1)
    }

    /// The currency of an amount that leaves it out because the sentence just named it:
    /// `250 مليار دولار، منها 40 مليارا`, `71 ألف دولار قبل أن يتراجع إلى ما دون 68 ألفا`. Only for
    /// a number with a magnitude, a few words after a sum of money in the same sentence, with a
    /// word that ties it to that sum in between (`منها`, `مقابل`, `إلى` …): `وأصيب 53 ألفا` after
    /// a sum is a count of people.
    fn elided_currency(&self, a: &NumPhrase) -> Option<UnitInfo> {
        const TIES: [&str; 9] = [
            "منها",
            "منه",
            "مقابل",
            "الي",
            "ثم",
            "اي",
            "دون",
            "من",
            "بين",
        ];
        a.magnitude?;
        let money = self.out.figures.last()?;
        let near = money.kind == FigureKind::Money
            && money.last_tok < a.first
            && a.first - money.last_tok <= 12
            && self.same_sentence(money.last_tok, a.first);
        let tied = (money.last_tok + 1..a.first).rev().take(3).any(|k| {
            let norm = self.norm(k);
            TIES.contains(&norm.strip_prefix('و').unwrap_or(norm)) || TIES.contains(&norm)
        });
        (near && tied).then(|| UnitInfo {
            unit: money.unit.clone(),
            kind: UnitKind::Currency,
            last: None,
            factor: 1.0,
        })
    }

    /// `%47`, `$5`: a percent sign or currency symbol glued before the number.
    fn prefix_sign(&self, i: usize) -> Option<UnitInfo> {
        if i == 0 || self.num(i).is_none() || self.toks.gap(i - 1, i) > 0 {
            return None;
        }
        let Some(Tok::Punct(c)) = self.toks.list.get(i - 1).map(|t| t.tok) else {
            return None;
        };
        let before = self.text[..self.start(i - 1)].chars().next_back();
        if before.is_some_and(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let (unit, kind) = match c {
            '%' | '٪' => ("%", UnitKind::Percent),
            c => (symbol_code(c)?, UnitKind::Currency),
        };
        Some(UnitInfo {
            unit: Some(unit.into()),
            kind,
            last: None,
            factor: 1.0,
        })
    }

    fn try_range(
        &mut self,
        i: usize,
        a: &NumPhrase,
        ua: &UnitInfo,
        after_a: usize,
    ) -> Option<usize> {
        let (k, conn) = self.range_second(after_a)?;
        let intro = self.range_intro(a.first);
        let valid = match (conn, intro) {
            ('و', Some((_, "بين"))) => true,
            ('ا', Some(_)) => true,
            ('-', _) => {
                !a.words
                    && (a.magnitude.is_some()
                        || ua.is_strong()
                        || self.unit_after(k + 1, false).is_strong()
                        || self.magnitude_at(k + 1).is_some())
            }
            _ => false,
        };
        if !valid {
            return None;
        }
        let b = self.number_phrase(k)?;
        let ub = self.unit_after(b.last + 1, b.words);
        if b.words && b.magnitude.is_none() && !ub.is_strong() && !ua.is_strong() {
            return None;
        }
        let mut a_value = a.value;
        if a.magnitude.is_none()
            && let Some(m) = b.magnitude
        {
            a_value *= m;
        }
        let unit = if ua.kind == UnitKind::None || (ua.kind == UnitKind::Counted && ub.is_strong())
        {
            ub.clone()
        } else {
            ua.clone()
        };
        let factor = unit.factor;
        let last = ub.last.unwrap_or(b.last);
        // `من 20 بالمائة إلى 10 بالمائة`, `ارتفع من 40 إلى 70`: a change, not a range.
        let change = conn == 'ا'
            && intro.is_some_and(|(t, w)| {
                w == "من" && (self.change_verb_before(t) || ua.is_strong() || b.value < a.value)
            });
        if change {
            let a_last = ua.last.unwrap_or(a.last);
            let fa = self.amount_figure(a.first, a_last, a_value * factor, None, &unit, None);
            self.push(fa);
            let qb = Some(self.start(after_a)..self.end(after_a));
            let fb = self.amount_figure(b.first, last, b.value * factor, None, &unit, qb);
            self.push(fb);
            return Some(last + 1);
        }
        let qualifier = intro.map(|(t, _)| self.start(t)..self.end(a.first - 1));
        let first = i;
        let fig = self.amount_figure(
            first,
            last,
            a_value * factor,
            Some(b.value * factor),
            &unit,
            qualifier,
        );
        self.push(fig);
        Some(last + 1)
    }

    fn amount_figure(
        &self,
        first: usize,
        last: usize,
        value: f64,
        value_max: Option<f64>,
        unit: &UnitInfo,
        qualifier: Option<Range<usize>>,
    ) -> RawFigure {
        let kind = match unit.kind {
            UnitKind::Percent => FigureKind::Percent,
            UnitKind::Currency => FigureKind::Money,
            UnitKind::Population => FigureKind::Population,
            _ => FigureKind::Quantity,
        };
        RawFigure {
            first_tok: first,
            last_tok: last,
            range: self.start(first)..self.end(last),
            value,
            value_max,
            unit: unit.unit.clone(),
            unit_kind: unit.kind,
            kind,
            qualifier,
            own_year: None,
        }
    }
}

/// Currency codes written as such after an amount (`3.2 مليار USD`).
const ISO_CODES: [&str; 24] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "TRY", "SAR", "AED", "QAR", "KWD", "BHD",
    "OMR", "EGP", "TND", "MAD", "DZD", "LYD", "JOD", "LBP", "SYP", "IQD", "SDG",
];

/// Goals in one word: هدف 1, هدفين 2, ثنائية 2 … سداسية 6.
fn goal_word(stem: &str) -> Option<u64> {
    match stem {
        "هدف" => Some(1),
        "هدفين" | "هدفان" | "ثنائيه" => Some(2),
        "ثلاثيه" => Some(3),
        "رباعيه" => Some(4),
        "خماسيه" => Some(5),
        "سداسيه" => Some(6),
        _ => None,
    }
}

/// A definite plural noun (`الأعوام`, `السنوات`, `اللاعبين`): `الأعوام الـ12` is a count.
fn looks_plural_definite(norm: &str) -> bool {
    let Some(stem) = norm.strip_prefix("ال") else {
        return false;
    };
    let chars: Vec<char> = stem.chars().collect();
    let broken = chars.len() == 5 && chars[0] == 'ا' && chars[3] == 'ا';
    stem.ends_with("ات")
        || stem.ends_with("ين") && chars.len() > 4
        || stem.ends_with("ون")
        || broken
        || matches!(stem, "ايام" | "اشهر" | "سنين" | "دول")
}

/// An indefinite accusative noun (`شهرا`, `مشاركا`), not a pronoun suffix (`لتأسيسها`).
fn is_accusative(norm: &str) -> bool {
    norm.ends_with('ا') && !norm.ends_with("ها") && !norm.ends_with("نا")
}

fn is_plural_magnitude(norm: &str) -> bool {
    matches!(
        norm,
        "الاف" | "ملايين" | "مليارات" | "الوف" | "بلايين" | "تريليونات" | "ترليونات"
    )
}

/// Magnitude words that alone, without a unit, are too vague to be a figure.
fn is_vague_alone(norm: &str) -> bool {
    matches!(norm, "الف" | "مليون" | "مليار" | "الاف" | "ملايين")
}

fn symbol_code(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '¥' => Some("JPY"),
        _ => None,
    }
}

/// The counted noun as shown: harakat dropped, accusative alif removed (`شخصا` → `شخص`).
pub fn counted_form(written: &str) -> String {
    let mut s: String = written
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}' | '\u{0670}'))
        .collect();
    let n = s.chars().count();
    if n >= 4 && s.ends_with('ا') {
        let before = s.chars().rev().nth(1);
        if !matches!(before, Some('ي' | 'ا' | 'و')) {
            s.pop();
        }
    }
    s
}
