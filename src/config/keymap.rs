//! Keys → commands. Defaults are vim-style plus arrows; `config.toml` may rebind any command.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::Command;

/// A key with its modifiers, as written in config files: `j`, `G`, `ctrl-d`, `shift-tab`,
/// `down`, `pgdn`, `enter`, `esc`, `f1`, `space`, `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The key a terminal event stands for. Shift is folded into the character (`G`) or the
    /// code (`BackTab`), so bindings never need to mention it.
    pub fn from_event(event: &KeyEvent) -> Self {
        let code = match event.code {
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses the config-file spelling of a key.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut shift = false;
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1
                && (lower.starts_with("ctrl-")
                    || lower.starts_with("alt-")
                    || lower.starts_with("shift-"))
            {
                let (modifier, tail) = rest.split_once('-').unwrap_or((rest, ""));
                match modifier.to_ascii_lowercase().as_str() {
                    "ctrl" => ctrl = true,
                    "alt" => alt = true,
                    _ => shift = true,
                }
                rest = tail;
            } else {
                break;
            }
        }
        let code = parse_code(rest, shift).ok_or_else(|| format!("unknown key {text:?}"))?;
        Ok(Key { code, ctrl, alt })
    }
}

fn parse_code(name: &str, shift: bool) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(if shift {
            c.to_ascii_uppercase()
        } else {
            c
        }));
    }
    let code = match name.to_ascii_lowercase().as_str() {
        "down" => KeyCode::Down,
        "up" => KeyCode::Up,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "pgup" | "pageup" => KeyCode::PageUp,
        "tab" if shift => KeyCode::BackTab,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
        }
        _ => return None,
    };
    Some(code)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The bindings in force: defaults merged with the user's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Command)>,
    lookup: HashMap<Key, Command>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Command::*;
        let k = Key::plain;
        let c = |ch| k(KeyCode::Char(ch));
        Keymap::from_bindings(vec![
            (c('j'), Down),
            (k(KeyCode::Down), Down),
            (c('k'), Up),
            (k(KeyCode::Up), Up),
            (c('g'), Top),
            (k(KeyCode::Home), Top),
            (c('G'), Bottom),
            (k(KeyCode::End), Bottom),
            (Key::ctrl('d'), PageDown),
            (k(KeyCode::PageDown), PageDown),
            (Key::ctrl('u'), PageUp),
            (k(KeyCode::PageUp), PageUp),
            (k(KeyCode::Tab), FocusNext),
            (k(KeyCode::BackTab), FocusPrev),
            (k(KeyCode::Enter), Open),
            (k(KeyCode::Esc), Back),
            (c('q'), Quit),
            (Key::ctrl('c'), Quit),
            (c('/'), Filter),
            (c('?'), Help),
            (c('B'), CycleBidi),
            (Key::ctrl('z'), Suspend),
            (c('n'), NextMark),
            (c('N'), PrevMark),
            (c(']'), NextMention),
            (c('['), PrevMention),
            (c('m'), ToggleRead),
            (c('s'), ToggleBookmark),
            (c('S'), Search),
            (c('o'), OtherArticles),
            (c('r'), Reload),
            (c('F'), Figures),
            (c('t'), SortFigures),
        ])
    }
}

impl Keymap {
    fn from_bindings(bindings: Vec<(Key, Command)>) -> Self {
        let lookup = bindings.iter().copied().collect();
        Keymap { bindings, lookup }
    }

    /// The command bound to a key, if any.
    pub fn command(&self, key: &Key) -> Option<Command> {
        self.lookup.get(key).copied()
    }

    /// The keys bound to a command, in binding order.
    pub fn keys_for(&self, command: Command) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(k, _)| *k)
            .collect()
    }

    /// Replaces the keys of each overridden command (`command → ["key", …]`). A key given to
    /// a new command is taken away from its old one.
    pub fn with_overrides(&self, overrides: &[(Command, Vec<Key>)]) -> Keymap {
        let mut bindings: Vec<(Key, Command)> = self
            .bindings
            .iter()
            .copied()
            .filter(|(key, command)| {
                overrides
                    .iter()
                    .all(|(c, keys)| c != command && !keys.contains(key))
            })
            .collect();
        for (command, keys) in overrides {
            bindings.extend(keys.iter().map(|k| (*k, *command)));
        }
        Keymap::from_bindings(bindings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_key_names() {
        let cases = [
            ("j", Key::plain(KeyCode::Char('j'))),
            ("G", Key::plain(KeyCode::Char('G'))),
            ("shift-g", Key::plain(KeyCode::Char('G'))),
            ("ctrl-d", Key::ctrl('d')),
            (
                "Ctrl-D",
                Key {
                    code: KeyCode::Char('D'),
                    ctrl: true,
                    alt: false,
                },
            ),
            ("shift-tab", Key::plain(KeyCode::BackTab)),
            ("pgdn", Key::plain(KeyCode::PageDown)),
            ("-", Key::plain(KeyCode::Char('-'))),
            ("f5", Key::plain(KeyCode::F(5))),
            ("space", Key::plain(KeyCode::Char(' '))),
        ];
        for (text, want) in cases {
            assert_eq!(Key::parse(text), Ok(want), "{text}");
        }
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f99").is_err());
    }

    #[test]
    fn overrides_replace_keys_and_steal_them() {
        let map = Keymap::default()
            .with_overrides(&[(Command::Down, vec![Key::plain(KeyCode::Char('k'))])]);
        assert_eq!(
            map.command(&Key::plain(KeyCode::Char('k'))),
            Some(Command::Down)
        );
        assert_eq!(map.command(&Key::plain(KeyCode::Char('j'))), None);
        assert_eq!(map.keys_for(Command::Up), vec![Key::plain(KeyCode::Up)]);
    }

    #[test]
    fn shift_tab_event_is_backtab() {
        let event = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&event), Key::plain(KeyCode::BackTab));
    }
}
