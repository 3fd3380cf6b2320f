//! The adversarial-folder generator shared by the `hostile_*` tests: broken bytes, escape
//! sequences, bidi tricks, text extremes, malformed formats and file-system traps, built at
//! test time under `CARGO_TARGET_TMPDIR`.
//!
//! [`hostile_folder`] holds the small cases; [`big_folder`] the expensive ones (a 60 MB file,
//! 2,000 files, 5,000 paragraphs). Both return the list of cases with what is expected of
//! each, and [`snapshot`] / [`assert_unchanged`] check the folder is never written to.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use akhbar::text::printable::is_unsafe;

/// What the loader must make of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// One or more articles.
    Loads,
    /// Skipped, with a reason containing this text.
    Skipped(&'static str),
    /// Not an article file (a directory named x.txt, a link to a directory): neither loaded
    /// nor necessarily reported.
    Ignored,
}

#[derive(Debug, Clone)]
pub struct Case {
    /// Path relative to the folder (may hold newlines, escapes or invalid UTF-8).
    pub rel: PathBuf,
    pub expect: Expect,
}

#[derive(Debug)]
pub struct Folder {
    pub root: PathBuf,
    pub cases: Vec<Case>,
}

impl Folder {
    pub fn path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.root.join(rel)
    }

    /// Cases expected to load.
    pub fn loading(&self) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(|c| c.expect == Expect::Loads)
    }
}

/// A fresh, empty directory for one test binary's folder.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    if dir.exists() {
        make_writable(&dir);
        fs::remove_dir_all(&dir).expect("remove the old folder");
    }
    fs::create_dir_all(&dir).expect("create the folder");
    dir
}

fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        if !entry.path_is_symlink() {
            let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(0o755));
        }
    }
}

struct Builder {
    root: PathBuf,
    cases: Vec<Case>,
}

impl Builder {
    fn file(&mut self, rel: impl AsRef<Path>, bytes: impl AsRef<[u8]>, expect: Expect) {
        let path = self.root.join(rel.as_ref());
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(&path, bytes).expect("write a case");
        self.cases.push(Case {
            rel: rel.as_ref().to_owned(),
            expect,
        });
    }

    fn symlink(&mut self, rel: &str, target: impl AsRef<Path>, expect: Expect) {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        std::os::unix::fs::symlink(target, path).expect("symlink");
        self.cases.push(Case {
            rel: rel.into(),
            expect,
        });
    }
}

pub const ARABIC: &str = "زار الرئيس مدينة هاربين الصينية التي يسكنها عشرة ملايين نسمة، وبلغ حجم التبادل التجاري 220 مليار دولار عام 2023.";

/// Escape and control sequences a hostile file might carry.
pub const ESCAPES: &[&str] = &[
    "\u{1b}[2J\u{1b}[H",             // clear screen, cursor home
    "\u{1b}[10;20H\u{1b}[5A",        // cursor moves
    "\u{1b}]0;pwned\u{7}",           // OSC window title, BEL
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}", // OSC 52 clipboard
    "\u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\", // OSC 8 link
    "\u{1b}P+q544e\u{1b}\\",         // DCS
    "\u{1b}",                        // bare ESC
    "\u{9b}31m\u{9d}0;c1\u{9c}\u{90}dcs\u{85}", // C1: CSI, OSC, ST, DCS, NEL
    "\u{7}\u{7}",                    // BEL
    "abc\u{8}\u{8}\u{8}XYZ",         // backspace overwrite
    "\u{7f}\u{0}\u{b}\u{c}",         // DEL, NUL, VT, FF
];

pub fn escapes_joined() -> String {
    ESCAPES.concat()
}

/// Bidi tricks: unclosed overrides, deep isolates, mismatches, marks, Trojan Source.
pub fn bidi_lines() -> Vec<String> {
    vec![
        format!("\u{202e}عنوان مقلوب {ARABIC}"),
        format!("\u{202d}LRO never closed {ARABIC} 123"),
        format!("{}7 {ARABIC}", "\u{2067}".repeat(200)),
        format!("{}42", "\u{2066}\u{2067}".repeat(150)),
        format!("{}9", "\u{202b}".repeat(200)),
        format!("\u{2069}\u{2069}\u{2069}نص\u{2068}\u{202c}\u{202c} {ARABIC}"),
        format!("\u{61c}١٢\u{200f}٣\u{200e}abc\u{61c} {ARABIC}"),
        // Trojan Source (CVE-2021-42574): the comment hides the return.
        "if access_level != \"user\u{202e} \u{2066}// Check if admin\u{2069} \u{2066}\" {".into(),
        "/*\u{202e} } \u{2066}if (isAdmin)\u{2069} \u{2066} begin admins only */".into(),
    ]
}

pub fn extremes() -> Vec<String> {
    vec![
        format!("ب{} {ARABIC}", "\u{651}".repeat(500)),
        "\u{64b}\u{64e}\u{650}\u{651}\u{652}".repeat(20),
        format!("الـ{}ـــــــ75", "ـ".repeat(400)),
        format!("قال 中文 日本語 😀 👨\u{200d}👩\u{200d}👧\u{200d}👦 🇸🇦🇪🇬 ❤\u{fe0f} 👍🏽 {ARABIC}"),
        format!("\tعمود\tثان\t\t{ARABIC}\t"),
        "\u{200d}\u{200c}\u{200b}\u{feff}\u{2028}\u{2029}".repeat(10),
    ]
}

/// The small adversarial folder and the big one (see [`big_folder`]), made under
/// `base/small` and `base/big`.
pub fn small_and_big(base: &Path) -> (Folder, Folder) {
    let (small, big) = (base.join("small"), base.join("big"));
    std::fs::create_dir_all(&small).expect("mkdir");
    std::fs::create_dir_all(&big).expect("mkdir");
    (hostile_folder(&small), big_folder(&big))
}

/// The small cases (everything but the 60 MB file and the 2,000 files).
pub fn hostile_folder(root: &Path) -> Folder {
    let mut b = Builder {
        root: root.to_owned(),
        cases: Vec::new(),
    };
    use Expect::*;
    b.file("plain.txt", format!("عنوان عادي\n{ARABIC}\n"), Loads);

    // Bytes.
    let mut invalid = format!("عنوان {ARABIC}\n{ARABIC}").into_bytes();
    invalid.splice(30..30, [0xFF, 0xFE, 0xC3, 0x28, 0x80]);
    let cut = invalid.len() - 7;
    invalid.insert(cut, 0xE2);
    b.file("bytes/invalid-utf8.txt", invalid, Loads);
    let mut nul = format!("عنوان\u{0}فيه صفر\n{}", ARABIC.repeat(5)).into_bytes();
    nul.extend_from_slice(b"\0 tail");
    b.file("bytes/nul.txt", nul, Loads);
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let mut binary = binary;
    binary[..64].fill(0);
    b.file("bytes/binary.txt", binary, Skipped("binary"));
    b.file("bytes/empty.txt", "", Skipped("empty"));
    b.file(
        "bytes/whitespace.txt",
        " \t\n\r\n  \u{a0}\n",
        Skipped("empty"),
    );
    b.file("bytes/empty.json", "", Skipped("invalid JSON"));
    b.file("bytes/empty.md", "\n\n", Skipped("empty"));
    b.file("bytes/empty.html", "", Skipped("no title"));
    b.file(
        "bytes/crlf.txt",
        format!("عنوان\r\n{ARABIC}\r\n\r\nفقرة\r\n"),
        Loads,
    );
    b.file(
        "bytes/lone-cr.txt",
        format!("عنوان\r{ARABIC}\rفقرة\r"),
        Loads,
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in format!("عنوان\n{}\n", escapes_joined()).encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    b.file("bytes/utf16-escapes.txt", utf16, Loads);
    let legacy = format!("عنوان\n{ARABIC}\n");
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&legacy);
    let mut cp1256 = cp1256.into_owned();
    cp1256.extend_from_slice(b"\x1b[2J\x9b\x07");
    b.file("bytes/cp1256-escapes.txt", cp1256, Loads);
    b.file(
        "bytes/long-line.txt",
        format!("سطر طويل\n{}\n", "بتثجحخ".repeat(200_000 / 6)),
        Loads,
    );

    // Escapes in text, titles and file names.
    let esc = escapes_joined();
    b.file(
        "escapes/text.txt",
        format!("عنوان {esc}\n{ARABIC} {esc}\n{esc}\n"),
        Loads,
    );
    b.file(
        "escapes/title.json",
        serde_json::json!({
            "title": format!("\u{1b}]0;title\u{7}{ARABIC}"),
            "body": [format!("{esc}{ARABIC}"), esc.clone()],
            "source": esc,
            "author": "\u{202e}كاتب",
            "url": "http://x/\u{1b}[2J",
            "date": "\u{1b}[2J2024-01-01",
        })
        .to_string(),
        Loads,
    );
    b.file(
        "escapes/title.md",
        format!("---\nsource: {esc}\ndate: 2024-02-02\n---\n# عنوان {esc}\n\n{ARABIC} `{esc}`\n\n```\n{esc}\n```\n"),
        Loads,
    );
    b.file(
        "escapes/page.html",
        format!("<html><head><title>{esc}</title><meta property=\"og:title\" content=\"عنوان &#x1b;[2J &#27;]0;x&#7; &#x202e;\"><meta name=\"author\" content=\"{esc}\"></head><body><article><p>{ARABIC} &#x9b;31m &#x1b;[H {esc}</p><p>&#0; &#x80; &#x85; &#xd800;</p></article></body></html>"),
        Loads,
    );
    b.file(
        PathBuf::from(format!("escapes/name-{}.txt", "\u{1b}[2J\u{1b}]0;pwn\u{7}")),
        format!("اسم ملف خبيث\n{ARABIC}\n"),
        Loads,
    );
    b.file(
        "escapes/name-\u{202e}txt.exe.txt",
        format!("اسم مقلوب\n{ARABIC}\n"),
        Loads,
    );
    b.file(
        "escapes/name\nwith\nnewlines.txt",
        format!("اسم بأسطر\n{ARABIC}\n"),
        Loads,
    );
    b.file(
        "escapes/name\u{9b}c1.txt",
        format!("اسم C1\n{ARABIC}\n"),
        Loads,
    );
    b.file(
        PathBuf::from(OsStr::from_bytes(b"escapes/latin1-\xe9\xff.txt")),
        format!("اسم غير UTF-8\n{ARABIC}\n"),
        Loads,
    );
    b.file(
        PathBuf::from(OsStr::from_bytes(b"escapes/broken-\x1b\xff.json")),
        "{\"title\": \x1b[2J",
        Skipped("invalid JSON"),
    );

    // Bidi controls.
    let bidi = bidi_lines();
    b.file(
        "bidi/bidi.txt",
        format!("{}\n{}\n", bidi[0], bidi.join("\n")),
        Loads,
    );
    b.file(
        "bidi/bidi.json",
        serde_json::json!({"title": bidi[2], "body": bidi}).to_string(),
        Loads,
    );
    b.file(
        "bidi/isolates-title.txt",
        format!("{}1\n{}\n", "\u{2067}".repeat(200), ARABIC),
        Loads,
    );

    // Text extremes.
    let ext = extremes();
    b.file(
        "extremes/extremes.txt",
        format!("{}\n{}\n", ext[0], ext.join("\n")),
        Loads,
    );
    b.file(
        "extremes/harakat-title.txt",
        format!("{}\n{}\n", ext[1], ext[1]),
        Loads,
    );
    b.file(
        "extremes/tabs.md",
        format!("#\t{}\n\n{}\n\n\t\tكود\n", ext[4], ext[3]),
        Loads,
    );

    // Formats.
    b.file(
        "formats/malformed.json",
        "{\"title\": \"عنوان\", \"body\": [\"أ\",",
        Skipped("invalid JSON"),
    );
    b.file(
        "formats/trailing.json",
        "{\"title\": \"عنوان\"} {\"x\":1}",
        Skipped("invalid JSON"),
    );
    b.file(
        "formats/wrong-type.json",
        r#"{"title": 42, "body": "x"}"#,
        Skipped("must be a string"),
    );
    b.file(
        "formats/wrong-body.json",
        r#"{"title": "ع", "body": {"a": [1]}}"#,
        Skipped("\"body\""),
    );
    b.file(
        "formats/wrong-items.json",
        r#"[{"title": "ع"}, 7, null]"#,
        Skipped("item 2"),
    );
    b.file("formats/number.json", "1e99999", Skipped("invalid JSON"));
    b.file(
        "formats/null.json",
        "null",
        Skipped("expected an article object"),
    );
    b.file(
        "formats/nested.json",
        "[".repeat(100_000),
        Skipped("invalid JSON"),
    );
    b.file(
        "formats/nested-objects.json",
        format!("{}1{}", "{\"a\":".repeat(50_000), "}".repeat(50_000)),
        Skipped("invalid JSON"),
    );
    b.file(
        "formats/nested-body.json",
        format!(
            "{{\"title\":\"ع\",\"body\":{}1{}}}",
            "[".repeat(120),
            "]".repeat(120)
        ),
        Skipped("\"body\" items must be strings"),
    );
    // A 10 MB JSON string (escaped controls, bidi and Arabic) in a field akhbar ignores, and
    // a 1 MB one in the body.
    let chunk = "\\u001b[2J\\u202e\\u0000 كلمة ";
    let big = chunk.repeat(10_000_000 / chunk.len());
    b.file(
        "formats/big-string.json",
        format!(
            "{{\"title\":\"نص كبير\",\"extra\":\"{big}\",\"body\":\"{}\"}}",
            &big[..1_000_000 - 1_000_000 % chunk.len()]
        ),
        Loads,
    );
    b.file(
        "formats/scripts.html",
        format!("<!doctype html><html><head><script>alert('\u{1b}[2J')</script><title>صفحة</title><style>p{{}}</style></head><body><nav>قائمة</nav><div><p>{ARABIC}<script>document.write('x')</script><p>فقرة <b>غامقة<i>مائلة</b> مكسورة</i><table><tr><td><p>خلية<div><p>{ARABIC}</table></p></body><!-- unclosed comment"),
        Loads,
    );
    b.file(
        "formats/broken.html",
        "<<<>>><html <body <p>>عنوان</p <div></div></div></div><p",
        Loads,
    );
    b.file(
        "formats/deep.html",
        format!(
            "<title>عميق</title>{}<p>{ARABIC}</p>",
            "<div>".repeat(5_000)
        ),
        Loads,
    );
    b.file(
        "formats/script-only.html",
        "<script>1</script><style>x</style>",
        Skipped("no title"),
    );
    b.file(
        "formats/raw-html.md",
        format!("# عنوان\n\n<script>alert(1)</script>\n\n<div onclick=\"x\">\n{ARABIC}\n</div>\n\n<img src=x onerror=alert(1)>\n\nنص [رابط](javascript:alert(1)) <b>غامق</b>\n"),
        Loads,
    );
    b.file(
        "formats/front-matter-only.md",
        "---\ntitle: \n---\n",
        Skipped("empty"),
    );
    b.file(
        "formats/deep-quote.md",
        format!("{}{ARABIC}\n", "> ".repeat(2_000)),
        Loads,
    );
    b.file(
        "formats/deep-list.md",
        format!("{}{ARABIC}\n", "- ".repeat(2_000)),
        Loads,
    );

    // File system.
    b.symlink(
        "fs/self-loop.txt",
        "self-loop.txt",
        Skipped("symbolic link"),
    );
    b.symlink("fs/loop-a.txt", "loop-b.txt", Skipped("symbolic link"));
    b.symlink("fs/loop-b.txt", "loop-a.txt", Skipped("symbolic link"));
    b.symlink(
        "fs/dangling.txt",
        "does-not-exist.txt",
        Skipped("symbolic link"),
    );
    b.symlink("fs/outside.txt", "/etc/hostname", Skipped("outside"));
    b.symlink(
        "fs/outside-rel.txt",
        "../../../../../../../../etc/passwd",
        Skipped("outside"),
    );
    b.symlink("fs/inside.txt", "../plain.txt", Loads);
    b.symlink("fs/dir-up", "..", Ignored);
    b.symlink("fs/dir-up.txt", "..", Ignored);
    b.symlink("fs/root-dir", "/", Ignored);
    b.file(
        "fs/x.txt/inner.txt",
        format!("داخل مجلد اسمه x.txt\n{ARABIC}\n"),
        Loads,
    );
    b.cases.push(Case {
        rel: "fs/x.txt".into(),
        expect: Ignored,
    });
    let deep: PathBuf = (0..50).map(|i| format!("d{i}")).collect();
    b.file(
        Path::new("fs/deep").join(deep).join("bottom.txt"),
        format!("في العمق\n{ARABIC}\n"),
        Loads,
    );
    b.file("fs/.hidden.txt", "مخفي\n", Ignored);
    // Unreadable: as root chmod does not block reads; `unreadable_blocks_reads` says which.
    b.file("fs/unreadable.txt", format!("لا يقرأ\n{ARABIC}\n"), Loads);
    b.file(
        "fs/locked/inside.txt",
        format!("في مجلد مقفل\n{ARABIC}\n"),
        Loads,
    );
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            root.join("fs/unreadable.txt"),
            fs::Permissions::from_mode(0o000),
        )
        .expect("chmod");
        fs::set_permissions(root.join("fs/locked"), fs::Permissions::from_mode(0o000))
            .expect("chmod");
    }
    if unreadable_blocks_reads(root) {
        for case in &mut b.cases {
            if case.rel.starts_with("fs/unreadable.txt") || case.rel.starts_with("fs/locked") {
                case.expect = Skipped("permission denied");
            }
        }
    }
    Folder {
        root: b.root,
        cases: b.cases,
    }
}

/// Whether `chmod 000` stops this process from reading (not as root).
pub fn unreadable_blocks_reads(root: &Path) -> bool {
    fs::read(root.join("fs/unreadable.txt")).is_err()
}

/// Lines around the size cap in [`big_folder`]'s 60 MB file.
pub const BEFORE_CAP: &str = "قبل الحد";
pub const AFTER_CAP: &str = "بعد الحد";
pub const MANY_FILES: usize = 2_000;
pub const MANY_PARAGRAPHS: usize = 5_000;

/// The expensive cases: a 60 MB file (text up to past the cap, then a sparse tail), 2,000
/// files in one folder and 5,000 paragraphs.
pub fn big_folder(root: &Path) -> Folder {
    let mut b = Builder {
        root: root.to_owned(),
        cases: Vec::new(),
    };
    let cap = akhbar::load::MAX_FILE_BYTES as usize;
    // 60 MB: a title, a line before the cap, spaces to just past the cap, a line after
    // it, then a sparse hole (never read: it lies after the cap).
    let path = root.join("huge.txt");
    {
        let mut file = fs::File::create(&path).expect("create the huge file");
        let head = format!("ملف ضخم\n{BEFORE_CAP}\n");
        file.write_all(head.as_bytes()).expect("write");
        // An Arabic letter straddles the cap: the loader must not cut it in half.
        let fill = cap - head.len() - 1;
        // Spaces rather than newlines: one blank line is cheap to parse in a debug build.
        file.write_all(&vec![b' '; fill]).expect("write");
        file.write_all(format!("ب{AFTER_CAP}\n").as_bytes())
            .expect("write");
        file.set_len(60 * 1024 * 1024).expect("sparse tail");
    }
    b.cases.push(Case {
        rel: "huge.txt".into(),
        expect: Expect::Loads,
    });
    let paragraphs: String = (0..MANY_PARAGRAPHS)
        .map(|i| format!("الفقرة {i} {ARABIC}\n"))
        .collect();
    b.file(
        "paragraphs.txt",
        format!("خمسة آلاف فقرة\n{paragraphs}"),
        Expect::Loads,
    );
    fs::create_dir_all(root.join("many")).expect("mkdir");
    for i in 0..MANY_FILES {
        let rel = format!("many/{i:04}.txt");
        fs::write(root.join(&rel), format!("خبر رقم {i}\nنص الخبر {i}.\n")).expect("write");
        b.cases.push(Case {
            rel: rel.into(),
            expect: Expect::Loads,
        });
    }
    Folder {
        root: b.root,
        cases: b.cases,
    }
}

/// Every file's (and link's and directory's) content hash, permissions and mtime.
pub type Snapshot = BTreeMap<PathBuf, (u64, u32, SystemTime)>;

pub fn snapshot(root: &Path) -> Snapshot {
    use std::hash::Hasher;
    use std::os::unix::fs::PermissionsExt;
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        if meta.is_file() {
            if let Ok(bytes) = fs::read(entry.path()) {
                hasher.write(&bytes);
            }
        } else if meta.is_symlink()
            && let Ok(target) = fs::read_link(entry.path())
        {
            hasher.write(target.as_os_str().as_bytes());
        }
        let mtime = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        out.insert(
            entry.path().to_owned(),
            (hasher.finish(), meta.permissions().mode(), mtime),
        );
    }
    out
}

pub fn assert_unchanged(before: &Snapshot, root: &Path) {
    let after = snapshot(root);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "files appeared or vanished in the article folder"
    );
    for (path, was) in before {
        assert_eq!(Some(was), after.get(path), "{} changed", path.display());
    }
}

/// Runs `f` on a thread and fails if it does not finish within `limit` (a hang, not a
/// timing threshold: the limit is generous).
pub fn within<T: Send + 'static>(
    what: &str,
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => {
            let _ = handle.join();
            value
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what}: finished without a result"),
        },
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {limit:?} (a hang)")
        }
    }
}

/// Runs the `akhbar` binary with a generous time limit; kills it and fails on a hang.
pub fn run_akhbar(args: &[&OsStr], data: &Path) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .args(args)
        .env("AKHBAR_DATA_DIR", data.join("data"))
        .env("AKHBAR_CONFIG_DIR", data.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run akhbar");
    // Read the pipes on threads so a big output cannot block the child.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).map(|_| buf)
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut buf).map(|_| buf)
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("akhbar {args:?} still running after 120 s (a hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: out.join().expect("stdout thread").expect("read stdout"),
        stderr: err.join().expect("stderr thread").expect("read stderr"),
    }
}

/// Control characters other than a line feed, and bidi controls (or U+FEFF): what must never
/// reach a terminal. Returns the first offender with some context.
pub fn first_unsafe(text: &str) -> Option<String> {
    first_unsafe_but(text, "\n")
}

/// [`first_unsafe`], allowing the characters of `allowed` (the output's own separators).
pub fn first_unsafe_but(text: &str, allowed: &str) -> Option<String> {
    let (at, c) = text
        .char_indices()
        .find(|&(_, c)| !allowed.contains(c) && (is_unsafe(c) || c == '\u{feff}'))?;
    let context: String = text[at..].chars().take(20).collect();
    Some(format!("U+{:04X} at byte {at}: {context:?}", c as u32))
}

pub fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(bad) = first_unsafe(&text) {
        panic!("{what}: unsafe character in the output: {bad}");
    }
}

/// Whether the JSON text holds raw unsafe characters (escaped `\uXXXX` ones are fine).
pub fn assert_json_safe(what: &str, bytes: &[u8]) -> serde_json::Value {
    assert_terminal_safe(what, bytes);
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    serde_json::from_str(text.trim_end()).unwrap_or_else(|e| panic!("{what}: invalid JSON: {e}"))
}
