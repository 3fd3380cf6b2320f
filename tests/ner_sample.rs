//! The sample article's entities. Nothing in the model, gazetteers or rules is special-cased
//! for it: organisations come from trigger words and the nisba rules, unseen names from the
//! model.

use akhbar::analyze::entities::{Entity, EntityKind, Recognizer};

const SAMPLE: &str = include_str!("../assets/samples/putin-harbin.txt");

fn entities() -> Vec<Entity> {
    match Recognizer::load_default() {
        Ok(r) => r.entities(SAMPLE),
        Err(e) => panic!("the embedded model loads: {e:#}"),
    }
}

#[test]
fn sample_article_entities() {
    let all = entities();
    let expected = [
        ("بوتين", EntityKind::Person, 7),
        ("شي جين بينغ", EntityKind::Person, 1),
        ("أنطون سيلوانوف", EntityKind::Person, 1),
        ("إلفيرا نابيولينا", EntityKind::Person, 1),
        ("روسيا", EntityKind::Location, 7),
        ("الصين", EntityKind::Location, 7),
        ("موسكو", EntityKind::Location, 6),
        ("بكين", EntityKind::Location, 5),
        ("هاربين", EntityKind::Location, 2),
        ("أوكرانيا", EntityKind::Location, 1),
        ("الولايات المتحدة", EntityKind::Location, 1),
        ("وزارة الخارجية الصينية", EntityKind::Organization, 1),
        ("وزارة الخزانة الأمريكية", EntityKind::Organization, 1),
        ("البنك المركزي", EntityKind::Organization, 1),
        ("الجمارك الصينية", EntityKind::Organization, 1),
    ];
    for (name, kind, count) in expected {
        let found = all.iter().find(|e| e.name == name);
        let got = found.map(|e| (e.kind, e.mentions.len()));
        assert_eq!(got, Some((kind, count)), "{name}: all = {all:#?}");
    }
}

#[test]
fn mentions_exclude_proclitics_and_point_into_the_text() {
    let all = entities();
    for e in &all {
        for m in &e.mentions {
            assert_eq!(SAMPLE.get(m.range.clone()), Some(m.text.as_str()));
        }
    }
    let russia = all.iter().find(|e| e.name == "روسيا");
    // لروسيا: the highlighted text is روسيا.
    assert!(russia.is_some_and(|e| e.mentions.iter().all(|m| m.text == "روسيا")));
    let moscow = all.iter().find(|e| e.key == "موسكو");
    assert!(moscow.is_some_and(|e| e.mentions.iter().all(|m| m.text == "موسكو")));
    let customs = all.iter().find(|e| e.name == "الجمارك الصينية");
    // Fused ل + ال: the whole word stays highlighted.
    assert!(customs.is_some_and(|e| e.mentions[0].text == "للجمارك الصينية"));
}
