//! The headless commands, run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn akhbar(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .args(args)
        .env("AKHBAR_DATA_DIR", data.join("data"))
        .env("AKHBAR_CONFIG_DIR", data.join("config"))
        .output()
        .expect("run akhbar")
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn index_json_counts_articles_and_skips() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path().join("news");
    std::fs::create_dir_all(folder.join("sub")).expect("mkdir");
    std::fs::write(folder.join("a.txt"), "عنوان\nنص").expect("write");
    std::fs::write(
        folder.join("sub/b.json"),
        r#"[{"title":"أ"},{"title":"ب","body":"ج"}]"#,
    )
    .expect("write");
    std::fs::write(folder.join("broken.json"), "{\"title\": ").expect("write");
    std::fs::write(folder.join("empty.txt"), "  \n").expect("write");
    std::fs::write(folder.join("image.png"), [0u8, 1, 2]).expect("write");
    let output = akhbar(
        &["index", folder.to_str().expect("utf-8 path"), "--json"],
        tmp.path(),
    );
    assert!(output.status.success(), "{output:?}");
    let summary: serde_json::Value =
        serde_json::from_str(stdout(&output).trim()).expect("valid JSON");
    assert_eq!(summary["articles"], 3);
    let skipped = summary["skipped"].as_array().expect("skipped array");
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    let reasons: Vec<&str> = skipped
        .iter()
        .filter_map(|s| s["reason"].as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains("invalid JSON")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| r.contains("empty")), "{reasons:?}");
    assert!(summary["seconds"].as_f64().is_some());
}

#[test]
fn index_plain_lists_skipped_files_with_reasons() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path().join("news");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("bad\u{1b}[2J.json"), "[]").expect("write");
    let output = akhbar(&["index", folder.to_str().expect("utf-8 path")], tmp.path());
    let text = stdout(&output);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        text.contains("0 articles") && text.contains("1 skipped"),
        "{text}"
    );
    assert!(err.contains("holds no articles"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "no raw escape from a file name: {err:?}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no raw escape from a file name: {text:?}"
    );
}

#[test]
fn samples_load_without_skips() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let output = akhbar(
        &["index", samples().to_str().expect("utf-8 path"), "--json"],
        tmp.path(),
    );
    let summary: serde_json::Value =
        serde_json::from_str(stdout(&output).trim()).expect("valid JSON");
    assert!(summary["articles"].as_u64() >= Some(6), "{summary}");
    assert_eq!(summary["skipped"], serde_json::json!([]));
}

#[test]
fn missing_folder_is_a_clear_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let output = akhbar(&["index", "/no/such/folder"], tmp.path());
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("is not a folder"), "{err}");
}

#[test]
fn config_print_shows_merged_settings_and_reports_errors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(tmp.path().join("config")).expect("mkdir");
    std::fs::write(
        tmp.path().join("config/config.toml"),
        "ligatures = false\n[keys]\nquit = \"x\"\n",
    )
    .expect("write");
    let output = akhbar(&["config", "--print"], tmp.path());
    let text = stdout(&output);
    assert!(text.contains("ligatures = false"), "{text}");
    assert!(text.contains("quit = [\"x\"]"), "{text}");
    std::fs::write(
        tmp.path().join("config/config.toml"),
        "ligatures = \"maybe\"\n",
    )
    .expect("write");
    let output = akhbar(&["config", "--print"], tmp.path());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("line 1") && err.contains("using defaults"),
        "{err}"
    );
    assert!(stdout(&output).contains("ligatures = true"));
    let output = akhbar(&["config", "--path"], tmp.path());
    assert!(stdout(&output).trim().ends_with("config/config.toml"));
}

#[test]
fn search_finds_arabic_insensitively_and_entities_list_people() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = samples();
    let folder = folder.to_str().expect("utf-8 path");
    let output = akhbar(&["search", folder, "بكين", "--json"], tmp.path());
    assert!(output.status.success(), "{output:?}");
    let hits: serde_json::Value = serde_json::from_str(stdout(&output).trim()).expect("valid JSON");
    assert!(hits.to_string().contains("putin-harbin"), "{hits}");
    let sample = samples().join("putin-harbin.txt");
    let output = akhbar(
        &["entities", sample.to_str().expect("utf-8 path"), "--json"],
        tmp.path(),
    );
    let all: serde_json::Value = serde_json::from_str(stdout(&output).trim()).expect("valid JSON");
    let entities = all[0]["entities"].as_array().expect("entities");
    let putin = entities
        .iter()
        .find(|e| e["name"] == "بوتين")
        .expect("بوتين is found");
    assert_eq!(putin["type"], "PERS");
    let text = std::fs::read_to_string(&sample).expect("sample");
    let text: Vec<char> = text.trim_end().chars().collect();
    for mention in putin["mentions"].as_array().expect("mentions") {
        let (start, end) = (
            mention["start"].as_u64().unwrap_or(0) as usize,
            mention["end"].as_u64().unwrap_or(0) as usize,
        );
        let at: String = text[start..end].iter().collect();
        assert_eq!(
            at,
            mention["text"].as_str().unwrap_or_default(),
            "offsets are character offsets"
        );
    }
}

#[test]
fn ner_tags_tokens_exactly_as_given() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .arg("ner")
        .env("AKHBAR_DATA_DIR", tmp.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let input = "زار\nالرئيس\nالروسي\nفلاديمير\nبوتين\nبكين\n.\n\nوقال\nوزير\nالمالية\n";
    use std::io::Write as _;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    let tokens: Vec<&str> = input.lines().collect();
    assert_eq!(lines.len(), tokens.len(), "{text}");
    for (line, token) in lines.iter().zip(&tokens) {
        if token.is_empty() {
            assert!(line.is_empty());
        } else {
            let (tok, tag) = line.split_once('\t').expect("token<TAB>tag");
            assert_eq!(tok, *token);
            assert!(
                tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                "{tag}"
            );
        }
    }
    assert!(
        text.contains("بوتين\tI-PERS") || text.contains("بوتين\tB-PERS"),
        "{text}"
    );
}
