//! A conference copied for a new year: the period and every date moved by
//! the same number of years, the old period's totals and the years it no
//! longer covers left out, the numbers a register issued emptied (a new
//! year's papers get their own), and the award lists kept or left out;
//! and a list read from a file copied into rows of the form.

use crate::input::yaml::{Node, Value};
use crate::text::vn::Date;

/// `tree` made the conference of `year` (the period keeps its length); `keep_lists`: the award lists stay
/// (without the golden-book numbers issued for the old one).
pub(crate) fn for_year(tree: &mut Node, year: i32, keep_lists: bool) {
    let old_end = tree.get("giai_doan").and_then(|p| p.get("den")).and_then(|n| n.as_i64());
    let shift = old_end.map_or(0, |end| i64::from(year) - end);
    if let Some(period) = tree.get_mut("giai_doan").and_then(|n| n.as_mapping_mut()) {
        for key in ["tu", "den"] {
            if let Some(value) = period.get(key).and_then(|n| n.as_i64()) {
                let moved =
                    crate::input::yaml::parse_yaml(&(value + shift).to_string(), "giai_doan").unwrap_or_default();
                period.insert(Node::from(key), moved);
            }
        }
    }
    if let (Some(mapping), true) = (tree.as_mapping_mut(), shift != 0) {
        // The programme under review keeps its date: only this year's papers move.
        let keys: Vec<String> = mapping.keys().filter_map(|k| k.text().map(str::to_string)).collect();
        for key in keys.iter().filter(|k| *k != "chuong_trinh") {
            if let Some(value) = mapping.get_mut(key) {
                move_dates(value, shift);
            }
        }
    }
    // The period's totals were the old period's; years it no longer covers go.
    let period =
        tree.get("giai_doan").map(|p| (p.get("tu").and_then(|y| y.as_i64()), p.get("den").and_then(|y| y.as_i64())));
    if shift != 0 {
        if let Some(mapping) = tree.as_mapping_mut() {
            mapping.remove("tong_hop");
        }
    }
    if let (Some((Some(from), Some(to))), Some(years)) =
        (period, tree.get_mut("ket_qua_nam").and_then(|y| y.as_sequence_mut()))
    {
        years.retain(|row| row.get("nam").and_then(|y| y.as_i64()).is_none_or(|y| (from..=to).contains(&y)));
    }
    // Issued numbers belong to the old papers: keep only the part after the number.
    if let Some(report) = tree.get_mut("van_ban").and_then(|n| n.as_mapping_mut()) {
        blank_number(report, "so_ky_hieu");
    }
    if let Some(conference) = tree.get_mut("hoi_nghi").and_then(|n| n.as_mapping_mut()) {
        blank_number(conference, "so_giay_moi");
    }
    if let Some(groups) = tree.get_mut("khen_thuong").and_then(|n| n.as_sequence_mut()) {
        for group in groups.iter_mut().filter_map(|n| n.as_mapping_mut()) {
            if let Some(decision) = group.get_mut("quyet_dinh").and_then(|n| n.as_mapping_mut()) {
                blank_number(decision, "so");
            }
            if !keep_lists {
                group.remove("danh_sach");
                group.remove("danh_sach_tep");
                continue;
            }
            if let Some(list) = group.get_mut("danh_sach").and_then(|n| n.as_sequence_mut()) {
                for row in list.iter_mut().filter_map(|n| n.as_mapping_mut()) {
                    row.remove("so_so");
                }
            }
        }
    }
}

/// Lists the old conference read from files (`danh_sach_tep`) put in the
/// form as rows, as `read` has them: a file's golden-book column cannot be
/// emptied, rows can — so a copy keeping its lists never carries last
/// year's sổ vàng numbers into the new year's papers.
pub(crate) fn lists_into_rows(tree: &mut Node, read: &crate::input::Input) {
    let Some(groups) = tree.get_mut("khen_thuong").and_then(|n| n.as_sequence_mut()) else { return };
    for (group, read) in groups.iter_mut().zip(&read.khen_thuong) {
        let Some(group) = group.as_mapping_mut() else { continue };
        if group.remove("danh_sach_tep").is_none() {
            continue;
        }
        let rows = read.danh_sach.iter().map(recipient_row).collect();
        group.insert(Node::from("danh_sach"), Node::new(Value::Sequence(rows)));
    }
}

/// A recipient as a row of the form's list (the keys it has, in the list's order).
pub(crate) fn recipient_row(person: &crate::input::NguoiNhan) -> Node {
    let mut row = crate::input::yaml::Mapping::new();
    let kind = match person.loai {
        crate::input::LoaiNguoiNhan::TapThe => "tap_the",
        crate::input::LoaiNguoiNhan::CaNhan => "ca_nhan",
    };
    row.insert(Node::from("loai"), Node::from(kind));
    let fields = [
        ("danh_xung", &person.danh_xung),
        ("ten", &Some(person.ten.clone())),
        ("chuc_vu", &person.chuc_vu),
        ("don_vi", &person.don_vi),
        ("so_so", &person.so_so),
        ("thanh_tich", &person.thanh_tich),
        ("nhom", &person.nhom),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            row.insert(Node::from(key), Node::from(value.as_str()));
        }
    }
    Node::new(Value::Mapping(row))
}

/// "125/BC-CAHP" → "/BC-CAHP": the register gives the number again.
fn blank_number(record: &mut crate::input::yaml::Mapping, key: &str) {
    let Some(number) = record.get(key).and_then(|n| n.as_str()) else { return };
    let rest = number.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    // "12/GM-CAHP" → "/GM-CAHP"; a Party's "12-GM/BTC" → "-GM/BTC".
    if rest.len() != number.len() && (rest.starts_with('/') || rest.starts_with('-') && rest.contains('/')) {
        record.insert(Node::from(key), Node::from(rest));
    }
}

/// Every date (YYYY-MM-DD) `shift` years on; 29 February to the 28th when
/// the new year has none.
fn move_dates(node: &mut Node, shift: i64) {
    match &mut node.value {
        Value::String(text) => {
            if let Some(date) = Date::parse(text) {
                let year = i64::from(date.year) + shift;
                let mut moved = format!("{year:04}-{:02}-{:02}", date.month, date.day);
                if Date::parse(&moved).is_none() {
                    moved = format!("{year:04}-{:02}-28", date.month);
                }
                *text = moved;
            }
        }
        Value::Sequence(items) => items.iter_mut().for_each(|item| move_dates(item, shift)),
        Value::Mapping(_) => {
            if let Some(mapping) = node.as_mapping_mut() {
                let keys: Vec<String> = mapping.keys().filter_map(|k| k.text().map(str::to_string)).collect();
                for key in keys {
                    if let Some(value) = mapping.get_mut(&key) {
                        move_dates(value, shift);
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Node {
        crate::input::yaml::parse_yaml(text, "t.yaml").unwrap()
    }

    #[test]
    fn a_copy_moves_the_period_and_dates_and_empties_issued_numbers() {
        let source = "van_ban: { so_ky_hieu: \"125/BC-CAHP\", ngay: 2018-08-21 }\n\
             giai_doan: { tu: 2013, den: 2018 }\n\
             chuong_trinh: { ngay: 2013-08-01 }\n\
             hoi_nghi: { ngay: 2016-02-29 }\n\
             tong_hop: { a: 5 }\n\
             ket_qua_nam: [{ nam: 2013, a: 1 }, { nam: 2018, a: 4 }]\n\
             khen_thuong:\n  - quyet_dinh: { so: \"12/QĐ-UBND\", ngay: 2018-08-15 }\n    danh_sach: [{ ten: A, so_so: \"0101\" }]\n";
        let mut kept = yaml(source);
        for_year(&mut kept, 2019, true);
        let expected = yaml(
            "van_ban: { so_ky_hieu: \"/BC-CAHP\", ngay: 2019-08-21 }\n\
             giai_doan: { tu: 2014, den: 2019 }\n\
             chuong_trinh: { ngay: 2013-08-01 }\n\
             hoi_nghi: { ngay: 2017-02-28 }\n\
             ket_qua_nam: [{ nam: 2018, a: 4 }]\n\
             khen_thuong:\n  - quyet_dinh: { so: \"/QĐ-UBND\", ngay: 2019-08-15 }\n    danh_sach: [{ ten: A }]\n",
        );
        assert_eq!(kept, expected);
        let mut without = yaml(source);
        for_year(&mut without, 2019, false);
        assert!(without.get("khen_thuong").unwrap().as_sequence().unwrap()[0].get("danh_sach").is_none());
    }

    #[test]
    fn a_party_bodys_numbers_are_emptied_in_their_own_order() {
        let mut party = yaml(
            "van_ban: { so_ky_hieu: \"15-BC/BTGDVTU\" }\nhoi_nghi: { ngay: 2026-03-12, so_giay_moi: \"12-GM/BTGDVTU\" }\n\
             khen_thuong:\n  - quyet_dinh: { so: \"52-QĐ/BTGDVTU\", ngay: 2026-01-16 }\n",
        );
        for_year(&mut party, 2027, true);
        let text = |path: &[&str]| {
            let mut node = &party;
            for key in path {
                node = node.get(key).or_else(|| node.as_sequence().and_then(|s| s.first())).unwrap();
            }
            node.as_str().unwrap().to_string()
        };
        assert_eq!(text(&["van_ban", "so_ky_hieu"]), "-BC/BTGDVTU");
        assert_eq!(text(&["hoi_nghi", "so_giay_moi"]), "-GM/BTGDVTU");
        assert_eq!(text(&["khen_thuong", "0", "quyet_dinh", "so"]), "-QĐ/BTGDVTU");
    }
}
