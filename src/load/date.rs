//! ISO 8601 dates as news files carry them (`2023-10-05`, `2023-10-05T11:55:00+01:00`,
//! `2023-10-05 11:55`, `2023-10`, `2023`), and the `YYYYMMDD` stamp many saved files carry
//! in their names.

use crate::model::ArticleDate;

/// Parses an ISO 8601 date or date-time. Times with an offset are converted to UTC only
/// for the time of day; the calendar date is kept as written (good enough for sorting news).
pub fn parse_iso(s: &str) -> Option<ArticleDate> {
    let s = s.trim();
    let b = s.as_bytes();
    let year = digits(b, 0, 4)? as i32;
    let (month, day, rest) = match b.get(4) {
        None => (0, 0, ""),
        Some(b'-') => {
            let month = digits(b, 5, 2)? as u8;
            match b.get(7) {
                None => (month, 0, ""),
                Some(b'-') => (month, digits(b, 8, 2)? as u8, s.get(10..)?),
                Some(_) => return None,
            }
        }
        Some(_) => return None,
    };
    if month > 12 || day > 31 {
        return None;
    }
    Some(ArticleDate {
        year,
        month,
        day,
        seconds: parse_time(rest).unwrap_or(0),
    })
}

/// `T11:55:00+01:00` or ` 11:55` → seconds since midnight (offset ignored).
fn parse_time(rest: &str) -> Option<u32> {
    let b = rest.as_bytes();
    if !matches!(b.first(), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let hours = digits(b, 1, 2)?;
    let minutes = if b.get(3) == Some(&b':') {
        digits(b, 4, 2)?
    } else {
        0
    };
    let seconds = if b.get(6) == Some(&b':') {
        digits(b, 7, 2)?
    } else {
        0
    };
    (hours < 24 && minutes < 60 && seconds < 61).then_some(hours * 3600 + minutes * 60 + seconds)
}

/// A `YYYYMMDD` or `YYYY-MM-DD` stamp inside a file name, used when the file itself gives no
/// date (e.g. `JA-culture-1-20170120.txt`). Only plausible dates (1900–2100) are accepted.
pub fn from_file_name(name: &str) -> Option<ArticleDate> {
    let b = name.as_bytes();
    (0..b.len()).find_map(|i| {
        let boundary_before = i == 0 || !b[i - 1].is_ascii_digit();
        if !boundary_before {
            return None;
        }
        let compact = digits(b, i, 8).filter(|_| !b.get(i + 8).is_some_and(u8::is_ascii_digit));
        let date = match compact {
            Some(n) => ArticleDate {
                year: (n / 10000) as i32,
                month: (n / 100 % 100) as u8,
                day: (n % 100) as u8,
                seconds: 0,
            },
            None => parse_iso(std::str::from_utf8(b.get(i..i + 10)?).ok()?)?,
        };
        plausible(&date).then_some(date)
    })
}

fn plausible(d: &ArticleDate) -> bool {
    (1900..=2100).contains(&d.year) && (1..=12).contains(&d.month) && (1..=31).contains(&d.day)
}

/// Reads `len` ASCII digits at `at` as a number.
fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    let slice = b.get(at..at + len)?;
    slice.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8, seconds: u32) -> Option<ArticleDate> {
        Some(ArticleDate {
            year,
            month,
            day,
            seconds,
        })
    }

    #[test]
    fn iso_forms() {
        let cases = [
            ("2023-10-05", d(2023, 10, 5, 0)),
            (
                "2016-11-10T11:55:00+01:00",
                d(2016, 11, 10, 11 * 3600 + 55 * 60),
            ),
            ("2024-05-16 09:30", d(2024, 5, 16, 9 * 3600 + 30 * 60)),
            (
                "2024-05-16T09:30:15Z",
                d(2024, 5, 16, 9 * 3600 + 30 * 60 + 15),
            ),
            ("2022-02", d(2022, 2, 0, 0)),
            ("2021", d(2021, 0, 0, 0)),
            ("  2021-01-02  ", d(2021, 1, 2, 0)),
            ("2023-13-01", None),
            ("yesterday", None),
            ("16/05/2024", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_iso(input), want, "parse_iso({input:?})");
        }
    }

    #[test]
    fn file_name_stamps() {
        assert_eq!(
            from_file_name("JA-culture-1-20170120.txt"),
            d(2017, 1, 20, 0)
        );
        assert_eq!(from_file_name("2024-05-16-putin.md"), d(2024, 5, 16, 0));
        assert_eq!(from_file_name("report-123456789.txt"), None);
        assert_eq!(from_file_name("92.txt"), None);
        assert_eq!(from_file_name("id-20171345.txt"), None);
    }

    #[test]
    fn dates_sort_chronologically() {
        assert!(parse_iso("2023-10-05T08:00") > parse_iso("2023-10-05"));
        assert!(parse_iso("2024") > parse_iso("2023-12-31"));
    }
}
