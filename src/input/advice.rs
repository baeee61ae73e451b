//! Warnings about a valid input: what it says that is allowed but worth a
//! second look before the papers go for signature — a title that does not
//! fit the name ("Ông Cao Thị Hiếu"), a decision without the proposal it
//! acts on, a name whose running-text form had to be guessed from upper case.

use super::locate::Locator;
use super::model::{Buoi, Gio, HoiNghi, Input, LoaiNguoiNhan};
use super::sources::Sources;
use crate::diag::{Kind, Location, Problem};
use crate::text::case;

/// Every warning about `input` (read from the file `locator` indexes;
/// list files are named as `sources` shows them).
pub(super) fn warnings(input: &Input, locator: &Locator, sources: &dyn Sources) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let mut warn =
        |location: Location, path: String, kind: Kind| warnings.push(Problem { location: location.into(), path, kind });
    let at = |path: &str| locator.locate(path, false);

    let derived = |path: String, typed: &str, key: Option<String>, warn: &mut dyn FnMut(Location, String, Kind)| {
        let form = case::in_running_text(typed);
        if form.unsure {
            let kind = Kind::UnsureCase { typed: typed.to_string(), derived: form.text, key };
            warn(at(&path), path, kind);
        }
    };
    derived("co_quan.ten".into(), &input.co_quan.ten, None, &mut warn);
    // A conference without delegates makes no papers that name them.
    if input.hoi_nghi.as_ref().is_some_and(|c| c.dai_bieu.is_empty()) {
        warn(at("hoi_nghi"), "hoi_nghi".into(), Kind::NoDelegates);
    }
    // Delegates all of the organising bodies: nobody to invite.
    if input.hoi_nghi.as_ref().is_some_and(|c| !c.dai_bieu.is_empty() && c.dai_bieu.iter().all(|d| d.to_chuc)) {
        warn(at("hoi_nghi.dai_bieu"), "hoi_nghi.dai_bieu".into(), Kind::NoInvitees);
    }
    let several = input.cac_chuong_trinh.len() > 1;
    for (p, programme) in input.cac_chuong_trinh.iter().enumerate() {
        let path = if several { format!("chuong_trinh[{p}]") } else { "chuong_trinh".to_string() };
        for (i, party) in programme.cac_ben.iter().enumerate() {
            derived(format!("{path}.cac_ben[{i}]"), party, None, &mut warn);
        }
    }
    // The narrative's "sơ kết 6 năm" against the years every paper counts.
    let counted = input.years_reviewed();
    for (path, text) in narrative_texts(input) {
        if let Some(said) = years_said(text).into_iter().find(|said| *said != counted) {
            let kind = Kind::YearsDisagree { path: path.clone(), said, counted };
            warn(at(&path), path, kind);
        }
    }
    if let Some(conference) = &input.hoi_nghi {
        for (i, body) in conference.don_vi_to_chuc.iter().enumerate() {
            derived(format!("hoi_nghi.don_vi_to_chuc[{i}]"), body, None, &mut warn);
        }
        day_warnings(conference, input.khen_thuong.len(), &mut |path: String, kind| warn(at(&path), path, kind));
    }

    for (g, group) in input.khen_thuong.iter().enumerate() {
        let path = format!("khen_thuong[{g}]");
        if group.cap_khen_viet_thuong.is_none() {
            let key = Some(format!("{path}.cap_khen_viet_thuong"));
            derived(format!("{path}.cap_khen"), &group.cap_khen, key, &mut warn);
        }
        if group.quyet_dinh.de_nghi.is_none() && group.danh_sach.iter().all(|person| person.de_nghi.is_none()) {
            let path = format!("{path}.quyet_dinh");
            warn(locator.locate(&path, true), path, Kind::NoProposal);
        }
        for (i, person) in group.danh_sach.iter().enumerate() {
            let Some(title) = &person.danh_xung else { continue };
            if person.loai != LoaiNguoiNhan::CaNhan {
                continue;
            }
            let Some(middle) = mismatched_middle_name(title, &person.ten) else { continue };
            let path = format!("{path}.danh_sach[{i}].danh_xung");
            let location = match &group.danh_sach_tep {
                Some(file) => Location::file(&sources.display(file)),
                None => at(&path),
            };
            let kind = Kind::TitleMismatch { title: title.clone(), name: person.ten.clone(), middle };
            warn(location, path, kind);
        }
    }
    warnings
}

/// What the conference's day papers would print oddly: presenters for
/// groups that do not exist, an agenda running backwards, an opening hour
/// in another part of the day than `buoi`.
fn day_warnings(conference: &HoiNghi, groups: usize, warn: &mut dyn FnMut(String, Kind)) {
    let clock = |time: Gio| format!("{:02}:{:02}", time.gio, time.phut);
    if conference.nguoi_trao.len() > groups {
        let kind = Kind::SparePresenters { given: conference.nguoi_trao.len(), groups };
        warn(format!("hoi_nghi.nguoi_trao[{groups}]"), kind);
    }
    for (i, pair) in conference.nghi_trinh.windows(2).enumerate() {
        let minutes = |time: Gio| time.gio * 60 + time.phut;
        if minutes(pair[1].gio) < minutes(pair[0].gio) {
            let kind = Kind::AgendaBackwards { time: clock(pair[1].gio), before: clock(pair[0].gio) };
            warn(format!("hoi_nghi.nghi_trinh[{}].gio", i + 1), kind);
        }
    }
    if let (Some(time), Some(said)) = (conference.gio, conference.buoi) {
        let hour_part = Buoi::of_hour(time.gio);
        if !said.fits_hour(time.gio) {
            let kind = Kind::PartOfDayDisagrees {
                time: clock(time),
                said: said.word().into(),
                hour_part: hour_part.word().into(),
            };
            warn("hoi_nghi.buoi".into(), kind);
        }
    }
}

/// The texts the clerk typed that may say how many years were reviewed.
fn narrative_texts(input: &Input) -> Vec<(String, &str)> {
    let sections = input.noi_dung.sections();
    let mut texts: Vec<(String, &str)> =
        sections.iter().filter_map(|(key, text)| Some((format!("noi_dung.{key}"), text.as_deref()?))).collect();
    if let Some(conference) = &input.hoi_nghi {
        if let Some(text) = &conference.chi_dao {
            texts.push(("hoi_nghi.chi_dao".into(), text));
        }
        if let Some(title) = conference.tin_bai.as_ref().and_then(|t| t.tieu_de.as_deref()) {
            texts.push(("hoi_nghi.tin_bai.tieu_de".into(), title));
        }
    }
    for (g, group) in input.khen_thuong.iter().enumerate() {
        if let Some(text) = &group.thanh_tich {
            texts.push((format!("khen_thuong[{g}].thanh_tich"), text));
        }
    }
    texts
}

/// The years a text says were reviewed: the N of "sơ kết N năm", "tổng
/// kết N năm", "qua N năm", "sau N năm", "trong N năm thực hiện".
fn years_said(text: &str) -> Vec<u32> {
    let mut words: Vec<String> =
        text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    words.push(String::new());
    words
        .windows(4)
        .filter(|w| w[2] == "năm")
        .filter(|w| ["kết", "qua", "sau"].contains(&w[0].as_str()) || (w[0] == "trong" && w[3] == "thực"))
        .filter_map(|w| w[1].parse().ok())
        .collect()
}

/// Titles for men and for women.
const MALE: &[&str] = &["ông", "anh"];
const FEMALE: &[&str] = &["bà", "chị", "cô"];

/// The middle name that contradicts `title` ("Thị" after "Ông", "Văn"
/// after "Bà"), if any.
fn mismatched_middle_name(title: &str, name: &str) -> Option<String> {
    let title = title.trim().to_lowercase();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    let middle = &words[1..words.len() - 1];
    let contradicting = if MALE.contains(&title.as_str()) {
        "Thị"
    } else if FEMALE.contains(&title.as_str()) {
        "Văn"
    } else {
        return None;
    };
    middle.contains(&contradicting).then(|| contradicting.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_where_a_review_counts_them() {
        assert_eq!(years_said("Sơ kết 6 năm thực hiện; qua 05 năm, sau 5 năm."), vec![6, 5, 5]);
        assert_eq!(years_said("thành tích xuất sắc trong 6 năm thực hiện Chương trình"), vec![6]);
        assert!(years_said("trong năm 2019, 5 năm trước, Kế hoạch 5 năm, trong 3 năm gần đây").is_empty());
    }

    #[test]
    fn titles_and_middle_names_must_agree() {
        assert_eq!(mismatched_middle_name("Ông", "Cao Thị Hiếu").as_deref(), Some("Thị"));
        assert_eq!(mismatched_middle_name("Bà", "Đinh Văn Trường").as_deref(), Some("Văn"));
        assert_eq!(mismatched_middle_name("Bà", "Nguyễn Thị Hằng"), None);
        assert_eq!(mismatched_middle_name("Ông", "Nguyễn Văn Thị"), None, "a given name is not a middle name");
        assert_eq!(mismatched_middle_name("Đồng chí", "Cao Thị Hiếu"), None);
    }
}
