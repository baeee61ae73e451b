//! The words of the papers as a Vietnamese official writes them:
//! capitalisation (NĐ 30 Phụ lục II) on real names, results in prose with
//! figures from the data, counts and years, the legal bases of decisions,
//! and the press summary — checked in what the binary prints.

mod common;
#[path = "wording/conference.rs"]
mod conference;
#[path = "wording/press.rs"]
mod press;

use baocao::text::case::{in_running_text, is_upper_case};

/// Real names typed for a header, and how running text writes them; the
/// flag says whether the rules are sure (else `check` shows the guess).
const NAMES: &[(&str, &str, bool)] = &[
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng", true),
    ("GIÁM ĐỐC CÔNG AN THÀNH PHỐ HẢI PHÒNG", "Giám đốc Công an thành phố Hải Phòng", true),
    ("CÔNG AN THÀNH PHỐ HẢI PHÒNG", "Công an thành phố Hải Phòng", true),
    ("BỘ TRƯỞNG BỘ CÔNG AN", "Bộ trưởng Bộ Công an", true),
    ("CHỦ TỊCH UBND TỈNH QUẢNG NAM", "Chủ tịch UBND tỉnh Quảng Nam", true),
    ("CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HẢI PHÒNG", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hải Phòng", true),
    ("ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", true),
    (
        "CỤC XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC",
        "Cục Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
        false,
    ),
    ("TRƯỞNG BAN CHỈ ĐẠO 799 THÀNH PHỐ", "Trưởng Ban Chỉ đạo 799 thành phố", true),
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "Ngân hàng Nhà nước Việt Nam", true),
    ("TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", "tỉnh, thành phố trực thuộc trung ương", true),
    ("ỦY BAN NHÂN DÂN QUẬN 1", "Ủy ban nhân dân Quận 1", true),
    ("CÔNG AN PHƯỜNG 15, QUẬN 10", "Công an Phường 15, Quận 10", true),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân Thành phố Hồ Chí Minh", true),
    ("THỦ ĐÔ HÀ NỘI", "Thủ đô Hà Nội", true),
    ("CÔNG AN HUYỆN EA H'LEO", "Công an huyện Ea H'leo", true),
    ("ỦY BAN NHÂN DÂN HUYỆN IA H'DRAI", "Ủy ban nhân dân huyện Ia H'Drai", true),
    ("CÔNG AN HUYỆN KRÔNG BÚK", "Công an huyện Krông Búk", true),
    ("CÔNG AN QUẬN HỒNG BÀNG", "Công an quận Hồng Bàng", true),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH NAM ĐỊNH", "Sở Lao động - Thương binh và Xã hội tỉnh Nam Định", true),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch", true),
    ("HỘI LIÊN HIỆP PHỤ NỮ XÃ LƯU KIẾM", "Hội Liên hiệp Phụ nữ xã Lưu Kiếm", true),
    ("ĐOÀN THANH NIÊN CÔNG AN THÀNH PHỐ", "Đoàn Thanh niên Công an thành phố", true),
    ("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Văn phòng Ủy ban nhân dân tỉnh Sơn La", true),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "Hội đồng nhân dân tỉnh Sơn La", true),
    ("PHÓ CHỦ TỊCH UBND THÀNH PHỐ", "Phó Chủ tịch UBND thành phố", true),
    ("THÀNH ỦY HẢI PHÒNG", "Thành ủy Hải Phòng", true),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ", true),
    ("SỞ TÀI CHÍNH", "Sở Tài chính", true),
    ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bộ Tài nguyên và Môi trường", true),
    ("CỤC TRƯỞNG CỤC V05 - BỘ CÔNG AN", "Cục trưởng Cục V05 - Bộ Công an", true),
    ("CHÁNH VĂN PHÒNG UBND THÀNH PHỐ", "Chánh Văn phòng UBND thành phố", true),
    ("ĐỘI CẢNH SÁT GIAO THÔNG CÔNG AN HUYỆN AN DƯƠNG", "Đội Cảnh sát giao thông Công an huyện An Dương", false),
    ("TRƯỜNG ĐẠI HỌC BÁCH KHOA HÀ NỘI", "Trường Đại học bách khoa hà nội", false),
    ("ỦY BAN NHÂN DÂN PHƯỜNG NGUYỄN THỊ MINH KHAI", "Ủy ban nhân dân phường Nguyễn Thị Minh Khai", false),
];

#[test]
fn names_typed_upper_case_are_written_in_running_text_by_the_rules() {
    let mut wrong = Vec::new();
    for (typed, expected, sure) in NAMES {
        assert!(is_upper_case(typed), "{typed}");
        let derived = in_running_text(typed);
        if derived.text != *expected || derived.unsure == *sure {
            wrong.push(format!(
                "{typed}\n   got {:?} (unsure: {})\n  want {expected:?} (unsure: {})",
                derived.text, derived.unsure, !sure
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn names_typed_in_normal_case_are_never_lowered() {
    for typed in
        ["Ủy ban MTTQ Việt Nam thành phố", "Công an TP. Hải Phòng", "Chương trình 09/CTr-BCA-MTTW", "huyện Ia H'Drai"]
    {
        let derived = in_running_text(typed);
        assert_eq!(derived.text, typed);
        assert!(!derived.unsure);
    }
    assert_eq!(in_running_text("09/CTR-BCA-MTTW").text, "09/CTR-BCA-MTTW", "codes keep their case");
}

use common::*;
use conference::*;

#[test]
fn years_are_counted_from_signing_to_review_and_written_without_a_zero() {
    assert!(regex_like_zero_count("báo cáo sơ kết 05 năm thực hiện") && regex_like_zero_count("cho 01 tập thể"));
    assert!(!regex_like_zero_count("ngày 20 tháng 02 năm 2016"));
    for (signed, period, reported, years, said) in [
        ("2013-08-01", (2013, 2018), "2018-08-21", None, "5 năm"),
        ("2011-01-15", (2011, 2015), "2016-02-20", None, "5 năm"),
        ("2011-03-15", (2011, 2015), "2016-01-10", None, "5 năm"),
        // The programme is older than the period: the period's years
        // (docs/dau-vao.md), not the programme's age (was "10 năm").
        ("2013-08-01", (2016, 2023), "2023-12-20", None, "8 năm"),
        ("2013-08-01", (2016, 2018), "2018-12-20", Some(3), "3 năm"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let input = Conference { signed, period, reported, years, groups: vec![], ..ward() }.write(dir.path());
        build(&input, &dir.path().join("out"), &["--only", "bao-cao,tin-bai", "--format", "pdf"]);
        let report = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
        let subject = format!("Sơ kết {said} thực hiện Chương trình phối hợp số 12/CTr-CAQ-MTTQ");
        assert!(report.contains(&subject), "{signed} → {reported}: {subject:?} missing:\n{report}");
        let press = std::fs::read_to_string(dir.path().join("out/tin-bai.txt")).unwrap();
        assert!(press.contains(&format!("hội nghị sơ kết {said} thực hiện")), "{press}");
        assert!(!regex_like_zero_count(&report), "no zero-padded count: {report}");
    }
}

/// True when `text` has a count with a leading zero ("05 năm", "03 cá
/// nhân"); dates keep NĐ 30's zero ("tháng 02 năm 2016").
fn regex_like_zero_count(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).any(|w| {
        let n = w[1].trim_start_matches('(');
        w[0] != "tháng"
            && n.len() == 2
            && n.starts_with('0')
            && n[1..].chars().all(|c| c.is_ascii_digit())
            && ["năm", "tập", "cá", "lượt"].contains(&w[2])
    })
}

#[test]
fn stocks_are_not_summed_in_the_table_the_prose_or_the_press() {
    let dir = tempfile::tempdir().unwrap();
    let input = ward().write(dir.path());
    build(&input, &dir.path().join("out"), &["--only", "bao-cao,tin-bai", "--format", "pdf"]);
    let report = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
    let clause = "đến năm 2017 có 12 khu phố";
    assert!(
        report.contains(&format!(
            "Sau 5 năm thực hiện, kết quả chủ yếu: 1.766 cuộc tuyên truyền; 175.726 lượt người tham gia; {clause} (chi tiết tại bảng dưới đây)."
        )),
        "{report}"
    );
    let rows = pdf_layout_lines(&dir.path().join("out/bao-cao.pdf"));
    assert!(rows.iter().any(|r| r == "3 Số khu phố khu phố 10 11 12 12 12 12"), "{rows:#?}");
    assert!(!report.contains("57 khu phố"), "a stock summed over its years");
    let press = std::fs::read_to_string(dir.path().join("out/tin-bai.txt")).unwrap();
    assert!(press.contains(&format!("175.726 lượt người tham gia; {clause}.")), "{press}");
}

#[test]
fn the_narrative_takes_its_figures_from_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Tổ chức {{cuoc}} cuộc tuyên truyền với {{luot}} lượt người tham gia (riêng năm 2015: {{luot 2015}}), hơn {{luot gon}} lượt người.";
    let input = Conference { narrative: Some(text), ..ward() }.write(dir.path());
    build(&input, &dir.path().join("out"), &["--only", "bao-cao", "--format", "pdf"]);
    let report = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
    assert!(
        report.contains(
            "Tổ chức 1.766 cuộc tuyên truyền với 175.726 lượt người tham gia (riêng năm 2015: 36.000), hơn 175,7 nghìn lượt người."
        ),
        "{report}"
    );
    assert!(!report.contains("kết quả chủ yếu"), "the figures are said once, by the narrative: {report}");
    let rows = pdf_layout_lines(&dir.path().join("out/bao-cao.pdf"));
    assert!(
        rows.iter().any(|r| r.starts_with("2 Lượt người") && r.ends_with(" 37.726 175.726")),
        "the table's figure: {rows:#?}"
    );
}

/// The căn cứ lines of a decision as printed, in order.
fn bases_of(decision: &str) -> Vec<String> {
    let body = decision.split("QUYẾT ĐỊNH:").next().unwrap();
    let start = body.find("Căn cứ").expect("a căn cứ line");
    body[start..].split_inclusive([';', '.']).map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

#[test]
fn decisions_cite_the_laws_of_their_date_and_their_signers_body() {
    let law_2003 = "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;";
    let decree_2017 = "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;";
    let law_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
    let decree_2023 = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;";
    let proposal = "Xét đề nghị của Đội trưởng Đội Tham mưu tại Tờ trình số 21/TTr-TM ngày 02 tháng 8 năm 2018.";
    let cases: [(bool, &str, &str, Vec<&str>); 4] = [
        (
            true,
            "2018-08-15",
            "2018-08-21",
            vec!["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", law_2003, "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;", decree_2017, proposal],
        ),
        (false, "2018-08-16", "2018-08-21", vec![law_2003, "Luật sửa đổi,", decree_2017, proposal]),
        (
            true,
            "2024-03-01",
            "2024-03-05",
            vec![
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
                law_2022,
                decree_2023,
                proposal,
            ],
        ),
        (false, "2024-03-01", "2024-03-05", vec![law_2022, decree_2023, proposal]),
    ];
    for (committee, decided, reported, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let group = Group { committee, decided, ..ward().groups[0].clone() };
        let input = Conference { reported, groups: vec![group], ..ward() }.write(dir.path());
        build(&input, &dir.path().join("out"), &["--only", "quyet-dinh", "--format", "pdf"]);
        let decision = pdf_text(&dir.path().join("out/quyet-dinh-1.pdf"), None);
        let bases = bases_of(&decision);
        assert_eq!(bases.len(), expected.len(), "{committee} {decided}: {bases:#?}");
        for (line, start) in bases.iter().zip(&expected) {
            assert!(line.starts_with(start), "{committee} {decided}: {line:?} should start {start:?}\n{bases:#?}");
        }
        assert_eq!(decision.matches("Căn cứ Căn cứ").count(), 0);
    }
}

#[test]
fn typed_legal_bases_say_can_cu_once_and_the_proposal_closes_them() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = ward().yaml().replace(
        "      de_nghi:",
        "      can_cu:\n        - \"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\"\n        - \"Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ\"\n      de_nghi:",
    );
    let input = dir.path().join("hoi-nghi.yaml");
    std::fs::write(&input, yaml).unwrap();
    build(&input, &dir.path().join("out"), &["--only", "quyet-dinh", "--format", "pdf"]);
    let decision = pdf_text(&dir.path().join("out/quyet-dinh-1.pdf"), None);
    assert_eq!(
        bases_of(&decision),
        [
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;",
            "Xét đề nghị của Đội trưởng Đội Tham mưu tại Tờ trình số 21/TTr-TM ngày 02 tháng 8 năm 2018.",
        ]
    );
}

#[test]
fn check_warns_about_titles_missing_proposals_and_guessed_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut conference = ward();
    conference.groups[0].proposal = false;
    let yaml = conference
        .yaml()
        .replace("danh_xung: \"Ông\", ten: \"Nguyễn Văn An\"", "danh_xung: \"Ông\", ten: \"Cao Thị Hiếu\"")
        .replace("danh_xung: \"Bà\", ten: \"Trần Thị Bình\"", "danh_xung: \"Bà\", ten: \"Đinh Văn Trường\"")
        .replace(
            "\"TRƯỞNG CÔNG AN QUẬN LÊ CHÂN\"",
            "\"CỤC TRƯỞNG CỤC XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC\"",
        );
    std::fs::write(dir.path().join("hoi-nghi.yaml"), yaml).unwrap();
    let output = baocao(&["check", "hoi-nghi.yaml"], dir.path());
    let stderr = stderr_of(&output);
    assert!(output.status.success(), "warnings do not stop the run: {stderr}");
    let expected = [
        "cảnh báo: hoi-nghi.yaml:38:15: khen_thuong[0].cap_khen: «CỤC TRƯỞNG CỤC XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC» trong câu sẽ viết là «Cục trưởng Cục Xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc» (suy theo quy tắc viết hoa, chưa chắc chắn); nếu chưa đúng, hãy ghi cách viết đúng vào khóa khen_thuong[0].cap_khen_viet_thuong",
        "cảnh báo: hoi-nghi.yaml:41:5: khen_thuong[0].quyet_dinh: quyết định chưa có dòng «Xét đề nghị của …»: hãy ghi quyet_dinh.de_nghi",
        "cảnh báo: hoi-nghi.yaml:49:37: khen_thuong[0].danh_sach[2].danh_xung: danh xưng «Ông» không hợp với tên «Cao Thị Hiếu» (tên đệm «Thị»); hãy kiểm tra lại danh_xung",
        "cảnh báo: hoi-nghi.yaml:50:37: khen_thuong[0].danh_sach[3].danh_xung: danh xưng «Bà» không hợp với tên «Đinh Văn Trường» (tên đệm «Văn»); hãy kiểm tra lại danh_xung",
    ];
    for line in expected {
        assert!(stderr.contains(line), "{line:?} missing:\n{stderr}");
    }
    assert!(stderr.ends_with("hoi-nghi.yaml: hợp lệ.\n"), "{stderr}");
    let english = stderr_of(&baocao(&["--lang", "en", "check", "hoi-nghi.yaml"], dir.path()));
    assert!(english.contains("warning: hoi-nghi.yaml:49:37: khen_thuong[0].danh_sach[2].danh_xung: the title «Ông» does not fit the name «Cao Thị Hiếu» (middle name «Thị»); check danh_xung"), "{english}");
    let clean = ward().write(dir.path());
    for input in [clean, sample_input()] {
        let stderr = stderr_of(&baocao(&["check", input.to_str().unwrap()], dir.path()));
        assert!(!stderr.contains("cảnh báo"), "{} has nothing to warn about: {stderr}", input.display());
    }
}

#[test]
fn signs_vietnamese_documents_use_pass_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Xây dựng nhà văn hóa 120 m², bể chứa 5 m³; nhiệt độ 30°C; tỷ lệ tái phạm 1,2‰; khu tập thể № 5… “Ngày hội” – «Toàn dân»";
    let input = Conference { narrative: Some(text), ..ward() }.write(dir.path());
    build(&input, &dir.path().join("out"), &["--only", "bao-cao", "--format", "pdf"]);
    assert!(pdf_text(&dir.path().join("out/bao-cao.pdf"), None).contains(text));
}
