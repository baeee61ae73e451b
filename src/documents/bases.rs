//! The legal bases a decision cites by its body's family (spec §9.1,
//! §9.3), each as in force on the decision's date: the Party's charter and
//! the rule implementing it, the Fatherland Front's law and charter. The
//! state's laws are in the decision module; these come before or among
//! them as the family writes its decisions.

use crate::text::vn::Date;

/// A date from its parts, for the tables of laws (here and in the
/// decision module).
pub(super) const fn day(year: i32, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

/// The Party's charter, cited first by every Party decision.
pub(crate) const PARTY_CHARTER: &str = "Căn cứ Điều lệ Đảng";

/// The Central Committee's rule implementing the charter, by the date it
/// was issued (the latest first).
const PARTY_CHARTER_RULES: &[(Date, &str)] = &[
    (
        day(2025, 5, 26),
        "Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng",
    ),
    (
        day(2021, 7, 30),
        "Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng",
    ),
    (
        day(2016, 7, 25),
        "Căn cứ Quy định số 29-QĐ/TW, ngày 25/7/2016 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng",
    ),
];

/// The law on the Fatherland Front (Luật số 75/2015/QH13, in force from
/// 01/01/2016; amended by Luật số 97/2025/QH15, in force from 01/7/2025).
const FRONT_LAW: &[(Date, &str)] = &[
    (
        day(2025, 7, 1),
        "Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015, được sửa đổi, bổ sung bởi Luật số 97/2025/QH15 ngày 27 tháng 6 năm 2025",
    ),
    (day(2016, 1, 1), "Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015"),
];

/// The Front's charter, cited after its law.
pub(crate) const FRONT_CHARTER: &str = "Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam";

/// The entry of `table` in force on `date`.
pub(super) fn in_force(table: &[(Date, &'static str)], date: Date) -> Option<&'static str> {
    table.iter().find(|(since, _)| date >= *since).map(|(_, text)| *text)
}

/// The Party's own bases on `date`: the charter and its implementing rule.
pub(crate) fn party(date: Date) -> Vec<&'static str> {
    std::iter::once(PARTY_CHARTER).chain(in_force(PARTY_CHARTER_RULES, date)).collect()
}

/// The Front's own bases on `date`: its law, then its charter.
pub(crate) fn front(date: Date) -> Vec<&'static str> {
    in_force(FRONT_LAW, date).into_iter().chain([FRONT_CHARTER]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_in_force_on_the_date_is_cited() {
        assert!(party(day(2025, 12, 1))[1].contains("294-QĐ/TW"));
        assert!(party(day(2025, 5, 25))[1].contains("24-QĐ/TW"));
        assert!(party(day(2019, 1, 1))[1].contains("29-QĐ/TW"));
        assert!(front(day(2025, 8, 1))[0].contains("97/2025/QH15"));
        assert!(!front(day(2025, 6, 30))[0].contains("97/2025"));
        assert_eq!(front(day(2020, 1, 1))[1], FRONT_CHARTER);
    }
}
