//! Property tests: any text, including digits, separators and Arabic glued together, gives
//! figures whose ranges are on char boundaries, in order, and whose values are finite.

use akhbar::analyze::figures::{EntityRef, extract};
use proptest::prelude::*;

fn pieces() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "220",
        "٢٠٢٣",
        "۱۴",
        "3.5",
        "1,500",
        "5ر3",
        "6،4",
        "٫",
        "٬",
        "،",
        "%",
        "٪",
        " ",
        "\n",
        "مليار",
        "مليون",
        "ألفا",
        "يورو",
        "دينار",
        "بالمائة",
        "في",
        "المائة",
        "نسمة",
        "الـ",
        "بـ",
        "و",
        "بين",
        "إلى",
        "فبراير",
        "/",
        "شباط",
        "هـ",
        "-",
        "بنتيجة",
        "هدف",
        "صفر",
        "\u{200f}",
        "\u{a0}",
        "ـ",
        "عام",
        "الماضي",
        "(",
        ")",
        "«",
        "$",
        "م",
        "د",
        "فاصل",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn ranges_are_valid(text in pieces(), noise in "\\PC{0,20}") {
        let text = format!("{text}{noise}");
        let ents = [EntityRef { range: 0..text.len().min(3), name: "x" }];
        let figs = extract(&text, Some(2020), &ents);
        let mut prev = 0;
        for f in &figs {
            prop_assert!(text.is_char_boundary(f.range.start));
            prop_assert!(text.is_char_boundary(f.range.end));
            prop_assert!(f.range.start <= f.range.end);
            prop_assert!(f.range.start >= prev);
            prop_assert_eq!(&text[f.range.clone()], f.text.as_str());
            prop_assert!(f.value.is_finite());
            prev = f.range.start;
        }
    }
}
