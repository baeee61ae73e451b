//! The document family of a paper (`co_quan.khoi`, spec §9): chosen by the
//! input or derived from the issuing body's name — a Party committee or
//! body (Hướng dẫn 36-HD/VPTW), the Fatherland Front, a mass organisation
//! or, by default, a state body (Nghị định 30/2020) — and the notes and
//! warnings `check` shows about who issues and signs.

use super::locate::Locator;
use super::model::{CoQuan, Input, Khoi, NhomKhen};
use crate::diag::{Kind, Problem};
use crate::text::vn;

/// Words that make a name a Party body's wherever they stand.
const PARTY_WORDS: &[&str] = &["ĐẢNG"];
/// Party committees: "TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY".
const COMMITTEE_PLACES: &[&str] = &["TỈNH", "THÀNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "PHƯỜNG"];
/// Names that open a Party body's name (its advisory bodies and units).
const PARTY_OPENINGS: &[&str] = &["CHI BỘ", "BAN TUYÊN GIÁO", "BAN DÂN VẬN", "BAN NỘI CHÍNH", "ỦY BAN KIỂM TRA"];
/// The Fatherland Front.
const FRONT: &[&str] = &["MẶT TRẬN TỔ QUỐC", "MTTQ"];
/// Mass organisations.
const MASS_ORGANISATIONS: &[&str] = &[
    "ĐOÀN THANH NIÊN",
    "TỈNH ĐOÀN",
    "THÀNH ĐOÀN",
    "HUYỆN ĐOÀN",
    "HỘI LIÊN HIỆP PHỤ NỮ",
    "HỘI NÔNG DÂN",
    "HỘI CỰU CHIẾN BINH",
    "LIÊN ĐOÀN LAO ĐỘNG",
    "CÔNG ĐOÀN",
];

/// A name's words in upper case, "UỶ" written "ỦY", for matching.
fn name_words(name: &str) -> Vec<String> {
    vn::upper(name).replace("UỶ", "ỦY").split_whitespace().map(str::to_string).collect()
}

/// Whether `words` contain the words of `phrase` in a row.
fn has_phrase(words: &[String], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    words.windows(parts.len()).any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
}

impl Khoi {
    /// The family a body's name says: a Party committee ("TỈNH ỦY …",
    /// "ĐẢNG ỦY …", "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", "CHI BỘ …"), the
    /// Front ("ỦY BAN MTTQ VIỆT NAM …"), a mass organisation ("TỈNH ĐOÀN",
    /// "HỘI NÔNG DÂN …"), else a state body. The body's name is read as
    /// typed — body names change (spec §9.1), so none is listed whole.
    pub fn of_name(name: &str) -> Khoi {
        let words = name_words(name);
        let committee = words.windows(2).any(|w| w[1] == "ỦY" && COMMITTEE_PLACES.contains(&w[0].as_str()));
        if words.iter().any(|w| PARTY_WORDS.contains(&w.as_str())) {
            Khoi::Dang
        } else if FRONT.iter().any(|p| has_phrase(&words, p)) {
            Khoi::MatTran
        } else if MASS_ORGANISATIONS.iter().any(|p| has_phrase(&words, p)) {
            Khoi::DoanThe
        } else if committee || PARTY_OPENINGS.iter().any(|p| words.join(" ").starts_with(p)) {
            Khoi::Dang
        } else {
            Khoi::NhaNuoc
        }
    }

    /// The value of `khoi` naming this family.
    pub fn key(self) -> &'static str {
        match self {
            Khoi::NhaNuoc => "nha_nuoc",
            Khoi::Dang => "dang",
            Khoi::MatTran => "mat_tran",
            Khoi::DoanThe => "doan_the",
        }
    }
}

/// The family of a body and its parent: the body's own name first; a
/// state-looking name under a Party parent ("VĂN PHÒNG" under "TỈNH ỦY …")
/// takes the parent's.
fn of_body(name: &str, parent: Option<&str>) -> Khoi {
    match (Khoi::of_name(name), parent) {
        (Khoi::NhaNuoc, Some(parent)) => Khoi::of_name(parent),
        (family, _) => family,
    }
}

impl CoQuan {
    /// The family this body's papers follow: `khoi`, else derived.
    pub fn family(&self) -> Khoi {
        self.khoi.unwrap_or_else(|| of_body(&self.ten, self.chu_quan.as_deref()))
    }
}

impl NhomKhen {
    /// The family the decision follows, derived from its body's name.
    pub fn family(&self) -> Khoi {
        of_body(&self.co_quan, self.co_quan_chu_quan.as_deref())
    }
}

impl Input {
    /// The report's family: its (lead) body's.
    pub fn family(&self) -> Khoi {
        self.co_quan.family()
    }
}

/// The collective a signer signs for ("TM. BAN THƯỜNG TRỰC" → "BAN
/// THƯỜNG TRỰC"), upper-case; none for a signer signing under his own
/// title or for his superior (KT., TL.).
fn signing_for(mark: &str) -> Option<String> {
    let upper = vn::upper(mark.trim());
    let rest = upper.strip_prefix("TM.").or_else(|| upper.strip_prefix("T/M"))?;
    Some(one_line(rest)).filter(|collective| !collective.is_empty())
}

/// One line for a body's name in a message.
fn one_line(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `check`'s notes on the families derived (a decision's only when it is
/// not the report's), and its warnings on joint numbers that leave a body
/// out and on decisions whose authority line is not who signs.
pub(super) fn notes(input: &Input, locator: &Locator) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut note = |path: String, kind: Kind| {
        out.push(Problem { location: locator.locate(&path, false).into(), path, kind });
    };
    let bodies = std::iter::once(&input.co_quan).chain(input.lien_tich.iter().map(|b| &b.co_quan));
    let joint = !input.lien_tich.is_empty();
    for (i, body) in bodies.enumerate() {
        let path = if joint { format!("co_quan[{i}].ten") } else { "co_quan.ten".to_string() };
        if body.khoi.is_none() {
            note(path, Kind::FamilyDerived { body: one_line(&body.ten), family: body.family().key().into() });
        }
    }
    for (g, group) in input.khen_thuong.iter().enumerate() {
        // A decision of the report's own family goes without saying.
        if group.family() != input.family() {
            let kind = Kind::FamilyDerived { body: one_line(&group.co_quan), family: group.family().key().into() };
            note(format!("khen_thuong[{g}].co_quan"), kind);
        }
        let authority = vn::upper(group.tham_quyen.as_deref().unwrap_or(&group.cap_khen));
        if let Some(collective) = group.nguoi_ky.the_thuc.as_deref().and_then(signing_for) {
            if !one_line(&authority).contains(&collective) {
                let kind = Kind::AuthorityUnlikeSigner {
                    authority: one_line(&authority),
                    signing: one_line(&vn::upper(group.nguoi_ky.the_thuc.as_deref().unwrap_or_default())),
                    key: format!("khen_thuong[{g}].tham_quyen"),
                    // The collective of the body that decides: "BAN THƯỜNG VỤ"
                    // + "ĐẢNG ỦY XÃ …", "BAN THƯỜNG TRỰC" + "ỦY BAN MTTQ …".
                    suggested: format!("{collective} {}", one_line(&vn::upper(&group.co_quan))),
                };
                note(format!("khen_thuong[{g}].nguoi_ky.the_thuc"), kind);
            }
        }
    }
    if joint {
        let symbol = &input.van_ban.so_ky_hieu;
        let bodies = std::iter::once(&input.co_quan).chain(input.lien_tich.iter().map(|b| &b.co_quan));
        for (i, body) in bodies.enumerate() {
            let Some(abbreviation) = &body.viet_tat else { continue };
            if !symbol.contains(abbreviation.as_str()) {
                let kind = Kind::JointSymbolMissing {
                    symbol: symbol.clone(),
                    body: one_line(&body.ten),
                    abbreviation: abbreviation.clone(),
                };
                note(format!("co_quan[{i}].viet_tat"), kind);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_come_from_the_name_as_typed() {
        for party in [
            "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY",
            "Ban Dân vận Tỉnh ủy Quảng Ninh",
            "ĐẢNG ỦY XÃ TÂN LẬP",
            "HUYỆN UỶ ĐỊNH HOÁ",
            "CHI BỘ THÔN 3",
            "BAN DÂN VẬN TRUNG ƯƠNG",
            "ĐẢNG ĐOÀN MTTQ VIỆT NAM TỈNH",
        ] {
            assert_eq!(Khoi::of_name(party), Khoi::Dang, "{party}");
        }
        for front in ["ỦY BAN MTTQ VIỆT NAM TỈNH ĐẮK LẮK", "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM"]
        {
            assert_eq!(Khoi::of_name(front), Khoi::MatTran, "{front}");
        }
        for mass in ["BAN THƯỜNG VỤ TỈNH ĐOÀN", "HỘI NÔNG DÂN TỈNH NGHỆ AN", "CÔNG ĐOÀN CÔNG AN NHÂN DÂN"]
        {
            assert_eq!(Khoi::of_name(mass), Khoi::DoanThe, "{mass}");
        }
        for state in ["CÔNG AN THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "BỘ CÔNG AN", "SỞ NỘI VỤ"]
        {
            assert_eq!(Khoi::of_name(state), Khoi::NhaNuoc, "{state}");
        }
        assert_eq!(of_body("VĂN PHÒNG", Some("TỈNH ỦY BẮC NINH")), Khoi::Dang);
    }
}
