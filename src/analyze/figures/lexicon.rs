//! Word lists: magnitudes, number words, currencies, units, months, qualifiers and cues.
//!
//! Entries are written in ordinary spelling and folded with [`crate::text::normalize`] once, so
//! lookups see `أ/إ/آ → ا`, `ة → ه`, `ى → ي` and no harakat or tatweel. Lookups strip the usual
//! proclitics (و ف ب ل ك ال and their combinations) unless an entry is marked bare-only.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::text::normalize;

/// Calendar of a month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// How a unit word classifies the figure it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    /// A physical or technical unit (`t`, `km`, `MW` …).
    Measure,
    /// Persons (`people`); population when a population cue is near or the word is نسمة.
    People,
    /// نسمة: always a population.
    Population,
}

/// What a word means to the figure parser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    /// ألف, مليون … `dual` for the dual forms (ملياري, مليونين), which mean 2 × value alone.
    Magnitude { value: f64, dual: bool },
    /// A cardinal number word; `teen_base` for عشر/عشرة after a unit word.
    NumWord { value: f64 },
    /// The أحد/إحدى/اثنا/اثني of teens (only valid before عشر).
    TeenHead { value: f64 },
    /// The عشر/عشرة of teens, also 10 on its own.
    Ten,
    /// مائة/مئة: 100, or a multiplier after 3-9 (ثلاث مائة).
    Hundred,
    /// نصف, ربع, ثلث …
    Fraction { value: f64 },
    /// ونصف after a magnitude.
    AndHalf,
    /// A currency name with its default ISO 4217 code.
    Currency { code: &'static str },
    /// A nationality adjective that picks the code for the currency before it.
    CurrencyQualifier {
        for_currency: &'static str,
        code: &'static str,
    },
    /// بالمائة, بالمئة (one word).
    PercentWord,
    /// المائة/المئة after في.
    Hundredth,
    /// نقطة/نقاط: percentage points when مئوية follows.
    Point,
    /// مئوية.
    Centesimal,
    Unit {
        unit: &'static str,
        class: UnitClass,
    },
    Month {
        month: u8,
        calendar: Calendar,
        homograph: bool,
    },
    /// The first word of a two-word month (كانون, تشرين, ربيع, جمادى, ذو/ذي).
    MonthHead { key: u8 },
    /// هـ after a Hijri year.
    HijriMarker,
    /// عام, سنة: marks the next number as a year.
    YearWord,
    /// A word announcing an ordinal (الذكرى, الدورة, المركز …).
    OrdinalContext,
    /// An ordinal word (الخامس, الخامسة, العشرين …) with its value.
    OrdinalWord { value: f64 },
    /// A word that makes X-Y a match score.
    SportsCue,
    /// A verb of change: من X إلى Y after it is two figures, not a range.
    ChangeVerb,
    /// رقم, هاتف: the next number is an identifier.
    Identifier,
    /// الساعة: the next number is a time.
    Clock,
}

/// A small fast hasher for short keys (FxHash); the table is built from our own word list.
#[derive(Default)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.hash = (self.hash.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(FX_SEED);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.hash = (self.hash.rotate_left(5) ^ u64::from(i)).wrapping_mul(FX_SEED);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

struct Entry {
    lex: Lex,
    bare_only: bool,
}

/// The folded word table.
pub struct Lexicon {
    words: FxMap<String, Entry>,
}

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    /// Looks a folded word up, stripping proclitics; returns the entry and the prefix length.
    pub fn lookup(&self, norm: &str) -> Option<(Lex, usize)> {
        if let Some(e) = self.words.get(norm) {
            return Some((e.lex, 0));
        }
        for p in prefixes_for(norm) {
            if let Some(stem) = norm.strip_prefix(p) {
                // Arabic letters are two bytes: keep stems of at least two letters.
                if stem.len() < 4 {
                    continue;
                }
                if let Some(e) = self.words.get(stem).filter(|e| !e.bare_only) {
                    return Some((e.lex, p.len()));
                }
                // `للدورة`: the preposition ل fused with the article, which the entry keeps.
                if p.ends_with("لل")
                    && let Some(e) = self
                        .words
                        .get(&format!("ال{stem}"))
                        .filter(|e| !e.bare_only)
                {
                    return Some((e.lex, p.len()));
                }
            }
        }
        None
    }

    fn add(&mut self, words: &[&str], lex: Lex) {
        for w in words {
            self.words.insert(
                normalize(w),
                Entry {
                    lex,
                    bare_only: false,
                },
            );
        }
    }

    fn add_bare(&mut self, words: &[&str], lex: Lex) {
        for w in words {
            self.words.insert(
                normalize(w),
                Entry {
                    lex,
                    bare_only: true,
                },
            );
        }
    }

    fn build() -> Lexicon {
        let mut l = Lexicon {
            words: FxMap::with_capacity_and_hasher(1024, Default::default()),
        };
        l.add_magnitudes();
        l.add_number_words();
        l.add_currencies();
        l.add_units();
        l.add_months();
        l.add_markers();
        l.add_ordinals();
        l
    }

    fn add_magnitudes(&mut self) {
        let m = |value: f64| Lex::Magnitude { value, dual: false };
        let d = |value: f64| Lex::Magnitude { value, dual: true };
        self.add(&["ألف", "الف", "ألفا", "الفا", "آلاف", "ألوف"], m(1e3));
        self.add(&["ألفين", "ألفان", "ألفي", "الفين"], d(1e3));
        self.add(&["مليون", "مليونا", "ملايين", "ملايبن"], m(1e6));
        self.add(&["مليونين", "مليونان", "مليوني"], d(1e6));
        self.add(&["مليار", "مليارا", "مليارات"], m(1e9));
        self.add(&["مليارين", "ملياران", "ملياري"], d(1e9));
        self.add(&["بليون", "بليونا", "بلايين", "بليونات"], m(1e9));
        self.add(&["بليونين", "بليوني"], d(1e9));
        self.add(
            &["تريليون", "ترليون", "تريليونا", "تريليونات", "ترليونات"],
            m(1e12),
        );
        self.add(&["تريليونين", "تريليوني", "ترليوني"], d(1e12));
    }

    fn add_number_words(&mut self) {
        let n = |value: f64| Lex::NumWord { value };
        self.add(&["واحد", "واحدة"], n(1.0));
        self.add(
            &["اثنان", "اثنين", "اثنتان", "اثنتين", "إثنين", "إثنان"],
            n(2.0),
        );
        self.add(&["ثلاث", "ثلاثة"], n(3.0));
        self.add(&["أربع", "أربعة", "اربع", "اربعة"], n(4.0));
        self.add(&["خمس", "خمسة"], n(5.0));
        self.add(&["ست", "ستة"], n(6.0));
        self.add(&["سبع", "سبعة"], n(7.0));
        self.add(&["ثمان", "ثماني", "ثمانية"], n(8.0));
        self.add(&["تسع", "تسعة"], n(9.0));
        self.add(&["عشر", "عشرة"], Lex::Ten);
        self.add(&["أحد", "إحدى", "احدى"], Lex::TeenHead { value: 1.0 });
        self.add(
            &["اثنا", "اثني", "اثنتا", "اثنتي"],
            Lex::TeenHead { value: 2.0 },
        );
        let tens: [(&[&str], f64); 8] = [
            (&["عشرون", "عشرين"], 20.0),
            (&["ثلاثون", "ثلاثين"], 30.0),
            (&["أربعون", "أربعين", "اربعين", "اربعون"], 40.0),
            (&["خمسون", "خمسين"], 50.0),
            (&["ستون", "ستين"], 60.0),
            (&["سبعون", "سبعين"], 70.0),
            (&["ثمانون", "ثمانين"], 80.0),
            (&["تسعون", "تسعين"], 90.0),
        ];
        for (words, v) in tens {
            self.add(words, n(v));
        }
        self.add(&["مائة", "مئة", "مائه"], Lex::Hundred);
        self.add(
            &["مائتان", "مائتين", "مائتي", "مئتان", "مئتين", "مئتي"],
            n(200.0),
        );
        let hundreds = [
            ("ثلاث", 300.0),
            ("أربع", 400.0),
            ("اربع", 400.0),
            ("خمس", 500.0),
            ("ست", 600.0),
            ("سبع", 700.0),
            ("ثمان", 800.0),
            ("ثماني", 800.0),
            ("تسع", 900.0),
        ];
        for (head, v) in hundreds {
            self.add(&[&format!("{head}مائة"), &format!("{head}مئة")], n(v));
        }
        self.add(&["نصف"], Lex::Fraction { value: 0.5 });
        self.add(&["ربع"], Lex::Fraction { value: 0.25 });
        self.add(&["ثلث"], Lex::Fraction { value: 1.0 / 3.0 });
        self.add(&["ثلثي", "ثلثا"], Lex::Fraction { value: 2.0 / 3.0 });
        self.add_bare(&["ونصف"], Lex::AndHalf);
    }

    fn add_currencies(&mut self) {
        let c = |code: &'static str| Lex::Currency { code };
        self.add(&["دولار", "دولارا", "دولارات", "دولاران", "دولارين"], c("USD"));
        self.add(&["يورو", "يوروهات"], c("EUR"));
        self.add(&["ريال", "ريالا", "ريالات", "ريالين", "ريالان"], c("SAR"));
        self.add(&["جنيه", "جنيها", "جنيهات", "جنيهين"], c("EGP"));
        self.add(&["درهم", "دراهم", "درهما", "درهمين"], c("AED"));
        self.add(
            &["دينار", "دينارا", "دنانير", "دينارات", "دينارين", "ديناران"],
            c("TND"),
        );
        self.add(&["روبل", "روبلا", "روبلات", "روبلين"], c("RUB"));
        self.add(&["يوان", "يوانا"], c("CNY"));
        self.add(&["ليرة", "ليرات", "ليرتين"], c("TRY"));
        self.add(&["روبية", "روبيات"], c("INR"));
        self.add(&["فرنك", "فرنكا", "فرنكات"], c("CHF"));
        self.add(&["باوند"], c("GBP"));
        self.add(&["شيكل", "شيكلا", "شيكلات", "شواكل", "شكيل"], c("ILS"));
        self.add_bare(&["ين"], c("JPY"));
        // Nationality adjectives, with their accusative and definite forms.
        let q: [(&str, &[&str], &str); 30] = [
            ("USD", &["أمريكي", "أميركي", "امريكي", "اميركي"], "USD"),
            ("USD", &["كندي"], "CAD"),
            ("USD", &["أسترالي", "استرالي"], "AUD"),
            ("SAR", &["سعودي"], "SAR"),
            ("SAR", &["قطري"], "QAR"),
            ("SAR", &["عماني", "عُماني"], "OMR"),
            ("SAR", &["يمني"], "YER"),
            ("SAR", &["إيراني", "ايراني"], "IRR"),
            ("TND", &["تونسي"], "TND"),
            ("TND", &["كويتي"], "KWD"),
            ("TND", &["أردني", "اردني"], "JOD"),
            ("TND", &["بحريني"], "BHD"),
            ("TND", &["عراقي"], "IQD"),
            ("TND", &["ليبي"], "LYD"),
            ("TND", &["جزائري"], "DZD"),
            ("TND", &["صربي"], "RSD"),
            ("EGP", &["مصري"], "EGP"),
            ("EGP", &["إسترليني", "استرليني"], "GBP"),
            ("EGP", &["سوداني"], "SDG"),
            ("TRY", &["تركية", "تركي"], "TRY"),
            ("TRY", &["سورية", "سوري"], "SYP"),
            ("TRY", &["لبنانية", "لبناني"], "LBP"),
            ("AED", &["إماراتي", "اماراتي"], "AED"),
            ("AED", &["مغربي"], "MAD"),
            ("CHF", &["سويسري"], "CHF"),
            ("CHF", &["أفريقي", "افريقي", "إفريقي"], "XOF"),
            ("INR", &["هندية", "هندي"], "INR"),
            ("INR", &["باكستانية", "باكستاني"], "PKR"),
            ("JPY", &["ياباني"], "JPY"),
            ("CNY", &["صيني"], "CNY"),
        ];
        for (cur, words, code) in q {
            for w in words {
                let forms = [w.to_string(), format!("{w}ا"), format!("{w}ة")];
                for f in &forms {
                    self.add(
                        &[f.as_str()],
                        Lex::CurrencyQualifier {
                            for_currency: cur,
                            code,
                        },
                    );
                }
            }
        }
        self.add(
            &["روسي", "روسيا"],
            Lex::CurrencyQualifier {
                for_currency: "RUB",
                code: "RUB",
            },
        );
    }

    fn add_units(&mut self) {
        let u = |unit: &'static str| Lex::Unit {
            unit,
            class: UnitClass::Measure,
        };
        self.add(&["برميل", "براميل", "برميلا", "برميلين"], u("barrel"));
        self.add(&["طن", "أطنان", "طنا", "طنين", "اطنان"], u("t"));
        self.add(
            &["كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كيلومترين"],
            u("km"),
        );
        self.add_bare(&["كم"], u("km"));
        self.add(&["كلم2", "كم2"], u("km2"));
        self.add(
            &[
                "كيلوغرام",
                "كيلوغراما",
                "كيلوجرام",
                "كيلوغرامات",
                "كلغ",
                "كغ",
            ],
            u("kg"),
        );
        self.add_bare(&["كيلو"], u("kg"));
        self.add(&["غرام", "غراما", "جرام", "جراما", "غرامات"], u("g"));
        self.add(&["متر", "مترا", "أمتار", "امتار", "مترات"], u("m"));
        self.add_bare(&["م"], u("m"));
        self.add(&["سنتيمتر", "سنتيمترا", "سم"], u("cm"));
        self.add(&["هكتار", "هكتارا", "هكتارات"], u("ha"));
        self.add(
            &["ميغاواط", "ميغاوات", "ميجاوات", "ميجاواط", "ميغاوط"],
            u("MW"),
        );
        self.add(&["جيغاواط", "غيغاواط", "جيجاوات"], u("GW"));
        self.add(&["كيلوواط", "كيلووات"], u("kW"));
        self.add(&["لتر", "لترا", "لترات"], u("l"));
        self.add(&["ميل", "ميلا", "أميال"], u("mi"));
        self.add(&["درجة", "درجات"], u("degree"));
        let p = |unit: &'static str| Lex::Unit {
            unit,
            class: UnitClass::People,
        };
        self.add(
            &[
                "شخص",
                "شخصا",
                "أشخاص",
                "اشخاص",
                "مواطن",
                "مواطنا",
                "مواطنين",
                "مواطنون",
                "فرد",
                "فردا",
                "أفراد",
                "افراد",
                "ساكن",
            ],
            p("people"),
        );
        self.add(
            &["نسمة", "نسمات"],
            Lex::Unit {
                unit: "people",
                class: UnitClass::Population,
            },
        );
        self.add(&["نقطة", "نقاط", "نقطتين"], Lex::Point);
        self.add(
            &["بالمائة", "بالمئة", "بالمية", "بالمائه", "بالمئه"],
            Lex::PercentWord,
        );
        self.add_bare(&["المائة", "المئة", "الماية", "المية"], Lex::Hundredth);
        self.add(&["مئوية", "مئويتين"], Lex::Centesimal);
    }

    fn add_months(&mut self) {
        let g = |month: u8| Lex::Month {
            month,
            calendar: Calendar::Gregorian,
            homograph: false,
        };
        let gh = |month: u8| Lex::Month {
            month,
            calendar: Calendar::Gregorian,
            homograph: true,
        };
        let h = |month: u8| Lex::Month {
            month,
            calendar: Calendar::Hijri,
            homograph: false,
        };
        let months: [(&[&str], u8); 12] = [
            (&["يناير", "جانفي"], 1),
            (&["فبراير", "شباط", "فيفري"], 2),
            (&["آذار", "اذار"], 3),
            (&["أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"], 4),
            (&["مايو", "أيار", "ايار"], 5),
            (&["يونيو", "يونيه", "حزيران"], 6),
            (&["يوليو", "يوليه", "تموز", "جويلية"], 7),
            (&["أغسطس", "اغسطس", "أوت", "اوت"], 8),
            (&["سبتمبر", "أيلول", "ايلول"], 9),
            (&["أكتوبر", "اكتوبر"], 10),
            (&["نوفمبر"], 11),
            (&["ديسمبر"], 12),
        ];
        for (words, m) in months {
            self.add(words, g(m));
        }
        // Homographs: مارس (practised), ماي (May the name), جوان, آب (father).
        self.add_bare(&["مارس"], gh(3));
        self.add_bare(&["ماي"], gh(5));
        self.add_bare(&["جوان"], gh(6));
        self.add_bare(&["آب"], gh(8));
        let hijri: [(&str, u8); 6] = [
            ("محرم", 1),
            ("رجب", 7),
            ("شعبان", 8),
            ("رمضان", 9),
            ("شوال", 10),
            ("صفر", 2),
        ];
        for (w, m) in hijri {
            self.add(&[w], h(m));
        }
        // Two-word months: the head, then the second word decides (see `two_word_month`).
        self.add(&["كانون"], Lex::MonthHead { key: 1 });
        self.add(&["تشرين"], Lex::MonthHead { key: 2 });
        self.add(&["ربيع"], Lex::MonthHead { key: 3 });
        self.add(&["جمادى", "جمادي"], Lex::MonthHead { key: 4 });
        self.add_bare(&["ذو", "ذي"], Lex::MonthHead { key: 5 });
        self.add_bare(&["هـ", "ه", "هــ"], Lex::HijriMarker);
    }

    fn add_markers(&mut self) {
        self.add(&["عام", "العام", "سنة", "عامي", "سنتي"], Lex::YearWord);
        self.add(
            &[
                "الذكرى",
                "الدورة",
                "المركز",
                "المرتبة",
                "النسخة",
                "الجولة",
                "الطبعة",
                "القرن",
                "البطولة",
                "المؤتمر",
                "القمة",
                "الدور",
                "الأسبوع",
                "المهرجان",
                "العيد",
                "الترتيب",
                "المهرجان",
                "الولاية",
                "الحلقة",
                "الموسم",
                "المنتدى",
                "المعرض",
                "الفصل",
                "الدقيقة",
                "الصفحة",
            ],
            Lex::OrdinalContext,
        );
        self.add(
            &[
                "مباراة",
                "مباراه",
                "المباراة",
                "مقابلة",
                "هدف",
                "أهداف",
                "هدفين",
                "فوز",
                "فاز",
                "فازت",
                "تغلب",
                "تغلبت",
                "خسر",
                "خسرت",
                "خسارة",
                "هزيمة",
                "تعادل",
                "تعادلت",
                "بنتيجة",
                "نتيجة",
                "الشوط",
                "شوط",
                "الدوري",
                "كأس",
                "منتخب",
                "المنتخب",
                "فريق",
                "الفريق",
                "نادي",
                "النادي",
                "ملعب",
                "المونديال",
                "نهائي",
                "الذهاب",
                "الإياب",
                "اكتسح",
                "هزم",
                "مواجهة",
                "لقاء",
                "المجموعة",
                "التنس",
                "مجموعات",
            ],
            Lex::SportsCue,
        );
        self.add(
            &[
                "ارتفع",
                "ارتفعت",
                "يرتفع",
                "ترتفع",
                "ارتفاع",
                "انخفض",
                "انخفضت",
                "ينخفض",
                "تنخفض",
                "انخفاض",
                "تراجع",
                "تراجعت",
                "يتراجع",
                "زاد",
                "زادت",
                "يزيد",
                "زيادة",
                "قفز",
                "قفزت",
                "هبط",
                "هبطت",
                "هبوط",
                "رفع",
                "رفعت",
                "خفض",
                "خفضت",
                "تقلص",
                "تقلصت",
                "صعد",
                "صعدت",
                "نزل",
                "نزلت",
                "تطور",
                "تطورت",
                "انتقل",
                "انتقلت",
                "مر",
                "مرت",
                "تحسن",
                "تحسنت",
                "نما",
                "نمت",
                "تضاعف",
                "تضاعفت",
                "تغير",
                "تخفيض",
                "ترفيع",
                "تقليص",
                "نزول",
                "صعود",
                "انتقال",
                "مرور",
                "زيادة",
            ],
            Lex::ChangeVerb,
        );
        self.add(
            &[
                "رقم",
                "الرقم",
                "هاتف",
                "الهاتف",
                "عدد",
                "الفصل",
                "المادة",
                "مادة",
            ],
            Lex::Identifier,
        );
        self.add(&["الساعة", "ساعة"], Lex::Clock);
    }

    fn add_ordinals(&mut self) {
        let o = |value: f64| Lex::OrdinalWord { value };
        let units: [(&[&str], f64); 10] = [
            (&["الأول", "الأولى", "الاول", "الاولى"], 1.0),
            (&["الثاني", "الثانية"], 2.0),
            (&["الثالث", "الثالثة"], 3.0),
            (&["الرابع", "الرابعة"], 4.0),
            (&["الخامس", "الخامسة"], 5.0),
            (&["السادس", "السادسة"], 6.0),
            (&["السابع", "السابعة"], 7.0),
            (&["الثامن", "الثامنة"], 8.0),
            (&["التاسع", "التاسعة"], 9.0),
            (&["العاشر", "العاشرة"], 10.0),
        ];
        for (words, v) in units {
            for w in words {
                self.add_bare(&[w], o(v));
            }
        }
        self.add_bare(&["الحادي", "الحادية"], o(1.0));
        let tens: [(&str, f64); 8] = [
            ("العشرين", 20.0),
            ("الثلاثين", 30.0),
            ("الأربعين", 40.0),
            ("الخمسين", 50.0),
            ("الستين", 60.0),
            ("السبعين", 70.0),
            ("الثمانين", 80.0),
            ("التسعين", 90.0),
        ];
        for (w, v) in tens {
            self.add_bare(&[w, &format!("و{w}")], o(v));
        }
        self.add_bare(&["المئوية"], o(100.0));
    }
}

/// The proclitic combinations a folded word may start with, longest first.
#[inline]
pub fn prefixes_for(norm: &str) -> &'static [&'static str] {
    match norm.chars().next() {
        Some('و') => &["وبال", "وال", "ولل", "وب", "ول", "وك", "و"],
        Some('ف') => &["فال", "فب", "فل", "ف"],
        Some('ب') => &["بال", "ب"],
        Some('ل') => &["لل", "ل"],
        Some('ك') => &["كال", "ك"],
        Some('ا') => &["ال"],
        _ => &[],
    }
}

/// The month a two-word month name means, from its head key and folded second word.
pub fn two_word_month(key: u8, second: &str) -> Option<(u8, Calendar)> {
    let first = matches!(second, "الاول" | "اول" | "الاولي");
    let second_w = matches!(second, "الثاني" | "ثاني" | "الثانيه" | "الاخر" | "الاخره");
    match (key, first, second_w) {
        (1, true, _) => Some((12, Calendar::Gregorian)),
        (1, _, true) => Some((1, Calendar::Gregorian)),
        (2, true, _) => Some((10, Calendar::Gregorian)),
        (2, _, true) => Some((11, Calendar::Gregorian)),
        (3, true, _) => Some((3, Calendar::Hijri)),
        (3, _, true) => Some((4, Calendar::Hijri)),
        (4, true, _) => Some((5, Calendar::Hijri)),
        (4, _, true) => Some((6, Calendar::Hijri)),
        (5, _, _) if second == "القعده" => Some((11, Calendar::Hijri)),
        (5, _, _) if second == "الحجه" => Some((12, Calendar::Hijri)),
        _ => None,
    }
}

/// A qualifier phrase before a figure, as folded words.
pub const QUALIFIERS: &[&[&str]] = &[
    &["ما", "لا", "يقل", "عن"],
    &["لا", "يقل", "عن"],
    &["لا", "تقل", "عن"],
    &["ما", "يزيد", "علي"],
    &["ما", "يزيد", "عن"],
    &["ما", "يربو", "علي"],
    &["يزيد", "علي"],
    &["تزيد", "علي"],
    &["يزيد", "عن"],
    &["تزيد", "عن"],
    &["ما", "يقارب"],
    &["ما", "يناهز"],
    &["ما", "يفوق"],
    &["ما", "بين"],
    &["اكثر", "من"],
    &["اقل", "من"],
    &["ازيد", "من"],
    &["اقصي"],
    &["نحو"],
    &["بنحو"],
    &["لنحو"],
    &["حوالي"],
    &["بحوالي"],
    &["لحوالي"],
    &["قرابه"],
    &["زهاء"],
    &["يقارب"],
    &["تقارب"],
    &["يناهز"],
    &["تناهز"],
    &["تجاوز"],
    &["تجاوزت"],
    &["يتجاوز"],
    &["تتجاوز"],
    &["تخطي"],
    &["تخطت"],
    &["يتخطي"],
    &["تتخطي"],
    &["فاق"],
    &["فاقت"],
    &["يفوق"],
    &["تفوق"],
    &["بين"],
    &["حتي"],
];

/// Label cues: folded word sequences (first word without proclitics or ال) and the label shown.
pub const CUES: &[(&[&str], &str)] = &[
    (&["مبادلات", "تجاريه"], "المبادلات التجارية"),
    (&["مبادلاتها", "تجاريه"], "المبادلات التجارية"),
    (&["تبادل", "تجاري"], "التبادل التجاري"),
    (&["تبادلات", "تجاريه"], "المبادلات التجارية"),
    (&["حجم", "تبادل"], "حجم التبادل التجاري"),
    (&["حجم", "تجاره"], "حجم التجارة"),
    (&["ميزان", "تجاري"], "الميزان التجاري"),
    (&["عجز", "تجاري"], "العجز التجاري"),
    (&["فائض", "تجاري"], "الفائض التجاري"),
    (&["ناتج", "محلي", "اجمالي"], "الناتج المحلي الإجمالي"),
    (&["ناتج", "محلي"], "الناتج المحلي"),
    (&["ناتج", "داخلي", "خام"], "الناتج الداخلي الخام"),
    (&["صادرات"], "الصادرات"),
    (&["واردات"], "الواردات"),
    (&["ميزانيه"], "الميزانية"),
    (&["موازنه"], "الموازنة"),
    (&["عجز"], "العجز"),
    (&["فائض"], "الفائض"),
    (&["ايرادات"], "الإيرادات"),
    (&["عائدات"], "العائدات"),
    (&["مداخيل"], "المداخيل"),
    (&["استثمارات"], "الاستثمارات"),
    (&["احتياطي"], "الاحتياطي"),
    (&["احتياطيات"], "الاحتياطي"),
    (&["تضخم"], "التضخم"),
    (&["معدل", "نمو"], "معدل النمو"),
    (&["نسبه", "نمو"], "نسبة النمو"),
    (&["نمو"], "النمو"),
    (&["بطاله"], "البطالة"),
    (&["عدد", "سكان"], "عدد السكان"),
    (&["عدد", "سكانها"], "عدد السكان"),
    (&["تعداد"], "عدد السكان"),
    (&["يسكنها"], "عدد السكان"),
    (&["يقطنها"], "عدد السكان"),
    (&["تسكنها"], "عدد السكان"),
    (&["سكان"], "عدد السكان"),
    (&["قيمه", "سوقيه"], "القيمة السوقية"),
    (&["صافي", "ربح"], "صافي الربح"),
    (&["صافي", "ارباح"], "صافي الأرباح"),
    (&["ارباح"], "الأرباح"),
    (&["اسعار", "نفط"], "أسعار النفط"),
    (&["سعر", "نفط"], "سعر النفط"),
    (&["سعر", "صرف"], "سعر الصرف"),
    (&["دين", "عام"], "الدين العام"),
    (&["دين", "خارجي"], "الدين الخارجي"),
    (&["ديون"], "الديون"),
    (&["مديونيه"], "المديونية"),
    (&["مبيعات"], "المبيعات"),
    (&["خسائر"], "الخسائر"),
    (&["انتاج"], "الإنتاج"),
    (&["تكلفه"], "التكلفة"),
    (&["كلفه"], "الكلفة"),
    (&["رقم", "معاملات"], "رقم المعاملات"),
    (&["اجور"], "الأجور"),
    (&["رواتب"], "الرواتب"),
    (&["قرض"], "القرض"),
    (&["مساعدات"], "المساعدات"),
    (&["تمويل"], "التمويل"),
    (&["نسبه", "مشاركه"], "نسبة المشاركة"),
    (&["استهلاك"], "الاستهلاك"),
    (&["صفقه"], "الصفقة"),
    (&["ضرائب"], "الضرائب"),
    (&["اسعار"], "الأسعار"),
    (&["مخزونات"], "المخزونات"),
    (&["قيمه", "صفقه"], "قيمة الصفقة"),
    (&["حصه"], "الحصة"),
    (&["اعتمادات"], "الاعتمادات"),
    (&["نفقات"], "النفقات"),
    (&["موارد"], "الموارد"),
    (&["قروض"], "القروض"),
    (&["ودائع"], "الودائع"),
    (&["منحه"], "المنحة"),
    (&["منح"], "المنح"),
    (&["نسبه", "فائده"], "نسبة الفائدة"),
    (&["سعر", "فائده"], "سعر الفائدة"),
    (&["فائده"], "الفائدة"),
    (&["خطيه"], "الخطية"),
    (&["جائزه"], "الجائزة"),
    (&["مكافاه"], "المكافأة"),
    (&["هبه"], "الهبة"),
    (&["رسوم"], "الرسوم"),
    (&["خساره"], "الخسارة"),
    (&["رسم"], "الرسم"),
    (&["تعويض"], "التعويض"),
    (&["تعويضات"], "التعويضات"),
    (&["غرامه"], "الغرامة"),
    (&["راتب"], "الراتب"),
    (&["سعر"], "السعر"),
    (&["ثمن"], "الثمن"),
    (&["قيمه"], "القيمة"),
];

/// Words after a number that are never a counted noun (prepositions, particles, pronouns).
pub fn is_stopword(norm: &str) -> bool {
    matches!(
        norm,
        "في" | "من"
            | "الي"
            | "علي"
            | "عن"
            | "مع"
            | "و"
            | "او"
            | "ثم"
            | "حتي"
            | "منذ"
            | "بين"
            | "خلال"
            | "قبل"
            | "بعد"
            | "حسب"
            | "وفق"
            | "وفقا"
            | "لدي"
            | "عند"
            | "اي"
            | "ان"
            | "انه"
            | "انها"
            | "التي"
            | "الذي"
            | "الذين"
            | "هو"
            | "هي"
            | "هذا"
            | "هذه"
            | "ذلك"
            | "تلك"
            | "كما"
            | "لكن"
            | "مقابل"
            | "فقط"
            | "تقريبا"
            | "اخري"
            | "اخرين"
            | "اخرون"
            | "منهم"
            | "منها"
            | "منه"
            | "فيها"
            | "فيه"
            | "فيهم"
            | "عليها"
            | "عليه"
            | "عنها"
            | "له"
            | "لها"
            | "لهم"
            | "بها"
            | "به"
            | "الا"
            | "غير"
            | "كان"
            | "كانت"
            | "وهو"
            | "وهي"
            | "وذلك"
            | "تم"
            | "يتم"
            | "اخر"
            | "عالميا"
            | "سنويا"
            | "يوميا"
            | "شهريا"
            | "تقريبيا"
            | "الف"
            | "لا"
            | "ما"
            | "قد"
            | "كل"
            | "بعض"
            | "نحو"
            | "حوالي"
            | "ب"
            | "ل"
            | "ف"
            | "ك"
            | "ال"
            | "يوم"
            | "بالنسبه"
            | "فيما"
            | "بينما"
            | "حيث"
            | "اذ"
            | "اذا"
            | "لم"
            | "لن"
            | "ولا"
            | "اما"
            | "ر"
            | "د"
    )
}
