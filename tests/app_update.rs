//! Pure `update` tests: State + actions → State + effects.

use std::path::PathBuf;
use std::sync::Arc;

use akhbar::app::state::{ArticleKey, ListEntry};
use akhbar::app::update::{Effect, open_article, update};
use akhbar::app::{Action, Command, Pane, State};
use akhbar::config::BidiMode;
use akhbar::model::{Article, Format, Skipped};

fn article(name: &str, title: &str) -> Article {
    Article {
        path: PathBuf::from(name),
        index_in_file: 0,
        format: Format::Txt,
        title: title.to_owned(),
        paragraphs: vec!["فقرة".to_owned()],
        date: None,
        source: None,
        url: None,
        author: None,
        encoding: "UTF-8".to_owned(),
        truncated: false,
    }
}

fn loaded(titles: &[&str]) -> (State, Vec<Article>) {
    // Newest first is the list order: give the articles falling dates to keep `titles`' order.
    let articles: Vec<Article> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut a = article(&format!("{i}.txt"), t);
            a.date = Some(akhbar::model::ArticleDate {
                year: 2100 - i as i32,
                month: 1,
                day: 1,
                seconds: 0,
            });
            a
        })
        .collect();
    let mut state = State::new(PathBuf::from("news"), BidiMode::App);
    let effects = update(
        &mut state,
        Action::LoadFinished {
            entries: articles.iter().map(ListEntry::of).collect(),
            skipped: vec![Skipped {
                path: "bad.json".into(),
                reason: "invalid JSON".into(),
            }],
        },
    );
    assert_eq!(
        effects,
        vec![Effect::OpenArticle(ArticleKey::of(&articles[0]))]
    );
    update(&mut state, Action::LibraryViewport { height: 6 });
    (state, articles)
}

fn cmd(state: &mut State, command: Command) -> Vec<Effect> {
    update(state, Action::Command(command))
}

#[test]
fn moving_through_the_list_clamps_and_scrolls() {
    let (mut state, _) = loaded(&["أ", "ب", "ت", "ث", "ج"]);
    assert_eq!(state.library.page(), 3);
    cmd(&mut state, Command::Up);
    assert_eq!(state.library.selected, 0);
    for _ in 0..4 {
        cmd(&mut state, Command::Down);
    }
    assert_eq!(state.library.selected, 4);
    assert_eq!(state.library.offset, 2, "selection kept on screen");
    cmd(&mut state, Command::Down);
    assert_eq!(state.library.selected, 4);
    cmd(&mut state, Command::Top);
    assert_eq!((state.library.selected, state.library.offset), (0, 0));
    cmd(&mut state, Command::Bottom);
    assert_eq!(state.library.selected, 4);
    cmd(&mut state, Command::PageUp);
    assert_eq!(state.library.selected, 1);
}

#[test]
fn enter_opens_the_selected_article_and_focuses_the_reader() {
    let (mut state, articles) = loaded(&["أ", "ب"]);
    cmd(&mut state, Command::Down);
    let effects = cmd(&mut state, Command::Open);
    assert_eq!(
        effects,
        vec![Effect::OpenArticle(ArticleKey::of(&articles[1]))]
    );
    assert_eq!(state.focus, Pane::Reader);
    open_article(&mut state, Arc::new(articles[1].clone()), None);
    assert_eq!(state.article_position(), Some((2, 2)));
    cmd(&mut state, Command::Back);
    assert_eq!(state.focus, Pane::Library);
}

#[test]
fn reader_scroll_is_bounded_by_the_laid_out_lines() {
    let (mut state, articles) = loaded(&["أ"]);
    open_article(&mut state, Arc::new(articles[0].clone()), None);
    update(
        &mut state,
        Action::ReaderViewport {
            height: 10,
            lines: 25,
        },
    );
    state.focus = Pane::Reader;
    cmd(&mut state, Command::Bottom);
    assert_eq!(state.reader.scroll, 15);
    cmd(&mut state, Command::PageUp);
    assert_eq!(state.reader.scroll, 7);
    update(
        &mut state,
        Action::Scroll {
            pane: Pane::Reader,
            lines: 100,
        },
    );
    assert_eq!(state.reader.scroll, 15);
    // A wider window lays out fewer lines: the scroll follows.
    update(
        &mut state,
        Action::ReaderViewport {
            height: 10,
            lines: 12,
        },
    );
    assert_eq!(state.reader.scroll, 2);
}

#[test]
fn filter_is_arabic_insensitive_and_escape_clears_it() {
    let (mut state, _) = loaded(&["زيارة بوتين إلى الصين", "الإقتصاد التونسي", "مباراة الترجي"]);
    cmd(&mut state, Command::Filter);
    assert!(state.filter.editing);
    for c in "الاقتصاد".chars() {
        update(&mut state, Action::FilterInput(c));
    }
    assert_eq!(state.library.visible, vec![1], "إ and ا match");
    update(&mut state, Action::FilterBackspace);
    assert_eq!(state.library.visible, vec![1]);
    cmd(&mut state, Command::Back);
    assert!(!state.filter.editing);
    assert!(state.filter.query.is_empty());
    assert_eq!(state.library.visible.len(), 3);
}

#[test]
fn filter_ignores_harakat_tatweel_and_final_forms() {
    let (mut state, _) = loaded(&["مُسْتَشْفَى المدينة", "الـمدرسة"]);
    cmd(&mut state, Command::Filter);
    for c in "مستشفي".chars() {
        update(&mut state, Action::FilterInput(c));
    }
    assert_eq!(state.library.visible, vec![0]);
    cmd(&mut state, Command::Back);
    cmd(&mut state, Command::Filter);
    for c in "المدرسه".chars() {
        update(&mut state, Action::FilterInput(c));
    }
    assert_eq!(state.library.visible, vec![1]);
}

#[test]
fn focus_cycles_both_ways() {
    let (mut state, _) = loaded(&["أ"]);
    cmd(&mut state, Command::FocusNext);
    assert_eq!(state.focus, Pane::Reader);
    cmd(&mut state, Command::FocusNext);
    assert_eq!(state.focus, Pane::Panel);
    cmd(&mut state, Command::FocusNext);
    assert_eq!(state.focus, Pane::Library);
    cmd(&mut state, Command::FocusPrev);
    assert_eq!(state.focus, Pane::Panel);
}

#[test]
fn help_overlay_swallows_keys_until_closed() {
    let (mut state, _) = loaded(&["أ", "ب"]);
    cmd(&mut state, Command::Help);
    assert!(state.show_help);
    cmd(&mut state, Command::Down);
    assert_eq!(state.library.selected, 0);
    assert_eq!(cmd(&mut state, Command::Quit), vec![]);
    assert!(!state.show_help && !state.quit);
    assert_eq!(cmd(&mut state, Command::Quit), vec![Effect::Quit]);
}

#[test]
fn bidi_mode_cycles_and_asks_the_terminal_to_follow() {
    let (mut state, _) = loaded(&["أ"]);
    assert_eq!(
        cmd(&mut state, Command::CycleBidi),
        vec![Effect::ApplyBidiMode(BidiMode::Terminal)]
    );
    assert_eq!(
        cmd(&mut state, Command::CycleBidi),
        vec![Effect::ApplyBidiMode(BidiMode::Off)]
    );
    assert_eq!(
        cmd(&mut state, Command::CycleBidi),
        vec![Effect::ApplyBidiMode(BidiMode::App)]
    );
}

#[test]
fn clicks_select_and_open_list_entries() {
    let (mut state, articles) = loaded(&["أ", "ب", "ت"]);
    state.focus = Pane::Reader;
    let effects = update(
        &mut state,
        Action::Click {
            pane: Pane::Library,
            row: 5,
        },
    );
    assert_eq!(state.library.selected, 2);
    assert_eq!(
        effects,
        vec![Effect::OpenArticle(ArticleKey::of(&articles[2]))]
    );
    let effects = update(
        &mut state,
        Action::Click {
            pane: Pane::Library,
            row: 40,
        },
    );
    assert!(
        effects.is_empty(),
        "a click below the last entry does nothing"
    );
}

#[test]
fn an_empty_folder_is_fine() {
    let mut state = State::new(PathBuf::from("empty"), BidiMode::App);
    let effects = update(
        &mut state,
        Action::LoadFinished {
            entries: vec![],
            skipped: vec![],
        },
    );
    assert!(effects.is_empty());
    for command in Command::ALL {
        if command != Command::Quit {
            cmd(&mut state, command);
        }
    }
    assert!(state.library.visible.is_empty());
}

fn entry(name: &str, title: &str, id: i64, year: i32) -> ListEntry {
    let mut e = ListEntry::of(&article(name, title));
    e.id = Some(id);
    e.date = Some(akhbar::model::ArticleDate {
        year,
        month: 1,
        day: 1,
        seconds: 0,
    });
    e
}

#[test]
fn an_article_open_for_three_seconds_is_marked_read_once() {
    let (mut state, articles) = loaded(&["أ", "ب"]);
    open_article(&mut state, Arc::new(articles[0].clone()), None);
    let mut effects = Vec::new();
    for _ in 0..30 {
        effects.extend(update(&mut state, Action::Tick));
    }
    assert_eq!(
        effects,
        vec![Effect::SetRead(ArticleKey::of(&articles[0]), true)]
    );
    assert!(state.library.entries[0].read);
}

#[test]
fn m_and_s_toggle_read_and_bookmark_of_the_selected_entry() {
    let (mut state, articles) = loaded(&["أ", "ب"]);
    cmd(&mut state, Command::Down);
    let key = ArticleKey::of(&articles[1]);
    assert_eq!(
        cmd(&mut state, Command::ToggleRead),
        vec![Effect::SetRead(key.clone(), true)]
    );
    assert_eq!(
        cmd(&mut state, Command::ToggleRead),
        vec![Effect::SetRead(key.clone(), false)]
    );
    assert_eq!(
        cmd(&mut state, Command::ToggleBookmark),
        vec![Effect::SetBookmark(key, true)]
    );
    assert!(state.library.entries[1].bookmarked);
}

#[test]
fn streamed_batches_keep_the_list_sorted_and_the_selection() {
    let mut state = State::new(PathBuf::from("news"), BidiMode::App);
    let effects = update(
        &mut state,
        Action::EntriesCached {
            entries: vec![
                entry("a.txt", "قديم", 1, 2019),
                entry("b.txt", "حديث", 2, 2023),
            ],
            last: None,
        },
    );
    assert_eq!(state.library.entries[0].title, "حديث", "newest first");
    assert_eq!(effects.len(), 1, "the first article opens");
    update(&mut state, Action::LibraryViewport { height: 10 });
    cmd(&mut state, Command::Down);
    update(
        &mut state,
        Action::EntriesChanged {
            removed: vec![2],
            added: vec![entry("c.txt", "أحدث", 3, 2024)],
        },
    );
    let titles: Vec<&str> = state
        .library
        .entries
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["أحدث", "قديم"]);
    assert_eq!(
        state.library.selected_entry().map(|e| e.title.as_str()),
        Some("قديم")
    );
    update(&mut state, Action::LoadDone { skipped: vec![] });
    assert!(state.loading.is_none());
}

#[test]
fn the_last_article_reopens_at_its_saved_scroll() {
    let mut state = State::new(PathBuf::from("news"), BidiMode::App);
    let b = article("b.txt", "ب");
    let effects = update(
        &mut state,
        Action::EntriesCached {
            entries: vec![entry("a.txt", "أ", 1, 2020), entry("b.txt", "ب", 2, 2019)],
            last: Some(ArticleKey::of(&b)),
        },
    );
    assert_eq!(effects, vec![Effect::OpenArticle(ArticleKey::of(&b))]);
    let effects = akhbar::app::update::open_article_at(&mut state, Arc::new(b.clone()), None, 7);
    assert_eq!(effects, vec![Effect::RememberArticle(ArticleKey::of(&b))]);
    update(
        &mut state,
        Action::ReaderViewport {
            height: 5,
            lines: 0,
        },
    );
    assert_eq!(state.reader.scroll, 0, "not laid out yet");
    update(
        &mut state,
        Action::ReaderViewport {
            height: 5,
            lines: 30,
        },
    );
    assert_eq!(state.reader.scroll, 7);
}

/// Search results holding one article, titled "ب".
fn one_result(key: &ArticleKey, hits: Vec<std::ops::Range<usize>>, count: Option<u32>) -> Action {
    Action::SearchResults {
        results: vec![akhbar::app::state::SearchResult {
            key: key.clone(),
            title: "ب".into(),
            snippet: String::new(),
            hits,
            count,
        }],
        error: None,
    }
}

#[test]
fn search_results_replace_the_list_and_open_at_the_first_hit() {
    let (mut state, articles) = loaded(&["أ", "ب"]);
    let effects = cmd(&mut state, Command::Search);
    assert!(state.search.active && state.search.editing);
    assert_eq!(effects, vec![Effect::Search(String::new())]);
    assert_eq!(
        update(&mut state, Action::SearchInput('ب')),
        vec![Effect::Search("ب".into())]
    );
    let key = ArticleKey::of(&articles[1]);
    update(&mut state, one_result(&key, vec![0..2, 5..7], None));
    cmd(&mut state, Command::Open); // ends typing
    assert_eq!(
        cmd(&mut state, Command::Open),
        vec![Effect::OpenArticle(key)]
    );
    let effects =
        akhbar::app::update::open_article_at(&mut state, Arc::new(articles[1].clone()), None, 0);
    assert!(effects.contains(&Effect::Reveal(0)), "{effects:?}");
    assert!(state.reader.marks_are_hits);
    assert_eq!(cmd(&mut state, Command::NextMark), vec![Effect::Reveal(5)]);
    assert_eq!(
        cmd(&mut state, Command::NextMark),
        vec![Effect::Reveal(0)],
        "wraps around"
    );
    assert_eq!(cmd(&mut state, Command::PrevMark), vec![Effect::Reveal(5)]);
    state.focus = Pane::Library;
    cmd(&mut state, Command::Back);
    assert!(!state.search.active, "Esc goes back to the list");
}

#[test]
fn revealing_a_line_scrolls_only_when_it_is_off_screen() {
    let (mut state, articles) = loaded(&["أ"]);
    open_article(&mut state, Arc::new(articles[0].clone()), None);
    update(
        &mut state,
        Action::ReaderViewport {
            height: 9,
            lines: 100,
        },
    );
    update(&mut state, Action::RevealLine(5));
    assert_eq!(state.reader.scroll, 0);
    update(&mut state, Action::RevealLine(50));
    assert_eq!(
        state.reader.scroll, 47,
        "a third of the page of context above"
    );
}

fn figure_row(name: &str, label: &str, value: f64, year: i32) -> akhbar::app::state::FigureRow {
    akhbar::app::state::FigureRow {
        key: ArticleKey {
            path: PathBuf::from(name),
            index_in_file: 0,
        },
        title: name.to_owned(),
        range: 10..20,
        text: "x".into(),
        value,
        unit: "EUR".into(),
        kind: "money".into(),
        label: label.into(),
        year: Some(year),
        key_figure: true,
    }
}

#[test]
fn figures_view_sorts_moves_and_opens_the_article_at_the_figure() {
    let (mut state, _) = loaded(&["أ"]);
    assert_eq!(cmd(&mut state, Command::Figures), vec![Effect::LoadFigures]);
    assert!(state.figures.active && state.figures.loading);
    let rows = vec![
        figure_row("a.txt", "الصادرات", 5.0, 2021),
        figure_row("b.txt", "المبادلات التجارية", 220e9, 2023),
        figure_row("c.txt", "الصادرات", 7.0, 2022),
    ];
    update(&mut state, Action::FiguresLoaded(rows));
    update(&mut state, Action::FiguresViewport { height: 10 });
    let labels: Vec<&str> = state
        .figures
        .rows
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["الصادرات", "الصادرات", "المبادلات التجارية"],
        "sorted by label, then year"
    );
    cmd(&mut state, Command::SortFigures);
    assert_eq!(
        state.figures.rows[0].value, 220e9,
        "then by value, largest first"
    );
    cmd(&mut state, Command::Down);
    assert_eq!(state.figures.selected, 1);
    cmd(&mut state, Command::Down);
    cmd(&mut state, Command::Down);
    assert_eq!(state.figures.selected, 2, "clamped");
    let effects = cmd(&mut state, Command::Open);
    assert_eq!(
        effects,
        vec![Effect::OpenArticle(ArticleKey {
            path: PathBuf::from("a.txt"),
            index_in_file: 0
        })]
    );
    assert!(!state.figures.active);
    let mut a = article("a.txt", "أ");
    a.paragraphs = vec!["x".repeat(40)];
    let effects = akhbar::app::update::open_article_at(&mut state, Arc::new(a), None, 0);
    assert!(effects.contains(&Effect::Reveal(10)), "{effects:?}");
    assert_eq!(state.reader.marks, vec![10..20]);
}

#[test]
fn a_series_is_charted_by_year_with_the_largest_value_per_year() {
    let rows = vec![
        figure_row("a.txt", "الصادرات", 5.0, 2021),
        figure_row("b.txt", "الصادرات", 9.0, 2021),
        figure_row("c.txt", "الصادرات", 7.0, 2022),
        figure_row("d.txt", "الواردات", 1.0, 2022),
    ];
    let series = akhbar::ui::figures::series_by_year(&rows, &rows[0]);
    assert_eq!(
        series.into_iter().collect::<Vec<_>>(),
        vec![(2021, 9.0), (2022, 7.0)]
    );
}

/// A long article opens before its analysis is done (it is made in the background): a jump
/// to an entity from its other-articles list waits for the analysis, then marks the entity's
/// mentions; another article's analysis arriving meanwhile changes nothing.
#[test]
fn a_jump_to_an_entity_waits_for_the_analysis_of_a_long_article() {
    jump_to_entity_after_analysis("فقرة", "فقره", &[], &[]);
}

/// The article was found under another name the entity was grouped from (`@الفيفا` for
/// `الاتحاد الدولي لكرة القدم`): the jump still marks its mentions.
#[test]
fn a_jump_to_an_entity_finds_it_under_a_name_it_was_grouped_from() {
    jump_to_entity_after_analysis("فقرة طويلة", "فقره طويله", &["فقرة"], &[]);
}

/// The article was found under a place named inside an institution's name (`@الكاف` for
/// `المستشفى الجهوي بالكاف`): the jump marks the institution's mentions.
#[test]
fn a_jump_to_a_place_finds_the_institution_named_with_it() {
    jump_to_entity_after_analysis("مستشفى بفقرة", "مستشفي بفقره", &[], &["فقرة"]);
}

/// Opens article "ب" from an other-articles list for the entity "فقرة", whose analysis names
/// it `name` (key `key`, grouped from `aliases`, naming `places`), and checks the jump to its
/// mention.
fn jump_to_entity_after_analysis(name: &str, key_norm: &str, aliases: &[&str], places: &[&str]) {
    use akhbar::analyze::Analysis;
    use akhbar::analyze::entities::tags::EntityKind;
    use akhbar::analyze::entities::{Entity, Mention};
    let (mut state, articles) = loaded(&["أ", "ب"]);
    let key = ArticleKey::of(&articles[1]);
    cmd(&mut state, Command::Search);
    cmd(&mut state, Command::Open); // ends typing
    update(&mut state, one_result(&key, Vec::new(), Some(1)));
    state.search.entity = Some("فقرة".into());
    assert_eq!(
        cmd(&mut state, Command::Open),
        vec![Effect::OpenArticle(key.clone())]
    );
    let effects =
        akhbar::app::update::open_article_at(&mut state, Arc::new(articles[1].clone()), None, 0);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Reveal(_))));
    assert!(state.reader.marks.is_empty());
    // Opened without its analysis, the article is being analysed; the status line says so.
    let status = |state: &State| akhbar::ui::status::status_text(state, &Default::default());
    assert!(
        status(&state).contains("analysing the article"),
        "{}",
        status(&state)
    );
    // "ب\nفقرة": the paragraph's word is bytes 3..11 of the article's text.
    let analysis = Arc::new(Analysis {
        entities: vec![Entity {
            name: name.into(),
            key: key_norm.into(),
            kind: EntityKind::Misc,
            mentions: vec![Mention {
                range: 3..11,
                text: "فقرة".into(),
            }],
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            places: places.iter().map(|p| p.to_string()).collect(),
        }],
        figures: Vec::new(),
    });
    let other = ArticleKey::of(&articles[0]);
    let ignored = Action::AnalysisReady {
        key: other,
        analysis: Arc::clone(&analysis),
    };
    assert!(update(&mut state, ignored).is_empty());
    assert!(state.reader.analysis.is_none());
    let effects = update(&mut state, Action::AnalysisReady { key, analysis });
    assert!(effects.contains(&Effect::Reveal(3)), "{effects:?}");
    assert_eq!(state.reader.marks, vec![3..11]);
    assert!(state.reader.analysis.is_some());
    assert!(!status(&state).contains("analysing"), "{}", status(&state));
}
