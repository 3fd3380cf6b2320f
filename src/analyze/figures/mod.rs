//! Key figures: every amount, percentage, population, quantity, date, ordinal and match score in an
//! article, each labelled with what it measures. Rule based, no model.
//!
//! # API
//!
//! ```
//! use akhbar::analyze::figures::{extract, key_figures, EntityRef, FigureKind};
//! let text = "زادت المبادلات التجارية وتجاوزت 220 مليار يورو في عام 2023.";
//! let figs = extract(text, None, &[]);
//! assert_eq!(figs[0].kind, FigureKind::Money);
//! assert_eq!(figs[0].value, 2.2e11);
//! assert_eq!(figs[0].unit.as_deref(), Some("EUR"));
//! assert_eq!(figs[0].label.as_deref(), Some("المبادلات التجارية"));
//! assert_eq!(figs[0].year, Some(2023));
//! assert_eq!(key_figures(&figs).len(), 1);
//! ```
//!
//! `text` is the article's title and paragraphs joined with `\n` (`Article::text()`); every
//! `range` is a **byte** range into it, on char boundaries.
//!
//! # What a figure carries
//!
//! * `value` — fully normalized: `220 مليار` → 2.2e11, `5ر3 مليون` → 3.5e6, `عشرة ملايين` → 1e7,
//!   `46,49 بالمئة` → 46.49, `15 فاصل 1 بالمائة` → 15.1, `3 ملايين و800 ألف` → 3.8e6,
//!   `مليون ونصف` → 1.5e6, `ملياري` → 2e9 (separator rules: [`crate::text::digits`]).
//!   Ranges (`بين 13 و14 مليار ريال`, `ما بين 4 إلى 20 مليون`, `20-25 مليون دينار`) carry both
//!   ends (`value`, `value_max`); the magnitude and unit stated once apply to both ends.
//!   `من X إلى Y` is a range unless it is a change (a verb or noun of change before it, the unit
//!   repeated on both ends, or Y < X): then it is two figures sharing the unit.
//!   * dates: `value` = `yyyymmdd` with missing parts as 0 (`24 فبراير/شباط 2022` → 20220224,
//!     `أكتوبر 2023` → 20231000, `1436هـ` → 14360000); `unit` is `"CE"` or `"AH"` (Hijri, whose
//!     `year` is converted to the Gregorian year approximately). Day ranges (`من 20 إلى 29 يوليو`)
//!     put the last day in `value_max`.
//!   * ordinals: `value` is the rank (`الذكرى الـ75` → 75).
//!   * scores: `value` is the first side, `value_max` the second (`4-2` → 4, 2; `بهدفين مقابل
//!     هدف` → 2, 1; `بثلاثية نظيفة` → 3, 0). Digit scores need a sports word in the sentence.
//! * `unit` — ISO 4217 code for money (the qualifier picks it: `دينار كويتي` → KWD, `جنيه إسترليني`
//!   → GBP; bare names take a default: دولار USD, يورو EUR, ريال SAR, جنيه EGP, درهم AED, **دينار
//!   TND** (the reader's corpus is Tunisian; `م د` is Jawhara FM's "million dinars"), ليرة TRY,
//!   روبل RUB, يوان CNY, ين JPY, روبية INR, فرنك CHF); `"%"` for percentages, `"pp"` for
//!   percentage points (نقطة مئوية); `"people"` (نسمة، شخص، مواطن …); `"barrel"`, `"t"`, `"km"`,
//!   `"km2"`, `"m"`, `"m2"`, `"kg"`, `"ha"`, `"MW"`, `"l"`, `"degree"` …; otherwise the counted
//!   noun as written without its accusative alif (`15 عاما` → `عام`), or `None` for a bare number.
//! * `kind` — see [`FigureKind`]. A people count is a `Population` with نسمة or a population cue
//!   in its sentence (سكان، يسكنها، يقطنها، تعداد).
//! * `qualifier` — the words before it as written: نحو، حوالي، أكثر من، تجاوزت، ما لا يقل عن …; for
//!   ranges the word that opens them (بين، ما بين، من).
//! * `label` — what it measures: the nearest economic/population cue in its sentence
//!   (المبادلات التجارية، الصادرات، الناتج المحلي الإجمالي، عدد السكان …; within 25 tokens before
//!   it, else 8 after; generic cues such as القيمة only when nothing specific is near, and then a
//!   measure phrase like `قيمة المحجوز` or `مقدار زكاة` wins); a count is labelled with the noun
//!   it counts; a quantity with a unit prefers what follows `من` (`10 أطنان من الكوكايين`); else
//!   the nearest definite noun phrase before it in the sentence; ordinals take the noun before them
//!   (الذكرى, الدورة); dates and scores have none.
//! * `year` — the nearest year in its sentence (a bare year, a date, or العام الماضي/المقبل/الجاري
//!   resolved against `article_year`), else `article_year`. A year introduced as the comparison
//!   point (`مقارنة بسنة 2013`, `مقابل 2015`) is used only when no other year is there. A date's
//!   year is its own.
//! * `entities` — names of the caller's entity mentions that lie in the figure's sentence.
//! * `score`, `key` — money (+ large amounts), percentages and populations with a cue rank first,
//!   bare counts last; `key` is `score >= KEY_THRESHOLD`.
//!
//! # Not figures
//!
//! A year on its own (`عام 2023`, `2015م`, `2016/2017`) is not a figure; it only gives figures
//! their `year`. Also skipped: ريال مدريد (a currency needs a number before it), الملياردير,
//! the verb/month مارس (months need a day or a year next to them), times (`18:00`, `الساعة 6`),
//! identifiers (`رقم 69`, `الفصل 12`, `القانون عدد 52 لسنة 92`), phone numbers (8+ digits with
//! no unit), numbers glued to Latin words (`G20`), URL escapes (`%20`), vague magnitudes (`آلاف`,
//! `عشرات الآلاف`, `ملايين الدولارات`), multiples (`ضعف`), number words without a magnitude or
//! unit (`ثلاث مرات`, `خمسة عشر وزيرا`), month names without a day or year, space-grouped
//! numbers (never joined: some outlets store them in reversed group order).
//!
//! Sentences end at a line break or `. ! ? ؟` (decimal points are inside number tokens).

mod context;
mod lexicon;
mod parse;
mod tokens;

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Figures scoring at least this are key figures.
pub const KEY_THRESHOLD: f32 = 4.0;

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Money,
    Percent,
    Quantity,
    Population,
    Date,
    Ordinal,
    Score,
}

impl FigureKind {
    /// The lowercase name used in serialized output and test files.
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Quantity => "quantity",
            FigureKind::Population => "population",
            FigureKind::Date => "date",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Score => "score",
        }
    }

    /// Parses a lowercase name.
    pub fn from_name(name: &str) -> Option<FigureKind> {
        [
            FigureKind::Money,
            FigureKind::Percent,
            FigureKind::Quantity,
            FigureKind::Population,
            FigureKind::Date,
            FigureKind::Ordinal,
            FigureKind::Score,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure as written (number, magnitude and unit; the whole range for ranges).
    pub text: String,
    /// Byte offsets of `text` in the text given to [`extract`].
    pub range: Range<usize>,
    pub value: f64,
    /// The upper end of a range, or the second side of a score.
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub kind: FigureKind,
    pub qualifier: Option<String>,
    pub label: Option<String>,
    pub year: Option<i32>,
    pub entities: Vec<String>,
    pub score: f32,
    pub key: bool,
}

/// An entity mention supplied by the caller: a byte range into the same text and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRef<'a> {
    pub range: Range<usize>,
    pub name: &'a str,
}

/// All figures of `text`, sorted by position.
///
/// `article_year` is the article's publication year (used when a sentence names no year);
/// `entities` may be empty.
pub fn extract(text: &str, article_year: Option<i32>, entities: &[EntityRef]) -> Vec<Figure> {
    let mut toks = tokens::tokenize(text);
    let sentences = context::Sentences::new(&toks);
    let parsed = parse::Parser::new(text, &mut toks, sentences.ids()).run();
    let ctx = context::Context::new(text, &toks, &sentences, &parsed, article_year, entities);
    let mut figures: Vec<Figure> = parsed.figures.iter().map(|f| ctx.figure(f)).collect();
    figures.sort_by_key(|f| f.range.start);
    figures
}

/// The key figures, best first (ties keep text order).
pub fn key_figures(figs: &[Figure]) -> Vec<&Figure> {
    let mut keys: Vec<&Figure> = figs.iter().filter(|f| f.key).collect();
    keys.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.range.start.cmp(&b.range.start))
    });
    keys
}
