//! Bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and legacy
//! windows-1256 Arabic detected automatically.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes a file's bytes. Never fails: undecodable bytes become U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
        };
    }
    decode_with(guess_legacy(bytes), bytes)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    }
}

/// Picks the encoding of bytes that are not valid UTF-8. Mostly-UTF-8 text with a few broken
/// sequences stays UTF-8 (lossy); otherwise chardetng guesses, preferring windows-1256 for
/// Arabic. UTF-16 without a BOM is not guessed.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    if mostly_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"sa"), chardetng::Utf8Detection::Deny);
    if guess == UTF_16LE || guess == UTF_16BE {
        WINDOWS_1256
    } else {
        guess
    }
}

/// True when at most 1% of the bytes are in invalid UTF-8 sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut invalid = 0usize;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => {
                let bad = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                invalid += bad;
                rest = &rest[e.valid_up_to() + bad..];
            }
        }
    }
    invalid * 100 <= bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "زار الرئيس مدينة هاربين الصينية التي يسكنها عشرة ملايين نسمة، وأكد أن التعاون بين البلدين سيتطور.";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(ARABIC.as_bytes());
        assert_eq!((plain.text.as_str(), plain.encoding), (ARABIC, "UTF-8"));
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(ARABIC.as_bytes());
        assert_eq!(decode(&with_bom).text, ARABIC);
    }

    #[test]
    fn utf16_with_bom() {
        for (encoding, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let mut bytes = bom.to_vec();
            for unit in ARABIC.encode_utf16() {
                let pair = if encoding == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            let decoded = decode(&bytes);
            assert_eq!(decoded.text, ARABIC);
            assert_eq!(decoded.encoding, encoding.name());
        }
    }

    #[test]
    fn windows_1256_is_detected() {
        let (bytes, _, unmappable) = WINDOWS_1256.encode(ARABIC);
        assert!(!unmappable);
        let decoded = decode(&bytes);
        assert_eq!(decoded.encoding, "windows-1256");
        assert_eq!(decoded.text, ARABIC);
    }

    #[test]
    fn a_broken_byte_in_utf8_stays_utf8() {
        let mut bytes = ARABIC.as_bytes().to_vec();
        let boundary = ARABIC.char_indices().nth(10).map_or(0, |(i, _)| i);
        bytes.insert(boundary, 0xFF);
        let decoded = decode(&bytes);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains('\u{FFFD}'));
    }
}
