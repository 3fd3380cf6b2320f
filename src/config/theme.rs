//! Colours. Every slot can be set in `config.toml`'s `[theme]` table by name (`red`,
//! `light-blue`, `gray`…), hex (`#e5c07b`) or 256-colour index (`208`).

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// The colour slots the interface uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub accent: Color,
    pub selection: Color,
    pub dim: Color,
    pub unread: Color,
    pub person: Color,
    pub place: Color,
    pub organisation: Color,
    pub other: Color,
    pub figure: Color,
    pub search_hit: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            accent: Color::Cyan,
            selection: Color::Indexed(237),
            dim: Color::DarkGray,
            unread: Color::LightBlue,
            // 256-colour shades that read on dark and on light backgrounds alike.
            person: Color::Indexed(172),
            place: Color::Indexed(35),
            organisation: Color::Indexed(63),
            other: Color::Indexed(37),
            figure: Color::Indexed(160),
            search_hit: Color::Yellow,
        }
    }
}

impl Theme {
    /// Slot names with their colours, in config order.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        [
            ("accent", self.accent),
            ("selection", self.selection),
            ("dim", self.dim),
            ("unread", self.unread),
            ("person", self.person),
            ("place", self.place),
            ("organisation", self.organisation),
            ("other", self.other),
            ("figure", self.figure),
            ("search_hit", self.search_hit),
        ]
        .into_iter()
        .map(|(name, colour)| (name, colour_name(colour)))
        .collect()
    }

    fn slot_mut(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "accent" => &mut self.accent,
            "selection" => &mut self.selection,
            "dim" => &mut self.dim,
            "unread" => &mut self.unread,
            "person" => &mut self.person,
            "place" => &mut self.place,
            "organisation" => &mut self.organisation,
            "other" => &mut self.other,
            "figure" => &mut self.figure,
            "search_hit" => &mut self.search_hit,
            _ => return None,
        })
    }

    /// Applies `[theme]` overrides; unknown slots and unreadable colours are errors.
    pub fn with_overrides(&self, overrides: &BTreeMap<String, String>) -> Result<Theme, String> {
        let mut theme = self.clone();
        for (slot, value) in overrides {
            let colour = Color::from_str(value.trim())
                .map_err(|_| format!("[theme] {slot} = {value:?}: not a colour"))?;
            *theme
                .slot_mut(slot)
                .ok_or_else(|| format!("[theme] unknown slot {slot:?}"))? = colour;
        }
        Ok(theme)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            Style::new().fg(self.accent)
        } else {
            Style::new().fg(self.dim)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().bg(self.selection).add_modifier(Modifier::BOLD)
    }

    pub fn dimmed(&self) -> Style {
        Style::new().fg(self.dim)
    }
}

fn colour_name(colour: Color) -> String {
    match colour {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => i.to_string(),
        other => {
            // ratatui's Display gives e.g. "LightBlue"; FromStr accepts that spelling.
            other.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_every_spelling() {
        let mut o = BTreeMap::new();
        o.insert("person".to_owned(), "#e5c07b".to_owned());
        o.insert("place".to_owned(), "208".to_owned());
        o.insert("figure".to_owned(), "light-red".to_owned());
        let t = Theme::default().with_overrides(&o).unwrap();
        assert_eq!(t.person, Color::Rgb(0xe5, 0xc0, 0x7b));
        assert_eq!(t.place, Color::Indexed(208));
        assert_eq!(t.figure, Color::LightRed);
    }

    #[test]
    fn every_entry_reads_back() {
        let t = Theme::default();
        let o: BTreeMap<String, String> = t
            .entries()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(t.with_overrides(&o).unwrap(), t);
    }
}
