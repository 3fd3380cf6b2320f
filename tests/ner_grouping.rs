//! Grouping of mentions into entities, user entries, and the CoNLL interface.

use akhbar::analyze::entities::{Entity, EntityKind, Recognizer};

fn recognizer() -> Recognizer {
    match Recognizer::load_default() {
        Ok(r) => r,
        Err(e) => panic!("the embedded model loads: {e:#}"),
    }
}

fn by_key<'a>(all: &'a [Entity], key: &str) -> Option<&'a Entity> {
    all.iter().find(|e| e.key == key)
}

#[test]
fn clitics_and_spellings_fold_into_one_entity() {
    let text = "وصل الرئيس إلى موسكو أمس.\nوقال إن لموسكو دورا كبيرا، وإن وموسكو وبكين شريكان.\nوتعمل الصين مع روسيا، وقال إن للصين وبالصين مصالح.";
    let all = recognizer().entities(text);
    let moscow = by_key(&all, "موسكو");
    assert_eq!(
        moscow.map(|e| (e.name.as_str(), e.kind, e.mentions.len())),
        Some(("موسكو", EntityKind::Location, 3)),
        "{all:#?}"
    );
    let china = by_key(&all, "الصين");
    assert_eq!(
        china.map(|e| (e.name.as_str(), e.mentions.len())),
        Some(("الصين", 3)),
        "{all:#?}"
    );
    assert!(by_key(&all, "بكين").is_some(), "بكين keeps its ب: {all:#?}");
}

#[test]
fn and_before_a_rare_given_name_is_cut_off() {
    // `سناء` is a listed given name but too rare in the news for the counts to split `وسناء`.
    let text = "شارك في العمل الممثل نجيب عياد وسناء الزين ومريم بن شعبان.";
    let all = recognizer().entities(text);
    let sana = all.iter().find(|e| e.name.ends_with("سناء الزين"));
    assert_eq!(
        sana.map(|e| (e.name.as_str(), e.key.as_str(), e.kind)),
        Some(("سناء الزين", "سناء الزين", EntityKind::Person)),
        "{all:#?}"
    );
    // A given name that itself begins with و keeps it.
    let all = recognizer().entities("وقال وليد جنبلاط إن الحوار مستمر.");
    assert!(all.iter().any(|e| e.name == "وليد جنبلاط"), "{all:#?}");
}

#[test]
fn surname_joins_full_name_in_the_same_text() {
    let text = "التقى الرئيس الروسي فلاديمير بوتين نظيره الصيني.\nوقال بوتين إن العلاقات قوية.";
    let all = recognizer().entities(text);
    let putin = all
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.name == "فلاديمير بوتين");
    assert_eq!(putin.map(|e| e.mentions.len()), Some(2), "{all:#?}");
    assert!(all.iter().all(|e| e.key != "بوتين"));
}

#[test]
fn user_entries_win_over_the_model() {
    let toml =
        "[[entity]]\nname = \"مجموعة هاربين للطاقة\"\ntype = \"ORG\"\naliases = [\"هاربين\"]\n";
    let rec = recognizer().with_user_entities(toml);
    let Ok(rec) = rec else {
        panic!("user toml parses")
    };
    let all = rec.entities("زار بوتين هاربين أمس، ثم غادر هاربين.");
    let harbin = all.iter().find(|e| e.name == "مجموعة هاربين للطاقة");
    assert_eq!(
        harbin.map(|e| (e.kind, e.mentions.len())),
        Some((EntityKind::Organization, 2)),
        "{all:#?}"
    );
    assert!(
        recognizer()
            .with_user_entities("[[entity]]\nname = 1")
            .is_err()
    );
}

#[test]
fn english_sentences_keep_only_listed_names() {
    // The tagger learned Arabic news; on English it tagged runs of ordinary words as
    // organisations ("World Bank raises growth forecast for the").
    let text = "World Bank raises growth forecast for the Middle East.\nThe World Bank said on Tuesday it now expects growth.\nوقال البنك الدولي في واشنطن إن النمو سيتحسن.";
    let all = recognizer().entities(text);
    assert!(
        all.iter()
            .all(|e| e.name.chars().all(|c| !c.is_ascii_alphabetic())),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|e| e.name == "واشنطن"),
        "Arabic sentences are tagged: {all:#?}"
    );
    let toml = "[[entity]]\nname = \"World Bank\"\ntype = \"ORG\"\n";
    let Ok(rec) = recognizer().with_user_entities(toml) else {
        panic!("user toml parses")
    };
    let all = rec.entities(text);
    let bank = all.iter().find(|e| e.name == "World Bank");
    assert_eq!(
        bank.map(|e| (e.kind, e.mentions.len())),
        Some((EntityKind::Organization, 2)),
        "the user's entries still count in English sentences: {all:#?}"
    );
}

#[test]
fn tag_tokens_uses_anercorp_tag_names() {
    let rec = recognizer();
    let tags = rec.tag_tokens(&["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو", "."]);
    assert_eq!(tags.len(), 7);
    assert_eq!(&tags[2..4], ["B-PERS", "I-PERS"]);
    assert_eq!(tags[5], "B-LOC");
    assert!(rec.tag_tokens(&[]).is_empty());
}

#[test]
fn a_sentence_without_a_stop_is_tagged_as_if_it_had_one() {
    // A title ends on its last word; the tagger learned only from sentences ending with a
    // full stop, and used to leave the last word of a title untagged.
    let rec = recognizer();
    for title in [
        ["احتجاجات", "في", "قفصة"].as_slice(),
        ["رؤية", "هلال", "رمضان", "في", "السعودية"].as_slice(),
    ] {
        let stopped = [title, &["."]].concat();
        let with_stop = rec.tag_tokens(&stopped);
        assert_eq!(with_stop.last(), Some(&"O"));
        assert_eq!(with_stop[title.len() - 1], "B-LOC", "{title:?}");
        assert_eq!(rec.tag_tokens(title), with_stop[..title.len()], "{title:?}");
    }
    let entities = rec.entities("احتجاجات في قفصة\nتواصلت الاحتجاجات اليوم.");
    assert!(
        entities.iter().any(|e| e.name == "قفصة"),
        "the title's place is in the panel: {entities:#?}"
    );
}

#[test]
fn a_listed_name_with_its_last_words_in_quotes_is_one_entity() {
    // How Jawhara FM writes its own name; the tagger alone made `اف ام` a name of its own.
    let text = "خبر\nوقال مصدر أمني لمراسل الجوهرة \"اف ام\" إن الوضع هادئ. وأضاف في تصريح للجوهرة اف ام أن التحقيق متواصل.";
    let all = recognizer().entities(text);
    let radio: Vec<&Entity> = all.iter().filter(|e| e.name.contains("الجوهرة")).collect();
    assert_eq!(radio.len(), 1, "{all:#?}");
    assert_eq!(radio[0].kind, EntityKind::Organization);
    assert_eq!(radio[0].mentions.len(), 2, "{all:#?}");
    assert!(!all.iter().any(|e| e.name == "اف ام"), "{all:#?}");
}

#[test]
fn a_national_team_is_an_organisation_in_the_panel() {
    // ANERcorp leaves `المنتخب الكويتي` untagged; the panel names the team.
    let text = "خبر\nفاز المنتخب التونسي على المنتخب المصري أمس في ملعب رادس.";
    let all = recognizer().entities(text);
    for team in ["المنتخب التونسي", "المنتخب المصري"] {
        let found = all.iter().find(|e| e.name == team).map(|e| e.kind);
        assert_eq!(found, Some(EntityKind::Organization), "{team}: {all:#?}");
    }
}

#[test]
fn a_club_named_after_its_town_is_an_organisation_in_the_panel() {
    // From assets/ner/panel-names.txt, which the tagger never sees.
    let text = "خبر\nفاز مستقبل القصرين على هلال مساكن، ودعا اتحاد الشغل إلى الحوار.";
    let all = recognizer().entities(text);
    for club in ["مستقبل القصرين", "هلال مساكن", "اتحاد الشغل"] {
        let found = all.iter().find(|e| e.name == club).map(|e| e.kind);
        assert_eq!(found, Some(EntityKind::Organization), "{club}: {all:#?}");
    }
    assert!(!all.iter().any(|e| e.name == "القصرين"), "{all:#?}");
}

#[test]
fn tag_conll_round_trip_keeps_tokens_and_blank_lines() {
    let input = "\nقال\nبوتين\nفي\nموسكو\n\n\nوأضاف\n  «  \nالصين\n";
    let mut out = Vec::new();
    let res = recognizer().tag_conll(input.as_bytes(), &mut out);
    assert!(res.is_ok());
    let out = String::from_utf8(out).unwrap_or_default();
    let lines: Vec<&str> = out.lines().collect();
    let want_tokens = [
        "",
        "قال",
        "بوتين",
        "في",
        "موسكو",
        "",
        "",
        "وأضاف",
        "«",
        "الصين",
    ];
    assert_eq!(lines.len(), want_tokens.len(), "{out}");
    for (line, tok) in lines.iter().zip(want_tokens) {
        if tok.is_empty() {
            assert!(line.is_empty());
            continue;
        }
        let (t, tag) = line.split_once('\t').unwrap_or(("", ""));
        assert_eq!(t, tok);
        assert!(
            akhbar::analyze::entities::TAG_NAMES.contains(&tag),
            "{line}"
        );
    }
}

#[test]
fn user_entities_from_a_config_dir() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let none = recognizer().with_user_entities_in(dir.path());
    assert!(none.is_ok(), "a missing entities.toml is fine");
    let toml = "[[entity]]\nname = \"هاربين\"\ntype = \"person\"\n";
    assert!(std::fs::write(dir.path().join("entities.toml"), toml).is_ok());
    let rec = recognizer().with_user_entities_in(dir.path());
    let all = rec
        .map(|r| r.entities("زار بوتين هاربين أمس."))
        .unwrap_or_default();
    let harbin = all.iter().find(|e| e.name == "هاربين");
    assert_eq!(harbin.map(|e| e.kind), Some(EntityKind::Person), "{all:#?}");
    assert!(std::fs::write(dir.path().join("entities.toml"), "[[entity]\n").is_ok());
    assert!(recognizer().with_user_entities_in(dir.path()).is_err());
    // The reader keeps the built-in entities over a malformed file, and says why.
    let kept = akhbar::headless::recognizer_keeping_builtin_in(Some(dir.path()));
    let Ok((kept, Some(error))) = kept else {
        panic!("the built-in recognizer and the file's error");
    };
    assert!(format!("{error:#}").contains("entities.toml"), "{error:#}");
    let moscow = kept.entities("زار بوتين موسكو أمس.");
    assert!(moscow.iter().any(|e| e.name == "موسكو"), "{moscow:#?}");
}

#[test]
fn a_preposition_before_an_organisation_head_is_not_part_of_the_name() {
    // `لوكالة` (told the agency) is more common in the news than `وكالة` itself, so the word
    // counts alone would keep it whole; a name does not start with ل before its head.
    let text = "خبر\nوقال المتحدث لوكالة فرانس برس إن الوضع هادئ، وصرح مصدر لوكالة الأنباء المركزية بأن الصيادين عادوا.";
    let all = recognizer().entities(text);
    for name in ["وكالة فرانس برس", "وكالة الأنباء المركزية"] {
        let found = all.iter().find(|e| e.name == name);
        assert_eq!(
            found.map(|e| (e.kind, e.mentions[0].text.as_str())),
            Some((EntityKind::Organization, name)),
            "{all:#?}"
        );
    }
}

#[test]
fn listed_names_keep_their_first_letters_and_lose_their_prepositions() {
    // `بحر` starts like ب + `حر` and `حر` is the more common word; `بقصر` is more common than
    // `قصر`: the listed names decide. `وزارة الداخلية`, which ANERcorp leaves untagged, is an
    // organisation because the lists say so.
    let text = "خبر\nاستقبل الرئيس بقصر قرطاج وفدا رسميا، وقالت وزارة الداخلية إن سفينة غرقت في بحر الشمال.";
    let all = recognizer().entities(text);
    let kind_of = |name: &str| all.iter().find(|e| e.name == name).map(|e| e.kind);
    assert_eq!(kind_of("قصر قرطاج"), Some(EntityKind::Misc), "{all:#?}");
    assert_eq!(
        kind_of("وزارة الداخلية"),
        Some(EntityKind::Organization),
        "{all:#?}"
    );
    assert_eq!(
        kind_of("بحر الشمال"),
        Some(EntityKind::Location),
        "{all:#?}"
    );
    // One word: `بقليبية` and `بتاجروين` are more common in the news than the towns' bare
    // names; the lists say where the name starts. `كين` (Kane) is not ك + `ين`.
    let text =
        "خبر\nانعقد الاجتماع بقليبية أمس، ثم انتقل الوفد إلى تاجروين. وقال كين إن الفريق جاهز.";
    let all = recognizer().entities(text);
    let names: Vec<&str> = all.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"قليبية"), "{all:#?}");
    assert!(!names.iter().any(|n| n.starts_with("بقل")), "{all:#?}");
    assert!(!names.contains(&"ين"), "{all:#?}");
}
