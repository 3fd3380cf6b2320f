//! The sample article from the issue: the four figures it must yield.

use akhbar::analyze::figures::{EntityRef, Figure, FigureKind, extract, key_figures};

const SAMPLE: &str = include_str!("../assets/samples/putin-harbin.txt");

fn find<'a>(figs: &'a [Figure], text: &str) -> &'a Figure {
    figs.iter()
        .find(|f| f.text.contains(text))
        .unwrap_or_else(|| panic!("no figure with text {text:?} in {figs:#?}"))
}

#[test]
fn sample_article_figures() {
    let figs = extract(SAMPLE, Some(2024), &[]);
    for f in &figs {
        println!(
            "{:<28} {:>12e} {:<8} {:<10} label={:<22} year={:?} key={} score={} q={:?}",
            f.text,
            f.value,
            f.unit.as_deref().unwrap_or("-"),
            f.kind.name(),
            f.label.as_deref().unwrap_or("-"),
            f.year,
            f.key,
            f.score,
            f.qualifier
        );
    }
    let money = find(&figs, "220 مليار يورو");
    assert_eq!(money.kind, FigureKind::Money);
    assert_eq!(money.value, 2.2e11);
    assert_eq!(money.unit.as_deref(), Some("EUR"));
    assert_eq!(money.label.as_deref(), Some("المبادلات التجارية"));
    assert_eq!(money.year, Some(2023));
    assert_eq!(money.qualifier.as_deref(), Some("وتجاوزت"));
    assert!(money.key);

    let people = find(&figs, "عشرة ملايين نسمة");
    assert_eq!(people.kind, FigureKind::Population);
    assert_eq!(people.value, 1e7);
    assert_eq!(people.unit.as_deref(), Some("people"));
    assert_eq!(people.label.as_deref(), Some("عدد السكان"));
    assert!(people.key);

    let ordinal = find(&figs, "الـ75");
    assert_eq!(ordinal.kind, FigureKind::Ordinal);
    assert_eq!(ordinal.value, 75.0);
    assert_eq!(ordinal.label.as_deref(), Some("الذكرى"));
    assert!(!ordinal.key);

    let date = find(&figs, "24 فبراير/شباط 2022");
    assert_eq!(date.kind, FigureKind::Date);
    assert_eq!(date.value, 20220224.0);
    assert_eq!(date.year, Some(2022));

    let keys = key_figures(&figs);
    assert_eq!(
        keys.first().map(|f| f.text.as_str()),
        Some("220 مليار يورو")
    );
    for f in &figs {
        assert_eq!(&SAMPLE[f.range.clone()], f.text);
    }
}

#[test]
fn entities_in_the_figure_sentence() {
    let at = SAMPLE.find("الصين وروسيا").unwrap_or(0);
    let ents = [EntityRef {
        range: at..at + "الصين".len(),
        name: "الصين",
    }];
    let figs = extract(SAMPLE, Some(2024), &ents);
    let money = find(&figs, "220 مليار يورو");
    assert_eq!(money.entities, vec!["الصين".to_string()]);
    let people = find(&figs, "عشرة ملايين نسمة");
    assert!(people.entities.is_empty());
}

#[test]
fn year_prefers_the_reported_period_over_the_comparison() {
    let text = "وارتفعت الصادرات خلال سنة 2016 مقارنة بسنة 2015 لتبلغ 3 مليارات دينار.";
    let figs = extract(text, Some(2017), &[]);
    let money = find(&figs, "3 مليارات دينار");
    assert_eq!(money.year, Some(2016));
    assert_eq!(money.label.as_deref(), Some("الصادرات"));
}

#[test]
fn relative_years_resolve_against_the_article_year() {
    let figs = extract(
        "وبلغ العجز 5 مليارات دولار في العام الماضي.",
        Some(2018),
        &[],
    );
    assert_eq!(figs.first().and_then(|f| f.year), Some(2017));
    let figs = extract("وبلغ العجز 5 مليارات دولار.", Some(2018), &[]);
    assert_eq!(figs.first().and_then(|f| f.year), Some(2018));
}

#[test]
fn figures_serialize_with_lowercase_kinds() {
    let figs = extract("وارتفع التضخم إلى 5 بالمائة.", None, &[]);
    let json = serde_json::to_string(&figs).unwrap_or_default();
    assert!(json.contains("\"kind\":\"percent\""), "{json}");
}

#[test]
fn labels_keep_what_completes_their_cue() {
    for (sentence, figure, label) in [
        // The noun in construct with the cue, as written.
        (
            "وبلغت إيرادات القناة 7.2 مليار دولار.",
            "7.2",
            "إيرادات القناة",
        ),
        (
            "وارتفع سعر البيتكوين إلى 71 ألف دولار.",
            "71",
            "سعر البيتكوين",
        ),
        (
            "بسبب الارتفاع الملحوظ لأسعار المواد الغذائية بنسبة 5 بالمائة.",
            "5 بالمائة",
            "أسعار المواد الغذائية",
        ),
        // A definite cue's adjective.
        (
            "وتراجعت الصادرات النفطية إلى 3 ملايين برميل.",
            "3 ملايين",
            "الصادرات النفطية",
        ),
        // Nothing that completes it: the cue's own form, the same in every article.
        (
            "وبلغت الإيرادات السنة الماضية 5 ملايين دينار.",
            "5 ملايين",
            "الإيرادات",
        ),
        // An ordinal's head without its fused preposition.
        ("وشارك الفيلم للدورة الثامنة والستين.", "الثامنة", "الدورة"),
    ] {
        let figs = extract(sentence, None, &[]);
        assert_eq!(
            find(&figs, figure).label.as_deref(),
            Some(label),
            "{sentence}"
        );
    }
}
