//! What a paper's family changes in its parts (spec §9): the Party's forms
//! (Hướng dẫn 36-HD/VPTW) for the number, the signing marks, Nơi nhận and
//! the trích yếu, and a joint paper's stacked header and side-by-side
//! signatures (§9.2). The state's forms (NĐ 30) pass through unchanged.

use super::nd30;
use crate::doc::{Block, Family, Header, Signatures, Signer};
use crate::input::{BenKy, CoQuan, Input, Khoi, NguoiKy};
use crate::text::vn;

/// The document model's family of a paper of `khoi`: only the Party's
/// papers leave NĐ 30 (the Front and mass organisations follow it, spec
/// §9.3).
pub(crate) fn of(khoi: Khoi) -> Family {
    match khoi {
        Khoi::Dang => Family::Party,
        Khoi::NhaNuoc | Khoi::MatTran | Khoi::DoanThe => Family::State,
    }
}

/// The Số line: "Số: 125/BC-CAHP" (NĐ 30), or "Số 15-BC/BDVTU" (HD 36: no
/// colon, a hyphen before the kind, a slash before the body) — a number
/// typed the state's way ("15/BC-BDVTU") is turned round.
pub(crate) fn number_line(number: &str, family: Family) -> String {
    match family {
        Family::State => format!("Số: {number}"),
        Family::Party => format!("Số {}", party_number(number)),
    }
}

/// The number as the family writes it (without "Số").
pub(crate) fn number(number: &str, family: Family) -> String {
    match family {
        Family::State => number.to_string(),
        Family::Party => party_number(number),
    }
}

/// "15/BC-BDVTU" → "15-BC/BDVTU"; a number already in the Party's form,
/// or in neither, is kept as typed.
fn party_number(number: &str) -> String {
    let number = number.trim();
    let Some((serial, rest)) = number.split_once('/') else {
        return number.to_string();
    };
    // A blank to fill by hand ("…/GM-BDVTU", the giấy mời before it is
    // issued) is turned round as a number is: "…-GM/BDVTU".
    let blank = !serial.is_empty() && serial.chars().all(|c| c == '…');
    let serial_is_number = blank || !serial.is_empty() && serial.chars().all(|c| c.is_ascii_digit() || c == '.');
    match rest.split_once('-') {
        Some((kind, body)) if serial_is_number && !kind.is_empty() && !body.is_empty() => {
            format!("{serial}-{kind}/{body}")
        }
        _ => number.to_string(),
    }
}

/// A signing mark as the family writes it: the Party writes "T/M", "K/T",
/// "T/L" where NĐ 30 writes "TM.", "KT.", "TL." (HD 36 1.7.1).
pub(crate) fn signing_mark(text: &str, family: Family) -> String {
    let upper = vn::upper(text.trim());
    if family == Family::State {
        return upper;
    }
    for (state, party) in [("TM.", "T/M"), ("KT.", "K/T"), ("TL.", "T/L"), ("TM ", "T/M "), ("KT ", "K/T ")] {
        if let Some(rest) = upper.strip_prefix(state) {
            return format!("{party} {}", rest.trim_start());
        }
    }
    upper
}

/// Nơi nhận items as the family writes them: the Party's archive line
/// has no colon ("Lưu Văn phòng Tỉnh ủy", spec §9.1).
pub(crate) fn recipients(items: &[String], family: Family) -> Vec<String> {
    items
        .iter()
        .map(|item| match (family, item.trim().strip_prefix("Lưu:")) {
            (Family::Party, Some(rest)) => format!("Lưu {}", rest.trim_start()),
            _ => item.clone(),
        })
        .collect()
}

/// The trích yếu as the family writes it: the Party's starts lower-case
/// ("về việc …", "sơ kết …", HD 36 Phụ lục 3), unless its first word is
/// a name the input wrote with a capital (an abbreviation, a body).
pub(crate) fn subject(text: &str, family: Family) -> String {
    let quoted = text.starts_with(['“', '"', '«']);
    if family == Family::State || quoted || crate::text::case::keeps_initial_capital(text) {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One signer's block: the mark lines, then the title.
fn signer_block(signer: &NguoiKy, family: Family) -> Signer {
    let mut authority: Vec<String> = signer.the_thuc.iter().map(|t| signing_mark(t, family)).collect();
    authority.push(vn::upper(&signer.chuc_vu));
    Signer { authority, name: signer.full_name() }
}

/// Nơi nhận and the signature block(s) of the paper's signers: the lead
/// signer alone, or — on a joint paper — every body's signer side by side,
/// the lead on the side `lead_side` says and the others in their order.
pub(crate) fn signature(recipients_typed: &[String], input: &Input, family: Family) -> Block {
    if family == Family::State && input.lien_tich.is_empty() {
        return Block::Signature(nd30::signature(recipients_typed, &input.nguoi_ky));
    }
    let mut signers: Vec<Signer> = input.lien_tich.iter().map(|b| signer_block(&b.nguoi_ky, family)).collect();
    let lead = signer_block(&input.nguoi_ky, family);
    match input.van_ban.ky_chu_tri {
        BenKy::Phai => signers.push(lead),
        BenKy::Trai => signers.insert(0, lead),
    }
    signatures(recipients_typed, signers, family)
}

/// Nơi nhận and `signers`' blocks as `family` writes them.
pub(crate) fn signatures(recipients_typed: &[String], signers: Vec<Signer>, family: Family) -> Block {
    Block::Signatures(Signatures {
        recipients: nd30::punctuated(&recipients(recipients_typed, family)),
        signers,
        family,
    })
}

/// The header block of `family`.
pub(crate) fn header(header: Header, family: Family) -> Block {
    match family {
        Family::State => Block::Header(header),
        Family::Party => Block::PartyHeader(header),
    }
}

/// One signer's block as the family writes it.
pub(crate) fn signer(signer: &NguoiKy, family: Family) -> Signer {
    signer_block(signer, family)
}

/// Place kinds that open the shared tail of joint bodies' names.
const PLACE_KINDS: &[&str] = &["TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "PHƯỜNG", "ĐẶC"];

/// The issuing bodies in the header, upper-case: one body as typed; a
/// joint paper's bodies stacked one a line, lead first, the place they
/// share said once under them ("CÔNG AN / ỦY BAN MTTQ VIỆT NAM / TỈNH ĐẮK
/// LẮK", spec §9.2).
pub(crate) fn issuer(input: &Input) -> String {
    let names: Vec<String> = std::iter::once(&input.co_quan)
        .chain(input.lien_tich.iter().map(|b| &b.co_quan))
        .map(|b: &CoQuan| vn::upper(&b.ten))
        .collect();
    match names.as_slice() {
        [one] => one.clone(),
        many => stacked(many),
    }
}

/// Bodies' upper-case names one a line, the place they all end with said
/// once on a line of its own.
fn stacked(names: &[String]) -> String {
    let names: Vec<Vec<&str>> = names.iter().map(|n| n.split_whitespace().collect()).collect();
    let shortest = names.iter().map(Vec::len).min().unwrap_or(0);
    let mut shared = 0;
    while shared < shortest && names.iter().all(|n| n[n.len() - 1 - shared] == names[0][names[0].len() - 1 - shared]) {
        shared += 1;
    }
    // Only a place is said once: back off to where one starts, leaving
    // every body a word of its own.
    let starts_place = |count: usize| count > 0 && PLACE_KINDS.contains(&names[0][names[0].len() - count]);
    while shared > 0 && !(starts_place(shared) && shared < shortest) {
        shared -= 1;
    }
    let mut lines: Vec<String> = names.iter().map(|n| n[..n.len() - shared].join(" ")).collect();
    if shared > 0 {
        lines.push(names[0][names[0].len() - shared..].join(" "));
    }
    lines.join("\n")
}

/// Whether the paper has a parent-body line: one body's own; a joint
/// paper's bodies stand on their own.
pub(crate) fn parent(input: &Input) -> Option<String> {
    if input.lien_tich.is_empty() {
        input.co_quan.chu_quan.as_deref().map(vn::upper)
    } else {
        None
    }
}

/// The reporting bodies inside a sentence: "Công an tỉnh Đắk Lắk và Ủy
/// ban MTTQ Việt Nam tỉnh Đắk Lắk".
pub(crate) fn bodies_in_sentence(input: &Input) -> String {
    let names: Vec<String> = std::iter::once(&input.co_quan)
        .chain(input.lien_tich.iter().map(|b| &b.co_quan))
        .map(|b| crate::words::awards::sentence_case_authority(&b.ten))
        .collect();
    nd30::join_vietnamese(&names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_bodies_stack_and_say_their_shared_place_once() {
        let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            stacked(&names(&["ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "ỦY BAN MTTQ VIỆT NAM TỈNH ĐẮK LẮK"])),
            "ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH ĐẮK LẮK"
        );
        assert_eq!(
            stacked(&names(&["CÔNG AN THÀNH PHỐ HẢI PHÒNG", "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HẢI PHÒNG"])),
            "CÔNG AN\nỦY BAN MTTQ VIỆT NAM\nTHÀNH PHỐ HẢI PHÒNG"
        );
        // "VIỆT NAM" is shared but is no place; different places stay whole.
        assert_eq!(
            stacked(&names(&["BỘ CÔNG AN", "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM", "HỘI NÔNG DÂN VIỆT NAM"])),
            "BỘ CÔNG AN\nỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM\nHỘI NÔNG DÂN VIỆT NAM"
        );
        assert_eq!(
            stacked(&names(&["CÔNG AN TỈNH CÀ MAU", "ỦY BAN MTTQ VIỆT NAM HUYỆN CÁI NƯỚC"])),
            "CÔNG AN TỈNH CÀ MAU\nỦY BAN MTTQ VIỆT NAM HUYỆN CÁI NƯỚC"
        );
    }

    #[test]
    fn party_numbers_marks_and_archives_follow_hd36() {
        assert_eq!(number_line("15/BC-BDVTU", Family::Party), "Số 15-BC/BDVTU");
        assert_eq!(number_line("15-BC/BDVTU", Family::Party), "Số 15-BC/BDVTU");
        assert_eq!(number_line("125/BC-CAHP", Family::State), "Số: 125/BC-CAHP");
        assert_eq!(number_line("…/GM-BDVTU", Family::Party), "Số …-GM/BDVTU");
        assert_eq!(number_line("…/GM-CAHP", Family::State), "Số: …/GM-CAHP");
        assert_eq!(signing_mark("TM. Ban Thường vụ", Family::Party), "T/M BAN THƯỜNG VỤ");
        assert_eq!(signing_mark("KT. TRƯỞNG BAN", Family::Party), "K/T TRƯỞNG BAN");
        assert_eq!(signing_mark("T/L BAN THƯỜNG VỤ", Family::Party), "T/L BAN THƯỜNG VỤ");
        assert_eq!(signing_mark("KT. GIÁM ĐỐC", Family::State), "KT. GIÁM ĐỐC");
        let items = vec!["Như trên".to_string(), "Lưu: Văn phòng Tỉnh ủy".to_string()];
        assert_eq!(recipients(&items, Family::Party)[1], "Lưu Văn phòng Tỉnh ủy");
        assert_eq!(recipients(&items, Family::State), items);
        assert_eq!(subject("Về việc tặng Giấy khen", Family::Party), "về việc tặng Giấy khen");
        assert_eq!(subject("MTTQ và Công an", Family::Party), "MTTQ và Công an");
    }
}
