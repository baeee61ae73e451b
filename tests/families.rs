//! Who issues and signs, over seeded generated inputs of each shape the
//! contract adds (input-schema "Additions 1.1", spec §9): a Party body's
//! report and decision (Hướng dẫn 36-HD/VPTW), a joint report of a Công
//! an and an Ủy ban MTTQ with one signer per body, and a Front decision
//! decided by its Ban Thường trực. Each is read back from the PDF
//! (pdftotext) and from the DOCX as LibreOffice prints it, and every DOCX
//! passes openxml-audit.

mod common;

use std::path::{Path, PathBuf};

use common::audit::audit;
use common::*;

const PROVINCES: [&str; 5] = ["QUẢNG NINH", "ĐẮK LẮK", "THÁI NGUYÊN", "NGHỆ AN", "CÀ MAU"];

/// The common tail of every generated input: a programme, a period,
/// metrics and a short narrative.
fn programme_and_results(parties: &[&str], number: &str, signed: &str) -> String {
    let parties: Vec<String> = parties.iter().map(|p| format!("    - \"{p}\"\n")).collect();
    format!(
        "chuong_trinh:\n  so: \"{number}\"\n  ngay: {signed}\n  ten: \"Phối hợp xây dựng phong trào “Dân vận khéo” \
         trong bảo đảm an ninh, trật tự\"\n  cac_ben:\n{}giai_doan: {{ tu: 2021, den: 2025 }}\n\
         chi_tieu:\n  - {{ ma: mo_hinh, ten: \"Mô hình tự quản về an ninh, trật tự\", don_vi: \"mô hình\" }}\n\
         tong_hop:\n  mo_hinh: 126\n\
         noi_dung:\n  tinh_hinh: |\n    Các cơ quan đã phối hợp chặt chẽ, nhân rộng các mô hình “Dân vận khéo”.\n",
        parties.concat()
    )
}

/// A Party body's input: a ban of the provincial committee or a commune
/// Party committee, its name typed with or without the parent, the number
/// typed the state's way or the Party's, the signer's mark typed "KT." or
/// "K/T"; the decision dated before or after Quy định 294-QĐ/TW.
struct PartyCase {
    yaml: String,
    abbreviation: String,
    decision_year: i32,
    /// The parent line as upper case, when there is one.
    parent: Option<String>,
    body: String,
}

fn party_case(seed: u64) -> PartyCase {
    let mut rng = Seeded(seed);
    let province = rng.pick(&PROVINCES);
    let (parent, body, abbreviation) = match rng.next(3) {
        0 => (Some(format!("TỈNH ỦY {province}")), "BAN TUYÊN GIÁO VÀ DÂN VẬN".to_string(), "BTGDVTU"),
        1 => (None, format!("BAN DÂN VẬN TỈNH ỦY {province}"), "BDVTU"),
        _ => (Some(format!("ĐẢNG BỘ TỈNH {province}")), "ĐẢNG ỦY XÃ TÂN LẬP".to_string(), "ĐU"),
    };
    let serial = 1 + rng.next(98);
    let number =
        if rng.next(2) == 0 { format!("{serial}/BC-{abbreviation}") } else { format!("{serial}-BC/{abbreviation}") };
    let mark = rng.pick(&["KT. TRƯỞNG BAN", "K/T TRƯỞNG BAN", "TM. BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ"]);
    let decision_year = [2024, 2026][rng.next(2)];
    let parent_line = parent.as_ref().map(|p| format!("  chu_quan: \"{p}\"\n")).unwrap_or_default();
    let group_parent = parent.as_ref().map(|p| format!("    co_quan_chu_quan: \"{p}\"\n")).unwrap_or_default();
    let yaml = format!(
        "phien_ban: 1\nvan_ban:\n  loai: so_ket\n  so_ky_hieu: \"{number}\"\n  dia_danh: \"Hạ Long\"\n  ngay: 2026-01-20\n\
         \x20 noi_nhan: [\"Thường trực Tỉnh ủy (để báo cáo)\", \"Lưu: Văn phòng\"]\n\
         co_quan:\n{parent_line}  ten: \"{body}\"\n  viet_tat: \"{abbreviation}\"\n\
         nguoi_ky: {{ the_thuc: \"{mark}\", chuc_vu: \"PHÓ TRƯỞNG BAN\", ho_ten: \"Nguyễn Thị Minh Hà\" }}\n\
         {}khen_thuong:\n  - hinh_thuc: giay_khen\n    cap_khen: \"{body}\"\n{group_parent}    co_quan: \"{body}\"\n\
         \x20   dia_danh: \"Hạ Long\"\n    quyet_dinh: {{ so: \"{serial}/QĐ-{abbreviation}\", ngay: {decision_year}-01-16, \
         de_nghi: \"Phòng Dân vận\" }}\n    nguoi_ky: {{ chuc_vu: \"TRƯỞNG BAN\", ho_ten: \"Trần Văn Phúc\" }}\n\
         \x20   thanh_tich: \"Đã có thành tích xuất sắc trong phong trào “Dân vận khéo”\"\n    danh_sach:\n\
         \x20     - {{ loai: tap_the, ten: \"Công an phường Hạ Long\" }}\n\
         \x20     - {{ loai: ca_nhan, danh_xung: \"Bà\", ten: \"Đỗ Thị Lan\", chuc_vu: \"Chi hội trưởng\" }}\n",
        programme_and_results(&["Ban Dân vận Tỉnh ủy", "Công an tỉnh"], "05-CTr/BDVTU-CAT", "2021-03-15")
    );
    PartyCase { yaml, abbreviation: abbreviation.to_string(), decision_year, parent, body }
}

/// A paper as text, from the PDF and from the DOCX as LibreOffice prints
/// it (converted beside `out`, so the audited folder holds only ours), the
/// two as many pages long.
fn both_texts(out: &Path, stem: &str) -> [(String, String); 2] {
    let pdf = out.join(format!("{stem}.pdf"));
    let converted = libreoffice_pdf(&out.join(format!("{stem}.docx")), &lo_dir(out));
    assert_eq!(pdf_pages(&converted), pdf_pages(&pdf), "{stem}: LibreOffice paginates the DOCX like the PDF");
    [("PDF".into(), collapse(&pdf_text(&pdf, None))), ("DOCX".into(), collapse(&pdf_text(&converted, None)))]
}

/// Where LibreOffice writes what it converts from `out`: a sibling folder.
fn lo_dir(out: &Path) -> PathBuf {
    out.with_file_name(format!("{}-lo", out.file_name().unwrap().to_str().unwrap()))
}

/// Every DOCX under the folders `outs` passes openxml-audit.
fn assert_audited(outs: &[PathBuf]) {
    for out in outs {
        let findings = audit(out);
        assert!(findings.is_empty(), "openxml-audit findings:\n{}", findings.join("\n"));
    }
}

fn write(dir: &Path, name: &str, yaml: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn party_bodies_issue_papers_as_hd36_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut outs = Vec::new();
    for seed in [2_u64, 5, 13] {
        let case = party_case(seed);
        let input = write(dir.path(), &format!("dang-{seed}.yaml"), &case.yaml);
        let (code, checked) = common::lists::check(&input, &[]);
        assert_eq!(code, Some(0), "{checked}");
        assert!(checked.contains("khoi: dang"), "check says the family it derived: {checked}");
        let out = dir.path().join(format!("out-{seed}"));
        outs.push(out.clone());
        build(&input, &out, &["--only", "bao-cao,quyet-dinh,khen"]);
        let serial_and_kind = |kind: &str| format!("-{kind}/{}", case.abbreviation);
        for (format, report) in both_texts(&out, "bao-cao") {
            let first_page = report.split("Phần I").next().unwrap();
            assert!(first_page.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{format}: {first_page}");
            assert!(!report.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") && !report.contains("Độc lập"), "{format}");
            assert!(first_page.contains(" * "), "{format}: the star under the body: {first_page}");
            assert!(first_page.contains(&format!("Số {}", "")), "{format}");
            assert!(!first_page.contains("Số:"), "{format}: no colon after Số: {first_page}");
            assert!(first_page.contains(&serial_and_kind("BC")), "{format}: the Party's number: {first_page}");
            if let Some(parent) = &case.parent {
                assert!(first_page.contains(parent.as_str()), "{format}: {first_page}");
            }
            assert!(first_page.contains("BÁO CÁO sơ kết 5 năm"), "{format}: the trích yếu lower-case: {first_page}");
            assert!(report.contains("K/T TRƯỞNG BAN") || report.contains("T/M BAN THƯỜNG VỤ"), "{format}: {report}");
            assert!(!report.contains("KT. ") && !report.contains("TM. "), "{format}: no NĐ 30 marks");
            assert!(report.contains("- Lưu Văn phòng."), "{format}: the archive line without a colon: {report}");
            assert!(report.contains("“Dân vận khéo”"), "{format}: quoted names keep their capitals");
        }
        for (format, decision) in both_texts(&out, "quyet-dinh-1") {
            assert!(decision.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && !decision.contains("Độc lập"), "{format}");
            assert!(decision.contains(&serial_and_kind("QĐ")), "{format}: {decision}");
            assert!(decision.contains("QUYẾT ĐỊNH về việc tặng Giấy khen"), "{format}: {decision}");
            assert!(decision.contains("- Căn cứ Điều lệ Đảng;"), "{format}: the Party's charter first: {decision}");
            let rule = if case.decision_year >= 2026 { "294-QĐ/TW" } else { "24-QĐ/TW, ngày 30/7/2021" };
            assert!(decision.contains(rule), "{format}: the rule in force in {}: {decision}", case.decision_year);
            if case.body.starts_with("BAN DÂN VẬN TỈNH ỦY") {
                let sentence = "Tặng Giấy khen của Ban Dân vận Tỉnh ủy";
                assert!(decision.contains(sentence), "{format}: «Tỉnh ủy» in sentences: {decision}");
            }
            assert!(!decision.contains("tỉnh Ủy"), "{format}: {decision}");
            // The attached list carries the Party's header too.
            let list = decision.split("DANH SÁCH").nth(1).expect("the attached list");
            assert!(decision.matches("ĐẢNG CỘNG SẢN VIỆT NAM").count() == 2, "{format}: {list}");
        }
        // The certificates: the Party's title, no Tiêu ngữ, its number.
        let sheet = collapse(&pdf_text(&out.join("khen-1.pdf"), Some((1, 1))));
        let words = docx_text(&out.join("khen-1.docx"));
        for (format, text) in [("PDF", &sheet), ("DOCX", &words)] {
            assert!(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && !text.contains("Độc lập"), "{format}: {text}");
            assert!(text.contains(&format!("Quyết định số {}", "")), "{format}");
            assert!(text.contains(&serial_and_kind("QĐ")), "{format}: {text}");
        }
    }
    assert_audited(&outs);
}

/// A joint report of a provincial Công an and the province's Ủy ban MTTQ,
/// one signer each, the lead's side as `side` says (or the default).
fn joint_yaml(province: &str, side: Option<&str>, symbol: &str) -> String {
    let side = side.map(|s| format!("  ky_chu_tri: {s}\n")).unwrap_or_default();
    format!(
        "phien_ban: 1\nvan_ban:\n  loai: so_ket\n  so_ky_hieu: \"{symbol}\"\n  dia_danh: \"Buôn Ma Thuột\"\n\
         \x20 ngay: 2026-03-10\n  noi_nhan: [\"Bộ Công an (để báo cáo)\", \"Lưu: VT\"]\n{side}\
         co_quan:\n  - {{ ten: \"CÔNG AN TỈNH {province}\", viet_tat: \"CAT\" }}\n\
         \x20 - {{ ten: \"ỦY BAN MTTQ VIỆT NAM TỈNH {province}\", viet_tat: \"MTTQ\" }}\n\
         nguoi_ky:\n  - {{ chuc_vu: \"GIÁM ĐỐC\", cap_bac: \"Đại tá\", ho_ten: \"Lê Văn Bình\" }}\n\
         \x20 - {{ the_thuc: \"TM. BAN THƯỜNG TRỰC\", chuc_vu: \"CHỦ TỊCH\", ho_ten: \"Y Ngọc Niê\" }}\n{}",
        programme_and_results(&["Công an tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"], "02/CTrPH-CAT-MTTQ", "2021-01-15")
    )
}

/// The column of the first line holding `needle` in pdftotext's layout.
fn column_of(layout: &str, needle: &str) -> usize {
    layout
        .lines()
        .find_map(|line| line.find(needle).map(|at| line[..at].chars().count()))
        .unwrap_or_else(|| panic!("«{needle}» not in:\n{layout}"))
}

#[test]
fn joint_papers_stack_the_bodies_and_sign_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut outs = Vec::new();
    let mut rng = Seeded(7);
    for (i, side) in [None, Some("trai"), Some("phai")].into_iter().enumerate() {
        let province = rng.pick(&PROVINCES);
        let input = write(dir.path(), &format!("lt-{i}.yaml"), &joint_yaml(province, side, "01/BCLT-CAT-MTTQ"));
        let out = dir.path().join(format!("out-{i}"));
        outs.push(out.clone());
        build(&input, &out, &["--only", "bao-cao"]);
        let converted = libreoffice_pdf(&out.join("bao-cao.docx"), &lo_dir(&out));
        assert_eq!(pdf_pages(&converted), pdf_pages(&out.join("bao-cao.pdf")), "LibreOffice's pages");
        for (format, pdf) in [("PDF", out.join("bao-cao.pdf")), ("DOCX", converted)] {
            let text = collapse(&pdf_text(&pdf, None));
            // The bodies stacked, the shared place said once under them.
            let stacked = format!("CÔNG AN ỦY BAN MTTQ VIỆT NAM TỈNH {province}");
            assert!(text.contains(&stacked), "{format}: {text}");
            assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{format}: a state paper keeps the Quốc hiệu");
            assert!(text.contains("Số: 01/BCLT-CAT-MTTQ"), "{format}");
            for words in ["GIÁM ĐỐC", "TM. BAN THƯỜNG TRỰC CHỦ TỊCH", "Đại tá Lê Văn Bình", "Y Ngọc Niê"]
            {
                assert!(text.contains(words), "{format}: «{words}» signs: {text}");
            }
            let sentence = format!("Công an tỉnh {}", title_case(province));
            assert!(text.contains(&sentence), "{format}: the bodies named in the sentences: {text}");
            // Nơi nhận under both blocks; the lead on the side asked.
            let layout = stdout_of("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
            let (lead, other) = (column_of(&layout, "Lê Văn Bình"), column_of(&layout, "Y Ngọc Niê"));
            if side == Some("trai") {
                assert!(lead < other, "{format}: the lead signs on the left:\n{layout}");
            } else {
                assert!(lead > other, "{format}: the lead signs on the right:\n{layout}");
            }
            let names_line = layout.lines().position(|l| l.contains("Lê Văn Bình")).unwrap();
            let recipients_line = layout.lines().position(|l| l.contains("Nơi nhận:")).unwrap();
            assert!(recipients_line > names_line, "{format}: Nơi nhận under the signatures:\n{layout}");
            assert!(layout.lines().nth(names_line).unwrap().contains("Y Ngọc Niê"), "{format}: names level");
        }
    }
    assert_audited(&outs);
}

/// "ĐẮK LẮK" → "Đắk Lắk".
fn title_case(upper: &str) -> String {
    upper
        .split(' ')
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_joint_paper_needs_one_signer_per_body_and_its_number_names_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let one_signer = joint_yaml("CÀ MAU", None, "01/BCLT-CAT-MTTQ")
        .replace("  - { the_thuc: \"TM. BAN THƯỜNG TRỰC\", chuc_vu: \"CHỦ TỊCH\", ho_ten: \"Y Ngọc Niê\" }\n", "");
    let input = write(dir.path(), "mot-nguoi-ky.yaml", &one_signer);
    let (code, text) = common::lists::check(&input, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("mot-nguoi-ky.yaml:") && text.contains("nguoi_ky"), "{text}");
    assert!(text.contains("2 cơ quan") && text.contains("1 người ký"), "{text}");
    let (code, english) = common::lists::check(&input, &["--lang", "en"]);
    assert_eq!(code, Some(2));
    assert!(english.contains("2 bodies") && english.contains("1 signers"), "{english}");
    let out = dir.path().join("out");
    let output = baocao(&["build", input.to_str().unwrap(), "-o", out.to_str().unwrap()], &root());
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(), "no half-written output");

    let half_number = write(dir.path(), "ky-hieu.yaml", &joint_yaml("CÀ MAU", None, "01/BC-CAT"));
    let (code, text) = common::lists::check(&half_number, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("«MTTQ»") && text.contains("01/BC-CAT"), "a warning names the body left out: {text}");
}

/// A Front award decided by the Ban Thường trực of a Front committee: the
/// authority line says who decides, the certificate's authority stays
/// `cap_khen`, the bases are the Front's as in force on the date, and a
/// group awarded for another movement has its own subject.
fn front_yaml(date: &str, authority: bool, own_subject: bool) -> String {
    let authority = if authority {
        "    tham_quyen: \"BAN THƯỜNG TRỰC ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM\"\n"
    } else {
        ""
    };
    let subject = if own_subject {
        "    trich_yeu: \"có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025\"\n"
    } else {
        ""
    };
    format!(
        "phien_ban: 1\nvan_ban:\n  loai: so_ket\n  so_ky_hieu: \"12/BC-MTTW\"\n  dia_danh: \"Hà Nội\"\n  ngay: {date}\n\
         \x20 noi_nhan: [\"Lưu: VT\"]\nco_quan: {{ ten: \"ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM\", viet_tat: \"MTTW\" }}\n\
         nguoi_ky: {{ the_thuc: \"TM. BAN THƯỜNG TRỰC\", chuc_vu: \"CHỦ TỊCH\", ho_ten: \"Trần Văn Hòa\" }}\n{}\
         khen_thuong:\n  - hinh_thuc: bang_khen\n    cap_khen: \"ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM\"\n{authority}{subject}\
         \x20   co_quan: \"ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM\"\n    dia_danh: \"Hà Nội\"\n\
         \x20   quyet_dinh: {{ so: \"222/QĐ-MTTW\", ngay: {date}, de_nghi: \"Ban Phong trào\" }}\n\
         \x20   nguoi_ky: {{ the_thuc: \"TM. BAN THƯỜNG TRỰC\", chuc_vu: \"CHỦ TỊCH\", ho_ten: \"Trần Văn Hòa\" }}\n\
         \x20   thanh_tich: \"Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc\"\n\
         \x20   danh_sach:\n      - {{ loai: tap_the, ten: \"Ban Công tác Mặt trận khu dân cư số 3\" }}\n",
        programme_and_results(&["Bộ Công an", "Ủy ban Trung ương MTTQ Việt Nam"], "09/CTr-BCA-MTTW", "2021-08-01")
    )
}

#[test]
fn front_decisions_name_who_decides_and_cite_the_front_s_bases() {
    let dir = tempfile::tempdir().unwrap();
    let mut outs = Vec::new();
    for (i, date) in ["2025-12-01", "2024-06-10"].into_iter().enumerate() {
        let input = write(dir.path(), &format!("mttq-{i}.yaml"), &front_yaml(date, true, i == 0));
        let (code, checked) = common::lists::check(&input, &[]);
        assert_eq!(code, Some(0), "{checked}");
        assert!(checked.contains("khoi: mat_tran"), "{checked}");
        assert!(!checked.contains("tham_quyen"), "the authority agrees with the signature: {checked}");
        let out = dir.path().join(format!("out-{i}"));
        outs.push(out.clone());
        build(&input, &out, &["--only", "quyet-dinh"]);
        for (format, text) in both_texts(&out, "quyet-dinh-1") {
            let authority = "BAN THƯỜNG TRỰC ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM Căn cứ";
            assert!(text.contains(authority), "{format}: the authority line is who signs: {text}");
            assert!(text.contains("TM. BAN THƯỜNG TRỰC CHỦ TỊCH"), "{format}: {text}");
            assert!(
                text.contains("Tặng Bằng khen của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
                "{format}: the certificate's authority stays cap_khen, capitals kept: {text}"
            );
            assert!(text.contains("Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015"), "{format}");
            assert!(text.contains("Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;"), "{format}");
            assert!(!text.contains("Luật Tổ chức chính quyền địa phương"), "{format}: not a People's Committee");
            let (amended, decree) = if i == 0 { (true, "152/2025/NĐ-CP") } else { (false, "98/2023/NĐ-CP") };
            assert_eq!(text.contains("97/2025/QH15"), amended, "{format}: the 2025 amendment from 01/7/2025: {text}");
            assert!(text.contains(decree), "{format}: the decree in force on {date}: {text}");
            let list_note = "năm 2025 của Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam)";
            if i == 0 {
                let own = "QUYẾT ĐỊNH Về việc tặng Bằng khen cho các tập thể có thành tích xuất sắc trong phong \
                           trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025";
                assert!(text.contains(own), "{format}: the group's own subject: {text}");
                assert!(text.contains(list_note), "{format}: the list is attached to who decided: {text}");
            } else {
                assert!(text.contains("trong thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW"), "{format}");
            }
        }
    }
    // Without tham_quyen the authority line would be the committee's while
    // its Ban Thường trực signs: check says so and names the key.
    let input = write(dir.path(), "mttq-no-authority.yaml", &front_yaml("2025-12-01", false, false));
    let (code, checked) = common::lists::check(&input, &[]);
    assert_eq!(code, Some(0), "{checked}");
    assert!(checked.contains("khen_thuong[0].tham_quyen") && checked.contains("«TM. BAN THƯỜNG TRỰC»"), "{checked}");
    let suggested = "«BAN THƯỜNG TRỰC ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM»";
    assert!(checked.contains(suggested), "the example is this body's: {checked}");
    // A Party committee's decision signed for its Ban Thường vụ: the
    // example names that committee's Ban Thường vụ, not the Front's, in
    // both languages.
    for seed in [21_u64, 34] {
        let case = party_case(seed);
        let yaml = case.yaml.replace(
            "nguoi_ky: { chuc_vu: \"TRƯỞNG BAN\", ho_ten: \"Trần Văn Phúc\" }",
            "nguoi_ky: { the_thuc: \"T/M BAN THƯỜNG VỤ\", chuc_vu: \"BÍ THƯ\", ho_ten: \"Trần Văn Phúc\" }",
        );
        assert_ne!(yaml, case.yaml, "the generated decision's signer");
        let input = write(dir.path(), &format!("dang-thuong-vu-{seed}.yaml"), &yaml);
        let suggested = format!("«BAN THƯỜNG VỤ {}»", case.body);
        for lang in ["vi", "en"] {
            let (code, checked) = common::lists::check(&input, &["--lang", lang]);
            assert_eq!(code, Some(0), "{checked}");
            assert!(checked.contains("khen_thuong[0].tham_quyen"), "{lang}: {checked}");
            assert!(checked.contains(&suggested), "{lang}: the example is this committee's: {checked}");
            assert!(!checked.contains("MẶT TRẬN"), "{lang}: no Front example for a Party body: {checked}");
        }
    }
    assert_audited(&outs);
}

#[test]
fn init_writes_a_sample_of_each_shape_and_v1_samples_stay_state_papers() {
    let dir = tempfile::tempdir().unwrap();
    for (shape, name, header) in
        [("dang", "mau-dang", "ĐẢNG CỘNG SẢN VIỆT NAM"), ("lien-tich", "mau-lien-tich", "ỦY BAN MTTQ VIỆT NAM")]
    {
        let sample = dir.path().join(shape);
        let made = baocao(&["init", sample.to_str().unwrap(), "--mau", shape], &root());
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        let out = dir.path().join(name);
        build(&sample.join(format!("{name}.yaml")), &out, &["--only", "bao-cao", "--format", "pdf"]);
        let text = collapse(&pdf_text(&out.join("bao-cao.pdf"), Some((1, 1))));
        assert!(text.contains(header), "{name}: {text}");
    }
    let out = dir.path().join("v1");
    build(&sample_input(), &out, &["--only", "bao-cao", "--format", "pdf"]);
    let text = collapse(&pdf_text(&out.join("bao-cao.pdf"), Some((1, 1))));
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && text.contains("Số: 125/BC-CAHP"), "{text}");
}

/// `baocao summary` of one input over its period, into `out`.
fn summary(input: &Path, out: &Path) {
    let output = baocao(
        &[
            "summary",
            "--from",
            "2021",
            "--to",
            "2025",
            "--ngay",
            "2026-02-02",
            "-o",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        &root(),
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn the_period_summary_follows_the_family_of_its_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let mut outs = Vec::new();
    for seed in [3_u64, 8] {
        let case = party_case(seed);
        let input = write(dir.path(), &format!("dang-{seed}.yaml"), &case.yaml);
        let out = dir.path().join(format!("tong-hop-dang-{seed}"));
        summary(&input, &out);
        outs.push(out.clone());
        for (format, text) in both_texts(&out, "tong-hop") {
            let at = |what: &str| format!("{format} (seed {seed}): {what}\n{text}");
            assert!(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{}", at("the Party's title"));
            assert!(!text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") && !text.contains("Độc lập"), "{}", at("no Quốc hiệu"));
            assert!(text.contains(" * "), "{}", at("the star under the body"));
            assert!(!text.contains("Số:"), "{}", at("no colon after Số"));
            assert!(text.contains(&format!("-BC/{}", case.abbreviation)), "{}", at("the Party's number"));
            if let Some(parent) = &case.parent {
                assert!(text.contains(parent.as_str()), "{}", at("the parent committee"));
            }
            assert!(text.contains("K/T TRƯỞNG BAN") || text.contains("T/M BAN THƯỜNG VỤ"), "{}", at("T/M, K/T"));
            assert!(!text.contains("KT. ") && !text.contains("TM. "), "{}", at("no NĐ 30 marks"));
            assert!(text.contains("- Lưu Văn phòng."), "{}", at("the Party's archive line"));
        }
    }
    let mut rng = Seeded(11);
    let province = rng.pick(&PROVINCES);
    let input = write(dir.path(), "lien-tich.yaml", &joint_yaml(province, None, "01/BCLT-CAT-MTTQ"));
    let out = dir.path().join("tong-hop-lien-tich");
    summary(&input, &out);
    outs.push(out.clone());
    for (format, text) in both_texts(&out, "tong-hop") {
        let stacked = format!("CÔNG AN ỦY BAN MTTQ VIỆT NAM TỈNH {province}");
        assert!(text.contains(&stacked), "{format}: the joint bodies stacked: {text}");
        for words in ["GIÁM ĐỐC", "TM. BAN THƯỜNG TRỰC CHỦ TỊCH", "Đại tá Lê Văn Bình", "Y Ngọc Niê"]
        {
            assert!(text.contains(words), "{format}: «{words}» signs the summary too: {text}");
        }
    }
    assert_audited(&outs);
}

/// The box of the first line of page 1 holding `first`…`last` (pt), from
/// `pdftotext -bbox`: (x min, x max, y max).
fn line_box(pdf: &Path, first: &str, last: &str) -> (f32, f32, f32) {
    let html = stdout_of("pdftotext", &["-bbox", "-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"]);
    let words: Vec<(String, [f32; 4])> = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let start = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            let text = l.split('>').nth(1).unwrap().split('<').next().unwrap().to_string();
            (text, [attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")])
        })
        .collect();
    let start = words.iter().position(|(w, _)| w == first).unwrap_or_else(|| panic!("«{first}» on page 1"));
    let end = start + words[start..].iter().position(|(w, _)| w == last).unwrap();
    let y_max = words[start..=end].iter().map(|(_, b)| b[3]).fold(0.0, f32::max);
    (words[start].1[0], words[end].1[2], y_max)
}

#[test]
fn a_party_certificate_has_the_rule_under_its_title_as_long_as_the_title() {
    let dir = tempfile::tempdir().unwrap();
    for seed in [4_u64, 9] {
        let case = party_case(seed);
        let input = write(dir.path(), &format!("dang-{seed}.yaml"), &case.yaml);
        let out = dir.path().join(format!("khen-{seed}"));
        build(&input, &out, &["--only", "khen"]);
        let pdf = out.join("khen-1.pdf");
        let (left, right, bottom) = line_box(&pdf, "ĐẢNG", "NAM");
        // Page 1 in grey at 72 dpi: one pixel a point.
        let page = tool("pdftoppm", &["-r", "72", "-f", "1", "-l", "1", "-gray", pdf.to_str().unwrap()]).stdout;
        let header_end = page.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(2).unwrap().0 + 1;
        let width: usize =
            String::from_utf8_lossy(&page[3..header_end]).split_whitespace().next().unwrap().parse().unwrap();
        let dark = |x: usize, y: usize| page[header_end + y * width + x] < 128;
        // A row just under the title dark from one end of the title to the
        // other, and no further than a few points past either end.
        let ruled = (bottom as usize..bottom as usize + 10).find(|&y| {
            let across = (left as usize + 1..right as usize - 1).all(|x| dark(x, y));
            let beyond = dark(left as usize - 6, y) || dark(right as usize + 6, y);
            across && !beyond
        });
        assert!(ruled.is_some(), "seed {seed}: a rule under «ĐẢNG CỘNG SẢN VIỆT NAM» ({left}–{right}, {bottom})");
        // The DOCX draws it as the title paragraph's bottom border.
        let xml = docx_part(&out.join("khen-1.docx"), "word/document.xml");
        let title = xml.find("ĐẢNG CỘNG SẢN VIỆT NAM").expect("the title in the DOCX");
        let paragraph = &xml[xml[..title].rfind("<w:p>").or_else(|| xml[..title].rfind("<w:p ")).unwrap()..title];
        assert!(paragraph.contains("<w:bottom"), "seed {seed}: the DOCX title's rule: {paragraph}");
    }
}
