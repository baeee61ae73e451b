//! The checks every text of an input passes, from the YAML or a list file:
//! NFC, no control, text-direction or right-to-left character, some
//! letters, no mojibake, and every character drawable.

use crate::diag::Kind;
use crate::text::fonts::undrawable_char;
use crate::text::vn;

/// `raw` trimmed and composed (NFC), or why it cannot be printed: a
/// control character (a newline only where `multiline`), a legacy-encoded
/// letter, a character no font face draws. Every text of an input and of
/// its list files passes here.
pub(super) fn checked_text(raw: &str, multiline: bool) -> Result<String, Kind> {
    let text = vn::nfc(raw.trim());
    if let Some(ch) = vn::control_char(&text, multiline) {
        return Err(Kind::ControlChar(ch));
    }
    if let Some(ch) = vn::bidi_control(&text) {
        return Err(Kind::BidiControl(ch));
    }
    if let Some(ch) = vn::right_to_left(&text) {
        return Err(Kind::RightToLeft(ch));
    }
    if vn::no_letters(&text) {
        return Err(Kind::NoLetters);
    }
    if let Some(ch) = vn::mojibake_char(&text) {
        return Err(Kind::Mojibake(ch));
    }
    if let Some(ch) = undrawable_char(&text) {
        return Err(Kind::Undrawable(ch));
    }
    Ok(text)
}
