//! The decisions with their lists and the press summary, and the promise
//! that every paper of the pack tells the same counts and names.

mod common;

use std::path::{Path, PathBuf};

use baocao::input::{Input, LoaiNguoiNhan, NguoiNhan};
use common::*;

fn load(path: &Path) -> Input {
    baocao::input::load(path).expect("valid input")
}

/// Page numbers (1-based) of a PDF whose text contains `needle`.
fn pages_with(pdf: &Path, needle: &str) -> Vec<usize> {
    (1..=pdf_pages(pdf)).filter(|&p| pdf_text(pdf, Some((p, p))).contains(needle)).collect()
}

#[test]
fn decision_text_has_number_date_articles_counts_and_every_recipient() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "quyet-dinh", "--format", "pdf"]);
    let input = load(&sample_input());
    for (i, group) in input.khen_thuong.iter().enumerate() {
        let pdf = out.path().join(format!("quyet-dinh-{}.pdf", i + 1));
        let first_page = pdf_text(&pdf, Some((1, 1)));
        let text = pdf_text(&pdf, None);
        assert!(first_page.contains(&format!("Số: {}", group.quyet_dinh.so)), "{first_page}");
        assert!(first_page.contains(&format!("{}, {}", group.dia_danh, group.quyet_dinh.ngay.long())));
        for article in ["QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.", "./.", "Nơi nhận:", "- Như Điều 3;"]
        {
            assert!(text.contains(article), "{article} missing in decision {}:\n{text}", i + 1);
        }
        assert!(text.contains(&group.cap_khen), "authority line");
        assert!(text.contains(&group.nguoi_ky.ho_ten));
        for person in &group.danh_sach {
            assert!(text.contains(&person.ten), "{} missing from list {}", person.ten, i + 1);
        }
        assert!(text.contains(&format!(
            "(Kèm theo Quyết định số {} {}",
            group.quyet_dinh.so,
            group.quyet_dinh.ngay.long()
        )));
    }
    let first = pdf_text(&out.path().join("quyet-dinh-1.pdf"), None);
    assert!(first.contains("ngày 15 tháng 8 năm 2018"), "NĐ 30 date form: {first}");
    assert!(first.contains("Tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng cho 12 tập thể và 15 cá nhân (có danh sách kèm theo), đã có thành tích"));
    let second = pdf_text(&out.path().join("quyet-dinh-2.pdf"), None);
    assert!(
        second.contains("cho 1 tập thể và 2 cá nhân (có danh sách kèm theo)"),
        "counts without a leading zero: {second}"
    );
    for (decision, bases) in [
        (
            &first,
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;",
                "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
                "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1280/TTr-SNV ngày 10 tháng 8 năm 2018. QUYẾT ĐỊNH:",
            ],
        ),
        (
            &second,
            [
                "GIÁM ĐỐC CÔNG AN THÀNH PHỐ HẢI PHÒNG Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;",
                "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;",
                "Căn cứ Nghị định số 91/2017/NĐ-CP",
                "Xét đề nghị của Trưởng phòng Tổ chức cán bộ Công an thành phố. QUYẾT ĐỊNH:",
            ],
        ),
    ] {
        for basis in bases {
            assert!(decision.contains(basis), "{basis:?} missing:\n{decision}");
        }
    }
    assert!(!second.contains("chính quyền địa phương"), "the police do not act under the law on local government");
    assert!(
        first.contains("Điều 3. Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
        "{first}"
    );
    assert!(first.contains(
        "QUYẾT ĐỊNH Về việc tặng Bằng khen cho các tập thể, cá nhân có thành tích trong thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW"
    ));
}

#[test]
fn attached_list_starts_a_new_numbering_and_repeats_its_header_row() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "quyet-dinh", "--format", "pdf"]);
    let pdf = out.path().join("quyet-dinh-1.pdf");
    let list_pages = pages_with(&pdf, "Tên tập thể, cá nhân");
    assert!(list_pages.len() >= 2, "the sample list runs over two pages: {list_pages:?}");
    let list_start = list_pages[0];
    let start_text = pdf_text(&pdf, Some((list_start, list_start)));
    assert!(start_text.starts_with("ỦY BAN NHÂN DÂN"), "the list's first page is unnumbered: {start_text}");
    assert!(start_text.contains("DANH SÁCH") && !start_text.contains("Số: 2345"), "no number/date line on the list");
    let next = pdf_text(&pdf, Some((list_start + 1, list_start + 1)));
    assert!(next.starts_with("2 "), "the list's second page is numbered 2: {next}");
    assert!(next.contains("STT Tên tập thể, cá nhân Chức vụ, đơn vị"), "header row repeated: {next}");
}

#[test]
fn libreoffice_opens_the_decision_docx_with_its_list() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "quyet-dinh"]);
    let converted = libreoffice_pdf(&out.path().join("quyet-dinh-1.docx"), &out.path().join("lo"));
    let text = pdf_text(&converted, None);
    for needle in [
        "Số: 2345/QĐ-UBND",
        "Hải Phòng, ngày 15 tháng 8 năm 2018",
        "Điều 1.",
        "Điều 2.",
        "Điều 3.",
        "DANH SÁCH",
        "TẬP THỂ (12)",
        "CÁ NHÂN (15)",
    ] {
        assert!(text.contains(needle), "{needle} missing in LibreOffice's rendering:\n{text}");
    }
    for person in &load(&sample_input()).khen_thuong[0].danh_sach {
        assert!(text.contains(&person.ten), "{} missing", person.ten);
    }
    let list_pages = pages_with(&converted, "Tên tập thể, cá nhân");
    assert!(list_pages.len() >= 2, "header row repeated on the list's second page: {list_pages:?}");
    let page = |p: usize| pdf_text(&converted, Some((p, p)));
    assert!(page(1).starts_with("ỦY BAN NHÂN DÂN"), "the decision's first page is unnumbered: {}", page(1));
    assert!(page(list_pages[0]).starts_with("ỦY BAN NHÂN DÂN"), "the list's first page is unnumbered");
    assert!(page(list_pages[1]).starts_with("2 "), "the list's second page is numbered 2: {}", page(list_pages[1]));
    let xml = docx_part(&out.path().join("quyet-dinh-1.docx"), "word/document.xml");
    assert_eq!(xml.matches(r#"<w:pgNumType w:start="1""#).count(), 2, "each part numbered from 1");
}

#[test]
fn press_summary_names_conference_delegates_results_and_awards() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "tin-bai"]);
    let text = std::fs::read_to_string(out.path().join("tin-bai.txt")).unwrap();
    let input = load(&sample_input());
    assert!(
        text.starts_with("Thành phố Hải Phòng sơ kết 5 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW\n\n"),
        "the headline names the place: {text}"
    );
    assert!(
        text.contains(
            "\n\nSáng 21-8, tại Hội trường Công an thành phố Hải Phòng, Công an thành phố Hải Phòng phối hợp với Ủy ban MTTQ Việt Nam thành phố tổ chức hội nghị sơ kết 5 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW giữa Bộ Công an và Ủy ban Trung ương MTTQ Việt Nam về “Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới” (giai đoạn 2013–2018).\n\n"
        ),
        "time, place and both organisers first: {text}"
    );
    for delegate in &input.hoi_nghi.as_ref().unwrap().dai_bieu {
        assert!(text.contains(&delegate.ho_ten) && text.contains(&delegate.chuc_vu));
    }
    assert!(
        text.contains("Dự hội nghị có Thiếu tướng Trần Thị Ngọc Đẹp, Cục trưởng"),
        "rank without «đồng chí»: {text}"
    );
    assert!(text.contains("; đồng chí Lê Khắc Nam, Phó Chủ tịch UBND thành phố"), "«đồng chí» without a rank: {text}");
    assert!(!text.contains("đồng chí Thiếu tướng") && !text.contains("đồng chí Đại tá"), "no doubled title: {text}");
    let order: Vec<usize> =
        input.hoi_nghi.as_ref().unwrap().dai_bieu.iter().map(|d| text.find(&d.ho_ten).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "delegates in the order given");
    assert!(
        text.contains(
            "Báo cáo tại hội nghị cho biết, qua 5 năm thực hiện Chương trình, kết quả nổi bật là: 77 mô hình về bảo đảm ANTT do MTTQ các cấp xây dựng, nhân rộng; 10 CLB về bảo đảm ANTT; 315 mô hình do Công an đề xuất cấp ủy, chính quyền xây dựng, duy trì."
        ),
        "results in prose, in report order: {text}"
    );
    assert!(text.ends_with("\n\nThu Ninh – Báo An ninh Hải Phòng\n"), "byline last: {text}");
    assert!(!text.contains("{{") && !text.contains("  "), "no empty slot");
    let docx = docx_text(&out.path().join("tin-bai.docx"));
    assert!(docx.contains(
        "Nhân dịp này, 12 tập thể và 15 cá nhân được Chủ tịch Ủy ban nhân dân thành phố Hải Phòng tặng Bằng khen; 1 tập thể và 2 cá nhân được Giám đốc Công an thành phố Hải Phòng tặng Giấy khen."
    ));
    let pdf = pdf_text(&out.path().join("tin-bai.pdf"), None);
    for paragraph in text.split("\n\n") {
        assert!(pdf.contains(&collapse(paragraph)), "the PDF carries {paragraph:?}:\n{pdf}");
    }
}

#[test]
fn press_summary_drops_sentences_for_missing_optional_fields() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::fs::read_to_string(root().join("tests/fixtures/minimal.yaml")).unwrap();
    let input = dir.path().join("input.yaml");
    std::fs::write(&input, format!("{minimal}hoi_nghi:\n  ngay: 2020-01-04\n")).unwrap();
    build(&input, &dir.path().join("out"), &["--only", "tin-bai"]);
    let text = std::fs::read_to_string(dir.path().join("out/tin-bai.txt")).unwrap();
    assert!(text.contains("Ngày 4-1, Ủy ban nhân dân phường A tổ chức hội nghị sơ kết 5 năm thực hiện"), "{text}");
    for absent in ["Dự hội nghị", "Nhân dịp này", "phương hướng", ", tại ", "trực tuyến", " – "]
    {
        assert!(!text.contains(absent), "{absent:?} should be dropped:\n{text}");
    }
    assert!(!text.contains(" ,") && !text.contains(" .") && !text.contains("  "), "no empty slot:\n{text}");
}

/// How a list names a recipient: an individual with the title the list
/// gives, a collective by its name.
fn listed_name(person: &NguoiNhan) -> String {
    match &person.danh_xung {
        Some(title) if person.loai == LoaiNguoiNhan::CaNhan => format!("{title} {}", person.ten),
        _ => person.ten.clone(),
    }
}

/// Checks that every paper of the pack built from `input_path` tells each
/// award group the same way: `said[g]` is the sentence the report (and the
/// press summary) must print for group g, and its counts phrase is what
/// the decision must print.
fn check_pack_agrees(input_path: &Path, out: &Path, said: &[&str]) {
    build(input_path, out, &["--format", "pdf"]);
    let input = load(input_path);
    let report = common::pdf_body_text(&out.join("bao-cao.pdf"));
    let press = std::fs::read_to_string(out.join("tin-bai.txt")).unwrap_or_default();
    assert_eq!(said.len(), input.khen_thuong.len());
    for (i, (group, said)) in input.khen_thuong.iter().zip(said).enumerate() {
        let form = group.hinh_thuc.name();
        let (collective_list, individual_list): (Vec<&NguoiNhan>, Vec<&NguoiNhan>) =
            group.danh_sach.iter().partition(|p| p.loai == LoaiNguoiNhan::TapThe);
        let (collectives, individuals) = (collective_list.len(), individual_list.len());
        assert!(said.starts_with(&format!("{collectives} tập thể")) || collectives == 0, "{said}");
        assert!(said.contains(&format!("{individuals} cá nhân")) || individuals == 0, "{said}");
        let phrase = said.split(" được ").next().unwrap();
        assert!(report.contains(said), "report lacks {said:?}");
        if input.hoi_nghi.is_some() {
            assert!(press.contains(said), "press lacks {said:?}");
        }
        let decision = out.join(format!("quyet-dinh-{}.pdf", i + 1));
        let text = pdf_text(&decision, None);
        assert!(
            text.contains(&format!("Tặng {form} của"))
                && text.contains(&format!("cho {phrase} (có danh sách kèm theo)"))
        );
        // The list: each part numbered 1..n in list order, as many rows as records.
        let rows = pdf_layout_lines(&decision);
        for people in [collective_list, individual_list] {
            for (k, person) in people.iter().enumerate() {
                let name = listed_name(person);
                let start: String = name.split(' ').take(2).collect::<Vec<_>>().join(" ");
                let row = format!("{} {start}", k + 1);
                assert!(rows.iter().any(|r| r.starts_with(&row)), "row {row:?} missing from list {}", i + 1);
            }
        }
        if collectives > 0 {
            assert!(text.contains(&format!("TẬP THỂ ({collectives})")));
        }
        if individuals > 0 {
            assert!(text.contains(&format!("CÁ NHÂN ({individuals})")));
        }
        for person in &group.danh_sach {
            assert!(text.contains(&person.ten), "{} missing from decision {}", person.ten, i + 1);
        }
        // The certificates: one per list entry, in list order, each naming
        // its recipient as the list does — so every certificate's name is in
        // the list and every listed name has its certificate.
        let certificates = pdf_page_texts(&out.join(format!("khen-{}.pdf", i + 1)));
        assert_eq!(certificates.len(), group.danh_sach.len(), "certificates of group {}", i + 1);
        for (page, person) in certificates.iter().zip(&group.danh_sach) {
            let name = listed_name(person);
            assert!(page.contains(&name), "certificate of {name} missing");
            assert!(text.contains(&name), "{name} on a certificate but not in decision {}'s list", i + 1);
            assert!(page.contains(&format!("Quyết định số {}", group.quyet_dinh.so)));
        }
    }
}

#[test]
fn every_paper_of_the_sample_pack_agrees() {
    let out = tempfile::tempdir().unwrap();
    check_pack_agrees(
        &sample_input(),
        out.path(),
        &[
            "12 tập thể và 15 cá nhân được Chủ tịch Ủy ban nhân dân thành phố Hải Phòng tặng Bằng khen",
            "1 tập thể và 2 cá nhân được Giám đốc Công an thành phố Hải Phòng tặng Giấy khen",
        ],
    );
}

/// A copy of the sample whose first group lists `n` generated recipients:
/// every other one a collective, Vietnamese names from a few syllables,
/// register numbers in order (deterministic, like the benchmark generator).
pub fn generated_input(dir: &Path, n: usize) -> PathBuf {
    const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Ngọc", "Thanh", "Hữu"];
    const GIVEN: [&str; 11] = ["An", "Bình", "Cường", "Dũng", "Hằng", "Khuê", "Lộc", "Nghĩa", "Phượng", "Tâm", "Ước"];
    const UNITS: [&str; 5] = ["Công an", "Đội dân phòng", "Hội Cựu chiến binh", "Tổ tự quản", "Đoàn Thanh niên"];
    let mut csv = String::from("loai,danh_xung,ten,chuc_vu,don_vi,so_so\n");
    for i in 0..n {
        let number = i + 1;
        if i % 2 == 0 {
            let name = format!("{} {} {}", FAMILY[i % 8], MIDDLE[i / 8 % 6], GIVEN[i / 48 % 11]);
            let title = if MIDDLE[i / 8 % 6] == "Thị" { "Bà" } else { "Ông" };
            csv.push_str(&format!(
                "ca_nhan,{title},{name},Tổ trưởng tổ dân phố số {number},phường Hạ Lý,{number:04}\n"
            ));
        } else {
            csv.push_str(&format!("tap_the,,{} khu dân cư số {number},,quận Hồng Bàng,{number:04}\n", UNITS[i % 5]));
        }
    }
    std::fs::write(dir.join("ds.csv"), csv).unwrap();
    sample_with_list(dir, "ds.csv")
}

#[test]
fn every_paper_of_a_500_recipient_pack_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let input = generated_input(dir.path(), 500);
    assert_eq!(load(&input).khen_thuong[0].danh_sach.len(), 500);
    check_pack_agrees(
        &input,
        &dir.path().join("out"),
        &[
            "250 tập thể và 250 cá nhân được Chủ tịch Ủy ban nhân dân thành phố Hải Phòng tặng Bằng khen",
            "1 tập thể và 2 cá nhân được Giám đốc Công an thành phố Hải Phòng tặng Giấy khen",
        ],
    );
}
