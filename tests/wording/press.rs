//! The press summary and the papers over conferences like those the seed
//! articles report, and over generated ones: the expected words computed
//! here from the conference's choices, compared with what the binary prints.

use std::path::Path;

use super::conference::*;
use crate::common::*;
use crate::{bases_of, regex_like_zero_count};

/// "Sơ kết" / "Tổng kết".
fn review(conference: &Conference) -> &'static str {
    if conference.final_review {
        "tổng kết"
    } else {
        "sơ kết"
    }
}

/// The period figure of a metric, computed here from its values.
fn period_figure(values: &[&str], rule: &str) -> String {
    let numbers: Vec<f64> = values.iter().map(|v| v.parse().unwrap()).collect();
    let value = match rule {
        "cuoi_ky" => *numbers.last().unwrap(),
        "lon_nhat" => numbers.iter().cloned().fold(f64::MIN, f64::max),
        _ => numbers.iter().sum(),
    };
    vietnamese(value)
}

/// A number the Vietnamese way: "175.726", "3,7".
fn vietnamese(value: f64) -> String {
    let text = format!("{:.1}", value);
    let (whole, fraction) = text.split_once('.').unwrap();
    let digits: Vec<char> = whole.chars().collect();
    let mut grouped = String::new();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(*d);
    }
    if fraction == "0" {
        grouped
    } else {
        format!("{grouped},{fraction}")
    }
}

/// How a group's authority reads in a sentence.
fn authority(group: &Group) -> &'static str {
    if group.committee {
        "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"
    } else {
        "Trưởng Công an quận Lê Chân"
    }
}

fn recipients(group: &Group) -> String {
    match (group.collectives, group.individuals) {
        (0, i) => format!("{i} cá nhân"),
        (c, 0) => format!("{c} tập thể"),
        (c, i) => format!("{c} tập thể và {i} cá nhân"),
    }
}

fn joined(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

/// The place a press headline opens with and the organisers as the article
/// names them ("A phối hợp với B", the place said once), for the organisers
/// these tests give.
fn press_names(organisers: &[&str]) -> (&'static str, &'static str) {
    match organisers {
        [] => ("Quận Lê Chân", "Công an quận Lê Chân"),
        ["Công an quận Lê Chân", "Ủy ban MTTQ Việt Nam quận Lê Chân"] => {
            ("Quận Lê Chân", "Công an quận Lê Chân phối hợp với Ủy ban MTTQ Việt Nam quận")
        }
        ["Công an thành phố Hải Phòng", "Hội Liên hiệp Phụ nữ thành phố"] => {
            ("Thành phố Hải Phòng", "Công an thành phố Hải Phòng phối hợp với Hội Liên hiệp Phụ nữ thành phố")
        }
        other => panic!("no expected press names for {other:?}"),
    }
}

/// Builds the press summary of `conference` with `years` reviewed and
/// checks it reads as the press writes: headline, time and place first,
/// the organisers, delegates with rank or "đồng chí", results with
/// figures, direction, commendations by kind, byline; PDF, DOCX and TXT
/// carrying the same paragraphs.
fn check_press(conference: &Conference, years: u32, dir: &Path) {
    let input = conference.write(dir);
    let out = dir.join("out");
    build(&input, &out, &["--only", "tin-bai"]);
    let text = std::fs::read_to_string(out.join("tin-bai.txt")).unwrap();
    let paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
    let kind = conference.kind.unwrap_or("Chương trình phối hợp");
    let review = review(conference);
    let (place, organisers) = press_names(&conference.organisers);
    let headline = format!("{place} {review} {years} năm thực hiện {kind} số 12/CTr-CAQ-MTTQ");
    assert_eq!(paragraphs[0], headline, "{text}");

    let date: Vec<u32> = conference.reported.split('-').map(|p| p.parse().unwrap()).collect();
    let (month, day) = (date[1], date[2]);
    let part = match conference.session {
        Some("sang") => "Sáng",
        Some("chieu") => "Chiều",
        Some("toi") => "Tối",
        _ => "Ngày",
    };
    let mut lead = format!("{part} {day}-{month}, ");
    if let Some(place) = conference.place {
        lead += &format!("tại {place}, ");
    }
    lead += &format!(
        "{} tổ chức hội nghị{} {review} {years} năm thực hiện {kind} số 12/CTr-CAQ-MTTQ {} {} về “Xây dựng khu dân cư an toàn về an ninh, trật tự” (giai đoạn {}–{}).",
        organisers,
        if conference.online { " trực tuyến" } else { "" },
        if conference.parties.len() > 1 { "giữa" } else { "của" },
        joined(&conference.parties),
        conference.period.0,
        conference.period.1,
    );
    assert_eq!(paragraphs[1], lead, "{text}");

    let mut next = 2;
    if !conference.delegates.is_empty() {
        let delegates: Vec<String> = conference
            .delegates
            .iter()
            .map(|(rank, name, title)| match rank {
                Some(rank) => format!("{rank} {name}, {title}"),
                None => format!("đồng chí {name}, {title}"),
            })
            .collect();
        assert_eq!(paragraphs[next], format!("Dự hội nghị có {}.", delegates.join("; ")), "{text}");
        next += 1;
    }
    if !conference.metrics.is_empty() {
        let results = paragraphs[next];
        assert!(
            results.starts_with(&format!("Báo cáo tại hội nghị cho biết, qua {years} năm thực hiện ")),
            "{results}"
        );
        for (_, _, _, rule, values) in conference.metrics.iter().take(3) {
            let figure = period_figure(values, rule);
            assert!(
                results.contains(&format!(" {figure} ")) || results.contains(&format!(": {figure} ")),
                "{figure} missing: {results}"
            );
        }
        next += 1;
    }
    if let Some(direction) = conference.direction {
        assert_eq!(paragraphs[next], direction);
        next += 1;
    }
    if !conference.groups.is_empty() {
        let mut lines: Vec<String> = conference
            .groups
            .iter()
            .map(|g| {
                let form = if g.committee { "Bằng khen" } else { "Giấy khen" };
                format!("{} được {} tặng {form}", recipients(g), authority(g))
            })
            .collect();
        let commended: u32 = conference.groups.iter().filter_map(|g| g.commended).sum();
        if conference.groups.iter().any(|g| g.commended.is_some()) {
            lines.push(format!("{commended} lượt tập thể, cá nhân được biểu dương"));
        }
        assert_eq!(paragraphs[next], format!("Nhân dịp này, {}.", lines.join("; ")), "{text}");
        next += 1;
    }
    match conference.byline {
        Some((author, source)) => assert_eq!(paragraphs[next], format!("{author} – {source}")),
        None => assert_eq!(paragraphs.len(), next, "nothing after the commendations: {text}"),
    }
    for counted in ["đồng chí Đại", "đồng chí Thượng", "đồng chí Thiếu", "đồng chí Trung"] {
        assert!(!text.contains(counted), "doubled title {counted:?}: {text}");
    }
    assert!(!regex_like_zero_count(&text), "{text}");
    let pdf = pdf_text(&out.join("tin-bai.pdf"), None);
    let docx = docx_text(&out.join("tin-bai.docx"));
    for paragraph in &paragraphs {
        assert!(pdf.contains(&collapse(paragraph)), "PDF lacks {paragraph:?}:\n{pdf}");
        assert!(docx.contains(&collapse(paragraph)), "DOCX lacks {paragraph:?}:\n{docx}");
    }
}

/// Conferences like the seed articles report: a ward's sơ kết; a city's
/// tổng kết of a joint resolution, online, with the leader's direction,
/// commendations and a byline; a district's plan of one body, without
/// place or delegates; a three-party coordination rule counted by the clerk.
fn seed_like() -> Vec<(Conference, u32)> {
    vec![
        (ward(), 5),
        (
            Conference {
                final_review: true,
                kind: Some("Nghị quyết liên tịch"),
                parties: vec!["Bộ Công an", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam"],
                signed: "2008-06-12",
                period: (2008, 2018),
                reported: "2018-06-20",
                session: Some("chieu"),
                online: true,
                place: Some("điểm cầu Công an thành phố"),
                organisers: vec!["Công an thành phố Hải Phòng", "Hội Liên hiệp Phụ nữ thành phố"],
                delegates: vec![
                    (Some("Thiếu tướng"), "Trần Thị Ngọc Đẹp", "Cục trưởng Cục Xây dựng phong trào toàn dân bảo vệ ANTQ"),
                    (None, "Nguyễn Thị Hải", "Chủ tịch Hội Liên hiệp Phụ nữ thành phố"),
                ],
                direction: Some("Phát biểu chỉ đạo hội nghị, Thiếu tướng Trần Thị Ngọc Đẹp đề nghị các cấp Hội và lực lượng Công an tiếp tục phối hợp chặt chẽ, nhân rộng các mô hình hiệu quả."),
                byline: Some(("Minh Anh", "Cổng Thông tin điện tử Công an thành phố")),
                metrics: vec![
                    ("mo_hinh", "Mô hình phụ nữ tham gia giữ gìn an ninh, trật tự", Some("mô hình"), "lon_nhat", vec!["40", "52", "61", "58"]),
                    ("clb", "Câu lạc bộ phụ nữ với pháp luật", Some("CLB"), "cuoi_ky", vec!["20", "25", "31", "33"]),
                    ("tien", "Kinh phí hỗ trợ hội viên", Some("tỷ đồng"), "tong", vec!["0.8", "1.2", "0.9", "0.8"]),
                ],
                groups: vec![
                    Group { committee: true, decided: "2018-06-15", collectives: 3, individuals: 4, proposal: true, commended: Some(36) },
                    Group { committee: false, decided: "2018-06-16", collectives: 0, individuals: 2, proposal: true, commended: None },
                ],
                ..ward()
            },
            10,
        ),
        (
            Conference {
                kind: Some("Kế hoạch"),
                parties: vec!["Ủy ban nhân dân quận Lê Chân"],
                signed: "2021-01-05",
                period: (2021, 2023),
                reported: "2024-01-10",
                session: None,
                place: None,
                organisers: vec![],
                delegates: vec![],
                metrics: vec![("vu", "Vụ việc được hòa giải thành", Some("vụ"), "tong", vec!["12", "15", "20"])],
                groups: vec![Group { committee: true, decided: "2024-01-08", collectives: 1, individuals: 0, proposal: true, commended: None }],
                ..ward()
            },
            3,
        ),
        (
            Conference {
                final_review: true,
                kind: Some("Quy chế phối hợp"),
                parties: vec!["Công an quận Lê Chân", "Quận đoàn Lê Chân", "Hội Cựu chiến binh quận Lê Chân"],
                signed: "2012-04-02",
                period: (2014, 2022),
                reported: "2022-11-30",
                years: Some(8),
                session: Some("toi"),
                metrics: vec![],
                narrative: Some("Các bên đã phối hợp tổ chức nhiều hoạt động tuyên truyền."),
                groups: vec![],
                byline: Some(("Hoàng Long", "Báo Hải Phòng")),
                ..ward()
            },
            8,
        ),
    ]
}

#[test]
fn press_summaries_of_seed_like_conferences_read_as_the_press_writes() {
    for (conference, years) in seed_like() {
        let dir = tempfile::tempdir().unwrap();
        check_press(&conference, years, dir.path());
    }
}

/// A small deterministic generator (xorshift), so every run sees the same
/// conferences.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.next(items.len())].clone()
    }
}

/// Review dates in every era of the legal bases.
const REVIEWS: [&str; 8] =
    ["2018-04-10", "2019-09-25", "2020-07-21", "2022-10-19", "2023-05-30", "2023-12-27", "2024-03-14", "2025-06-05"];

/// The years reviewed by the rule docs/dau-vao.md writes: from the
/// programme's date, or the period's first day when the programme is
/// older, to the period's end or the report when earlier, rounded.
fn documented_years(signed: &str, period: (i32, i32), reported: &str) -> u32 {
    let date = |text: &str| -> (i32, i32, i32) {
        let parts: Vec<i32> = text.split('-').map(|p| p.parse().unwrap()).collect();
        (parts[0], parts[1], parts[2])
    };
    let from = date(signed).max((period.0, 1, 1));
    let to = date(reported).min((period.1 + 1, 1, 1));
    let mut months = (to.0 - from.0) * 12 + to.1 - from.1;
    if to.2 < from.2 {
        months -= 1;
    }
    ((months + 6) / 12).max(1) as u32
}

/// A conference whose every choice comes from `seed`; the years its
/// programme ran are the second value.
fn generated(seed: u64) -> (Conference, u32) {
    let mut r = Seeded(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let reported = r.pick(&REVIEWS);
    let review_year: i32 = reported[..4].parse().unwrap();
    // Signed in the review's month some years before: whole years exactly.
    let years = 2 + r.next(8) as i32;
    let signed_year = review_year - years;
    let signed: &'static str = Box::leak(format!("{signed_year}{}", &reported[4..]).into_boxed_str());
    let metrics_pool: Vec<(&str, &str, Option<&str>, &str)> = vec![
        ("cuoc", "Cuộc tuyên truyền", Some("cuộc"), "tong"),
        ("luot", "Lượt người tham gia", Some("lượt người"), "tong"),
        ("khu_pho", "Số khu phố", Some("khu phố"), "cuoi_ky"),
        ("clb", "Câu lạc bộ phòng, chống tội phạm", Some("CLB"), "lon_nhat"),
        ("tien", "Kinh phí xã hội hóa", Some("tỷ đồng"), "tong"),
        ("tin", "Tin báo tố giác tội phạm", Some("tin"), "tong"),
    ];
    let count = r.next(4);
    let period = (signed_year.max(review_year - 6), review_year);
    let years = documented_years(signed, period, reported) as i32;
    let span = (period.1 - period.0) as usize;
    let metrics = (0..count)
        .map(|k| {
            let (code, name, unit, rule) = metrics_pool[(k + r.next(2)) % metrics_pool.len()];
            let values: Vec<&'static str> = (0..span.max(1))
                .map(|_| {
                    let v = if code == "tien" {
                        format!("{}.{}", r.next(4), 1 + r.next(9))
                    } else {
                        (1 + r.next(4000)).to_string()
                    };
                    &*Box::leak(v.into_boxed_str())
                })
                .collect();
            (code, name, unit, rule, values)
        })
        .fold(Vec::new(), |mut acc: Vec<Metric>, m| {
            if !acc.iter().any(|a| a.0 == m.0) {
                acc.push(m);
            }
            acc
        });
    let decided: &'static str = Box::leak(format!("{}-{:02}", &reported[..7], 1 + r.next(3)).into_boxed_str());
    let groups = (0..1 + r.next(2))
        .map(|_| Group {
            committee: r.next(2) == 0,
            decided,
            collectives: r.next(4),
            individuals: 1 + r.next(5),
            proposal: true,
            commended: (r.next(3) == 0).then(|| 1 + r.next(40) as u32),
        })
        .collect();
    let conference = Conference {
        final_review: r.next(2) == 0,
        kind: r.pick(&[None, Some("Kế hoạch liên tịch"), Some("Quy chế phối hợp"), Some("Nghị quyết liên tịch")]),
        parties: r.pick(&[
            vec!["Công an quận Lê Chân"],
            vec!["Công an quận Lê Chân", "Ủy ban MTTQ Việt Nam quận Lê Chân"],
            vec!["Công an quận Lê Chân", "Quận đoàn Lê Chân", "Hội Nông dân quận Lê Chân"],
        ]),
        signed,
        period,
        reported,
        session: r.pick(&[None, Some("sang"), Some("chieu")]),
        online: r.next(3) == 0,
        place: r.pick(&[None, Some("Hội trường Ủy ban nhân dân quận Lê Chân")]),
        organisers: r.pick(&[vec![], vec!["Công an quận Lê Chân", "Ủy ban MTTQ Việt Nam quận Lê Chân"]]),
        delegates: r.pick(&[
            vec![],
            vec![
                (Some("Thượng tá"), "Phạm Minh Tâm", "Phó Trưởng Công an quận"),
                (None, "Vũ Thị Lan", "Phó Chủ tịch UBND quận"),
            ],
        ]),
        byline: r.pick(&[None, Some(("Thu Ninh", "Báo An ninh Hải Phòng"))]),
        metrics,
        groups,
        ..ward()
    };
    (conference, years as u32)
}

#[test]
fn press_summaries_of_generated_conferences_read_as_the_press_writes() {
    for seed in 1..=6 {
        let (conference, years) = generated(seed);
        let dir = tempfile::tempdir().unwrap();
        check_press(&conference, years, dir.path());
    }
}

#[test]
fn reports_and_decisions_of_generated_conferences_say_each_fact_once_and_right() {
    for seed in 7..=12 {
        let (conference, years) = generated(seed);
        let dir = tempfile::tempdir().unwrap();
        let input = conference.write(dir.path());
        let out = dir.path().join("out");
        build(&input, &out, &["--only", "bao-cao,quyet-dinh", "--format", "pdf"]);
        let report = crate::common::pdf_body_text(&out.join("bao-cao.pdf"));
        let kind = conference.kind.unwrap_or("Chương trình phối hợp");
        assert!(
            report.contains(&format!("{} {years} năm thực hiện {kind} số", review(&conference))),
            "seed {seed}: {report}"
        );
        assert!(!regex_like_zero_count(&report), "seed {seed}: {report}");
        if !conference.metrics.is_empty() {
            let results = report.split("kết quả chủ yếu: ").nth(1).expect("results in prose");
            for (_, _, unit, rule, values) in &conference.metrics {
                let figure = period_figure(values, rule);
                assert!(results.contains(&figure), "seed {seed}: {figure} missing from the prose: {results}");
                if let Some(unit) = unit {
                    assert_eq!(
                        results.split("(chi tiết").next().unwrap().matches(&format!("{figure} {unit} {unit}")).count(),
                        0
                    );
                }
            }
        }
        for (g, group) in conference.groups.iter().enumerate() {
            let decision = pdf_text(&out.join(format!("quyet-dinh-{}.pdf", g + 1)), None);
            let decided: i32 = group.decided[..4].parse().unwrap();
            let bases = bases_of(&decision);
            let decree = if decided >= 2024 { "98/2023/NĐ-CP" } else { "91/2017/NĐ-CP" };
            assert!(bases.iter().any(|b| b.contains(decree)), "seed {seed}: {bases:#?}");
            assert_eq!(
                bases.iter().any(|b| b.contains("chính quyền địa phương")),
                group.committee,
                "seed {seed}: {bases:#?}"
            );
            assert!(bases.last().unwrap().starts_with("Xét đề nghị của") && bases.last().unwrap().ends_with('.'));
            assert!(bases.iter().all(|b| !b.contains("Căn cứ Căn cứ")));
            assert!(decision.contains(&format!("cho {} (có danh sách kèm theo)", recipients(group))), "seed {seed}");
            let kinds = match (group.collectives, group.individuals) {
                (0, _) => "các cá nhân",
                (_, 0) => "các tập thể",
                _ => "các tập thể, cá nhân",
            };
            assert!(
                decision.contains(&format!(
                    "có liên quan và {kinds} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
                )),
                "seed {seed}: {decision}"
            );
            assert!(!decision.contains("và các tập thể và"));
        }
    }
}
