//! Settings: paths, `config.toml` (keymap, theme, bidi and layout options), defaults.
//!
//! Every path can be overridden by environment variables (`AKHBAR_CONFIG_DIR`,
//! `AKHBAR_DATA_DIR`); tests use them. An invalid config file never stops akhbar: the
//! problem is reported (with the key and line) and the defaults are used.

pub mod keymap;
pub mod theme;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use keymap::{Key, Keymap};
pub use theme::Theme;

use crate::app::action::Command;
use crate::layout::Direction;

/// How akhbar and the terminal share the work of right-to-left display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// akhbar reorders and shapes; bidi-aware terminals are switched to explicit mode.
    App,
    /// Logical order, for terminals that do their own bidi (mlterm, Konsole).
    Terminal,
    /// Logical order, no shaping, no terminal mode changes.
    Off,
}

impl BidiMode {
    pub fn next(self) -> Self {
        match self {
            BidiMode::App => BidiMode::Terminal,
            BidiMode::Terminal => BidiMode::Off,
            BidiMode::Off => BidiMode::App,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            BidiMode::App => "app",
            BidiMode::Terminal => "terminal",
            BidiMode::Off => "off",
        }
    }
}

/// Which side the library list sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaneOrder {
    /// Library on the right, reader in the middle, panel on the left: the reading order of
    /// an Arabic page.
    Rtl,
    /// Library on the left, panel on the right.
    Ltr,
}

/// Everything configurable, merged from defaults and `config.toml`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bidi_mode: BidiMode,
    pub direction: Direction,
    pub shaping: bool,
    pub ligatures: bool,
    pub panel_width: u16,
    pub pane_order: PaneOrder,
    pub keymap: Keymap,
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bidi_mode: BidiMode::App,
            direction: Direction::Auto,
            shaping: true,
            ligatures: true,
            panel_width: 34,
            pane_order: PaneOrder::Rtl,
            keymap: Keymap::default(),
            theme: Theme::default(),
        }
    }
}

/// The on-disk shape of `config.toml`. Unknown keys are errors, so typos are caught.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    bidi_mode: Option<BidiMode>,
    direction: Option<DirectionName>,
    shaping: Option<bool>,
    ligatures: Option<bool>,
    panel_width: Option<u16>,
    pane_order: Option<PaneOrder>,
    #[serde(default)]
    keys: BTreeMap<Command, KeyList>,
    #[serde(default)]
    theme: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum DirectionName {
    Auto,
    Rtl,
    Ltr,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

/// The default configuration, documented; `akhbar config --print` starts from it.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

/// The config directory: `$AKHBAR_CONFIG_DIR`, else the platform's (e.g. `~/.config/akhbar`).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("AKHBAR_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "akhbar").map(|d| d.config_dir().to_owned())
}

/// Where `config.toml` lives.
pub fn config_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("config.toml"))
}

/// Loads the settings. A missing file gives the defaults; an invalid one gives the defaults
/// and an error message naming the file, key and line.
pub fn load() -> (Settings, Option<String>) {
    let Some(path) = config_path() else {
        return (Settings::default(), None);
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => match parse(&text) {
            Ok(settings) => (settings, None),
            Err(e) => (
                Settings::default(),
                Some(format!("{}: {e}; using defaults", path.display())),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), None),
        Err(e) => (
            Settings::default(),
            Some(format!("{}: {e}; using defaults", path.display())),
        ),
    }
}

/// Parses `config.toml` text over the defaults.
pub fn parse(text: &str) -> Result<Settings, String> {
    let file: ConfigFile = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_owned())?;
    let mut settings = Settings::default();
    if let Some(mode) = file.bidi_mode {
        settings.bidi_mode = mode;
    }
    if let Some(direction) = file.direction {
        settings.direction = match direction {
            DirectionName::Auto => Direction::Auto,
            DirectionName::Rtl => Direction::Rtl,
            DirectionName::Ltr => Direction::Ltr,
        };
    }
    settings.shaping = file.shaping.unwrap_or(settings.shaping);
    settings.ligatures = file.ligatures.unwrap_or(settings.ligatures);
    if let Some(width) = file.panel_width {
        if !(10..=120).contains(&width) {
            return Err(format!("panel_width = {width}: must be between 10 and 120"));
        }
        settings.panel_width = width;
    }
    settings.pane_order = file.pane_order.unwrap_or(settings.pane_order);
    settings.keymap = settings
        .keymap
        .with_overrides(&parse_key_overrides(&file.keys)?);
    settings.theme = settings.theme.with_overrides(&file.theme)?;
    Ok(settings)
}

fn parse_key_overrides(
    keys: &BTreeMap<Command, KeyList>,
) -> Result<Vec<(Command, Vec<Key>)>, String> {
    keys.iter()
        .map(|(command, list)| {
            let names: Vec<&str> = match list {
                KeyList::One(one) => vec![one.as_str()],
                KeyList::Many(many) => many.iter().map(String::as_str).collect(),
            };
            let keys = names
                .iter()
                .map(|name| {
                    Key::parse(name).map_err(|e| format!("[keys] {}: {e}", command_name(*command)))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((*command, keys))
        })
        .collect()
}

fn command_name(command: Command) -> String {
    serde_json::to_value(command)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{command:?}"))
}

/// The merged configuration as TOML, for `akhbar config --print`.
pub fn print_merged(settings: &Settings) -> String {
    let mut out = String::new();
    let direction = match settings.direction {
        Direction::Auto => "auto",
        Direction::Rtl => "rtl",
        Direction::Ltr => "ltr",
    };
    out.push_str(&format!("bidi_mode = \"{}\"\n", settings.bidi_mode.name()));
    out.push_str(&format!("direction = \"{direction}\"\n"));
    out.push_str(&format!("shaping = {}\n", settings.shaping));
    out.push_str(&format!("ligatures = {}\n", settings.ligatures));
    out.push_str(&format!("panel_width = {}\n", settings.panel_width));
    let order = match settings.pane_order {
        PaneOrder::Rtl => "rtl",
        PaneOrder::Ltr => "ltr",
    };
    out.push_str(&format!("pane_order = \"{order}\"\n\n[keys]\n"));
    for command in Command::ALL {
        let keys: Vec<String> = settings
            .keymap
            .keys_for(command)
            .iter()
            .map(|k| format!("\"{}\"", keymap_spelling(k)))
            .collect();
        out.push_str(&format!(
            "{} = [{}]\n",
            command_name(command),
            keys.join(", ")
        ));
    }
    out.push_str("\n[theme]\n");
    for (slot, colour) in settings.theme.entries() {
        out.push_str(&format!("{slot} = \"{colour}\"\n"));
    }
    out
}

/// A key written the way `Key::parse` reads it back.
fn keymap_spelling(key: &Key) -> String {
    use crossterm::event::KeyCode;
    let mut s = String::new();
    if key.ctrl {
        s.push_str("ctrl-");
    }
    if key.alt {
        s.push_str("alt-");
    }
    let name = match key.code {
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char('"') => "\\\"".to_owned(),
        KeyCode::Char('\\') => "\\\\".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "down".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "shift-tab".into(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::F(n) => format!("f{n}"),
        other => format!("{other:?}").to_ascii_lowercase(),
    };
    s.push_str(&name);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_file_parses_to_the_defaults() {
        let settings = parse(DEFAULT_CONFIG).expect("bundled config.toml parses");
        assert_eq!(settings.bidi_mode, BidiMode::App);
        assert!(settings.ligatures);
        assert_eq!(print_merged(&settings), print_merged(&Settings::default()));
    }

    #[test]
    fn overrides_apply() {
        let s = parse("bidi_mode = \"terminal\"\nligatures = false\n[keys]\ndown = [\"n\", \"down\"]\nquit = \"x\"\n").unwrap();
        assert_eq!(s.bidi_mode, BidiMode::Terminal);
        assert!(!s.ligatures);
        let n = Key::parse("n").unwrap();
        assert_eq!(s.keymap.command(&n), Some(Command::Down));
        assert_eq!(
            s.keymap.command(&Key::parse("x").unwrap()),
            Some(Command::Quit)
        );
        assert_eq!(s.keymap.command(&Key::parse("q").unwrap()), None);
    }

    #[test]
    fn errors_name_the_key_and_line() {
        let err = parse("shaping = true\nbidi_mode = \"sideways\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(
            err.contains("bidi_mode") || err.contains("sideways"),
            "{err}"
        );
        let err = parse("[keys]\nfly = \"f\"\n").unwrap_err();
        assert!(err.contains("fly"), "{err}");
        let err = parse("colour = 1\n").unwrap_err();
        assert!(err.contains("colour"), "{err}");
        let err = parse("[keys]\ndown = \"hyper-j\"\n").unwrap_err();
        assert!(err.contains("down") && err.contains("hyper-j"), "{err}");
        let err = parse("[theme]\nperson = \"not-a-colour\"\n").unwrap_err();
        assert!(err.contains("person"), "{err}");
    }

    #[test]
    fn merged_config_round_trips() {
        let s = parse("[keys]\nhelp = [\"f1\", \"?\"]\n").unwrap();
        let again = parse(&print_merged(&s)).expect("printed config parses");
        assert_eq!(print_merged(&again), print_merged(&s));
    }
}
