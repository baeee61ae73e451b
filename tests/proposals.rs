//! Proposals sent up: a group marked `to_trinh` gets its tờ trình đề nghị
//! khen thưởng (`to-trinh-N`, NĐ 30 layout, its list attached) — over the
//! samples given a tờ trình and generated wards (several groups, long
//! names, 1 and 300 recipients): the counts in the proposal sentence are
//! the list's, every recipient is listed, the text keeps inside the
//! margins, the list starts its own pages, LibreOffice reads the DOCX alike
//! and openxml-audit finds nothing; a province's decision says «Xét đề nghị
//! của …» once per proposing body, in list order; bad keys are located.

mod common;

use std::path::{Path, PathBuf};

use baocao::input::{Input, LoaiNguoiNhan};
use common::*;

fn load(path: &Path) -> Input {
    baocao::input::load(path).expect("valid input")
}

/// The samples with a tờ trình added to their first group.
fn samples_with_proposals(dir: &Path) -> Vec<PathBuf> {
    let hai_phong = std::fs::read_to_string(sample_input()).unwrap().replacen(
        "    thanh_tich: \"Đã có thành tích xuất sắc trong 5 năm",
        "    to_trinh: { so: \"312/TTr-CAHP\", ngay: 2018-08-05 }\n    thanh_tich: \"Đã có thành tích xuất sắc trong 5 năm",
        1,
    );
    std::fs::copy(root().join("inputs/hai-phong-2018-bang-khen.csv"), dir.join("hai-phong-2018-bang-khen.csv"))
        .unwrap();
    let one_year = std::fs::read_to_string(root().join("inputs/mot-nam-2025.yaml")).unwrap().replacen(
        "    thanh_tich: \"Đã có thành tích xuất sắc trong thực hiện Kế hoạch liên tịch",
        "    to_trinh:\n      so: \"40/TTr-CAX\"\n      ngay: 2025-12-10\n      kinh_gui: \"Ủy ban nhân dân xã Kim Sơn\"\n      noi_nhan: [\"Như trên\", \"Ủy ban MTTQ Việt Nam xã\", \"Lưu: VT\"]\n    thanh_tich: \"Đã có thành tích xuất sắc trong thực hiện Kế hoạch liên tịch",
        1,
    );
    assert!(hai_phong.contains("to_trinh") && one_year.contains("to_trinh"), "the samples changed: update this test");
    let paths = [("hai-phong.yaml", hai_phong), ("mot-nam.yaml", one_year)];
    paths
        .into_iter()
        .map(|(name, yaml)| {
            let path = dir.join(name);
            std::fs::write(&path, yaml).unwrap();
            path
        })
        .collect()
}

const SURNAMES: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thu", "Ngọc"];
const GIVEN: &[&str] = &["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khánh", "Lan", "Long", "Thảo"];
const UNITS: &[&str] = &[
    "Tổ an ninh, trật tự khu phố",
    "Ban Công tác Mặt trận khu dân cư",
    "Tổ dân phố",
    "Đội dân phòng khu phố",
    "Chi hội Cựu chiến binh, Chi hội Phụ nữ và Chi đoàn Thanh niên liên khu dân cư",
];
const WARDS: &[&str] = &["Hạ Lý", "Nguyễn Trãi Thượng Đình Đông Nam", "Minh Khai", "Phan Bội Châu Lạch Tray"];

/// A generated ward's conference: three groups — the first (`first`
/// recipients) proposed to the city's chairman, the second awarded by the
/// ward itself, the third (`third` recipients) proposed to the city police.
fn ward(seed: u64, first: usize, third: usize) -> String {
    let mut rng = Seeded(seed);
    let ward = rng.pick(WARDS).to_string();
    let upper_ward = ward.to_uppercase();
    let rows = |count: usize, rng: &mut Seeded| -> String {
        let mut yaml = String::new();
        for n in 0..count {
            if n % 3 == 0 {
                let unit = rng.pick(UNITS);
                yaml.push_str(&format!("      - {{ loai: tap_the, ten: \"{unit} số {}, phường {ward}\" }}\n", n + 1));
            } else {
                let name = format!("{} {} {}", rng.pick(SURNAMES), rng.pick(MIDDLE), rng.pick(GIVEN));
                let unit = rng.pick(UNITS);
                yaml.push_str(&format!(
                    "      - {{ loai: ca_nhan, danh_xung: \"Ông\", ten: \"{name} {}\", chuc_vu: \"Tổ trưởng\", don_vi: \"{unit} số {}\" }}\n",
                    n + 1,
                    n + 1
                ));
            }
        }
        yaml
    };
    let (first_rows, second_rows, third_rows) = (rows(first, &mut rng), rows(4, &mut rng), rows(third, &mut rng));
    format!(
        r#"phien_ban: 1
van_ban:
  loai: so_ket
  so_ky_hieu: "88/BC-UBND"
  dia_danh: "Hải Phòng"
  ngay: 2025-11-20
  noi_nhan: ["Ủy ban nhân dân thành phố", "Lưu: VT"]
co_quan:
  chu_quan: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
  ten: "ỦY BAN NHÂN DÂN PHƯỜNG {upper_ward}"
nguoi_ky: {{ the_thuc: "TM. ỦY BAN NHÂN DÂN", chuc_vu: "CHỦ TỊCH", ho_ten: "Đỗ Thị Mai" }}
chuong_trinh:
  so: "12/CTr-UBND-MTTQ"
  ngay: 2021-03-15
  ten: "Phối hợp xây dựng khu dân cư an toàn về an ninh, trật tự"
  cac_ben: ["Ủy ban nhân dân phường {ward}", "Ủy ban MTTQ Việt Nam phường {ward}"]
giai_doan: {{ tu: 2021, den: 2025 }}
chi_tieu:
  - {{ ma: tuyen_truyen, ten: "Buổi tuyên truyền", don_vi: "buổi" }}
  - {{ ma: mo_hinh, ten: "Mô hình tự quản đang hoạt động", don_vi: "mô hình", cach_tinh: cuoi_ky }}
tong_hop: {{ tuyen_truyen: 1342, mo_hinh: 27 }}
khen_thuong:
  - hinh_thuc: bang_khen
    cap_khen: "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    co_quan: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    dia_danh: "Hải Phòng"
    quyet_dinh: {{ so: "/QĐ-UBND", ngay: 2025-12-01 }}
    nguoi_ky: {{ the_thuc: "KT. CHỦ TỊCH", chuc_vu: "PHÓ CHỦ TỊCH", ho_ten: "Lê Khắc Nam" }}
    to_trinh: {{ so: "45/TTr-UBND", ngay: 2025-11-18 }}
    danh_sach:
{first_rows}  - hinh_thuc: giay_khen
    cap_khen: "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG {upper_ward}"
    co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG {upper_ward}"
    dia_danh: "Hải Phòng"
    quyet_dinh: {{ so: "90/QĐ-UBND", ngay: 2025-11-19 }}
    nguoi_ky: {{ the_thuc: "TM. ỦY BAN NHÂN DÂN", chuc_vu: "CHỦ TỊCH", ho_ten: "Đỗ Thị Mai" }}
    danh_sach:
{second_rows}  - hinh_thuc: giay_khen
    cap_khen: "GIÁM ĐỐC CÔNG AN THÀNH PHỐ HẢI PHÒNG"
    co_quan: "CÔNG AN THÀNH PHỐ HẢI PHÒNG"
    dia_danh: "Hải Phòng"
    quyet_dinh: {{ so: "/QĐ-CAHP", ngay: 2025-12-02 }}
    nguoi_ky: {{ chuc_vu: "GIÁM ĐỐC", cap_bac: "Thiếu tướng", ho_ten: "Vũ Thanh Chương" }}
    to_trinh:
      so: "46/TTr-UBND"
      ngay: 2025-11-18
      can_cu: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Hướng dẫn số 7/HD-CAHP ngày 02 tháng 3 năm 2025 của Công an thành phố"]
    danh_sach:
{third_rows}"#
    )
}

/// Counts of the list attached to a tờ trình, read from the PDF's pages
/// after "(Kèm theo Tờ trình": rows numbered under "I"/"II" headings, by
/// the heading's kind.
fn listed_counts(pdf: &Path) -> (usize, usize) {
    let lines = pdf_layout_lines(pdf);
    let start = lines.iter().position(|l| l.contains("DANH SÁCH")).expect("the attached list");
    let (mut collectives, mut individuals, mut part) = (0, 0, "");
    for line in &lines[start..] {
        let first = line.split(' ').next().unwrap_or("");
        if (first == "I" || first == "II") && line.contains("TẬP THỂ") {
            part = "tap_the";
        } else if (first == "I" || first == "II") && line.contains("CÁ NHÂN") {
            part = "ca_nhan";
        } else if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) && line.len() > first.len() {
            match part {
                "tap_the" => collectives += 1,
                "ca_nhan" => individuals += 1,
                _ => {}
            }
        }
    }
    (collectives, individuals)
}

/// "12 tập thể và 15 cá nhân" as the papers write counts.
fn phrase(collectives: usize, individuals: usize) -> String {
    match (collectives, individuals) {
        (0, n) => format!("{n} cá nhân"),
        (n, 0) => format!("{n} tập thể"),
        (c, i) => format!("{c} tập thể và {i} cá nhân"),
    }
}

/// Words of a PDF outside the NĐ 30 text area (left 30 mm, right 15 mm,
/// bottom 20 mm; the page number sits in the top margin), a line each.
fn outside_margins(pdf: &Path) -> Vec<String> {
    let html = stdout_of("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mm = 72.0 / 25.4;
    let (left, right, bottom) = (30.0 * mm - 1.0, (210.0 - 15.0) * mm + 1.0, (297.0 - 20.0) * mm + 1.0);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .filter_map(|l| {
            let attr = |name: &str| -> f32 {
                l.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
            };
            let word = l.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("");
            let inside = attr("xMin") >= left && attr("xMax") <= right && attr("yMax") <= bottom && attr("yMin") >= 0.0;
            (!inside).then(|| format!("{word} at x {}–{}, y {}", attr("xMin"), attr("xMax"), attr("yMax")))
        })
        .collect()
}

/// Every tờ trình of `input`, built into `out`: the number, place and
/// date, Kính gửi, the proposal sentence's counts equal to the list's and
/// the input's, every recipient listed after the letter's pages, inside
/// the margins; LibreOffice's print of the DOCX says the same.
fn check_proposals(input_path: &Path, out: &Path) {
    build(input_path, out, &["--only", "to-trinh"]);
    let input = load(input_path);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let mut made = 0;
    for (i, group) in input.khen_thuong.iter().enumerate() {
        let pdf = out.join(format!("to-trinh-{}.pdf", i + 1));
        let Some(proposal) = &group.to_trinh else {
            assert!(!pdf.exists(), "group {} proposes nothing, yet has a tờ trình", i + 1);
            continue;
        };
        made += 1;
        let text = pdf_body_text(&pdf);
        let first_page = pdf_text(&pdf, Some((1, 1)));
        assert!(first_page.contains(&format!("Số: {}", proposal.so)), "{first_page}");
        assert!(first_page.contains(&format!("{}, {}", input.van_ban.dia_danh, proposal.ngay.long())));
        assert!(first_page.contains("TỜ TRÌNH Về việc đề nghị tặng"), "{first_page}");
        let addressee = proposal.kinh_gui.clone().unwrap_or_else(|| {
            let authority = group.cap_khen.to_lowercase();
            let mut chars = authority.chars();
            chars.next().unwrap().to_uppercase().chain(chars).collect()
        });
        // The authority's place names keep their capitals: compare without case.
        assert!(
            first_page.to_lowercase().contains(&format!("kính gửi: {}.", addressee.to_lowercase())),
            "Kính gửi {addressee}: {first_page}"
        );
        let expected = {
            let collectives = group.danh_sach.iter().filter(|p| p.loai == LoaiNguoiNhan::TapThe).count();
            (collectives, group.danh_sach.len() - collectives)
        };
        assert_eq!(listed_counts(&pdf), expected, "the attached list of group {}", i + 1);
        let sentence =
            format!("tặng {} cho {} (có danh sách kèm theo)", group.hinh_thuc.name(), phrase(expected.0, expected.1));
        assert!(text.contains(&sentence), "«{sentence}» in tờ trình {}:\n{text}", i + 1);
        assert!(text.contains("kính trình") && text.contains("xem xét, quyết định./."), "{text}");
        assert!(text.contains(&input.nguoi_ky.ho_ten) && text.contains("Nơi nhận:"));
        assert!(text.contains(&format!("(Kèm theo Tờ trình số {} {}", proposal.so, proposal.ngay.long())), "{text}");
        // The list starts its own pages, after the letter's signature.
        let pages = pdf_page_texts(&pdf);
        let list_page = pages.iter().position(|p| p.contains("(Kèm theo Tờ trình")).unwrap();
        let signed = pages.iter().position(|p| p.contains(&input.nguoi_ky.ho_ten)).unwrap();
        assert!(signed < list_page && !pages[list_page].contains("Kính gửi"), "list on its own pages");
        let listed = collapse(&pages[list_page..].join(" "));
        for person in &group.danh_sach {
            assert!(collapse(&listed.replace(' ', "")).contains(&person.ten.replace(' ', "")), "{} listed", person.ten);
        }
        let outside = outside_margins(&pdf);
        assert!(outside.is_empty(), "tờ trình {} outside the margins: {outside:?}", i + 1);
        // LibreOffice's print of the DOCX says the same.
        let lo = out.join(format!("lo-{}", i + 1));
        std::fs::create_dir_all(&lo).unwrap();
        let converted = libreoffice_pdf(&out.join(format!("to-trinh-{}.docx", i + 1)), &lo);
        let lo_text = pdf_body_text(&converted);
        assert!(lo_text.contains(&sentence), "LibreOffice: {lo_text}");
        assert_eq!(listed_counts(&converted), expected, "LibreOffice's list of group {}", i + 1);
        let kinds: Vec<&str> = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"] == format!("to-trinh-{}.pdf", i + 1))
            .map(|f| f["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["to-trinh"], "manifest");
    }
    assert!(made > 0, "{} proposes something", input_path.display());
}

#[test]
fn samples_given_a_to_trinh_propose_their_group_with_the_lists_counts() {
    let dir = tempfile::tempdir().unwrap();
    for (n, input) in samples_with_proposals(dir.path()).iter().enumerate() {
        let out = dir.path().join(format!("out-{n}"));
        check_proposals(input, &out);
    }
    // Without a tờ trình nothing is proposed: the sample's pack has none.
    let plain = dir.path().join("plain");
    build(&sample_input(), &plain, &["--only", "to-trinh,bao-cao", "--format", "pdf"]);
    let names: Vec<String> =
        std::fs::read_dir(&plain).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.starts_with("to-trinh")), "{names:?}");
    let one_year = pdf_body_text(&dir.path().join("out-1/to-trinh-1.pdf"));
    assert!(one_year.contains("Kính gửi: Ủy ban nhân dân xã Kim Sơn."), "{one_year}");
    assert!(one_year.contains("- Ủy ban MTTQ Việt Nam xã;"), "{one_year}");
    assert!(one_year.contains("Căn cứ Nghị định số 152/2025/NĐ-CP"), "bases in force on the date: {one_year}");
    assert!(!one_year.contains("giai đoạn 2025 - 2025"), "{one_year}");
}

#[test]
fn generated_wards_propose_one_and_three_hundred_recipients() {
    let dir = tempfile::tempdir().unwrap();
    let mut audited = Vec::new();
    for (seed, first, third) in [(3_u64, 300, 1), (11, 7, 2)] {
        let input = dir.path().join(format!("phuong-{seed}.yaml"));
        std::fs::write(&input, ward(seed, first, third)).unwrap();
        let out = dir.path().join(format!("out-{seed}"));
        check_proposals(&input, &out);
        let third_text = pdf_body_text(&out.join("to-trinh-3.pdf"));
        assert!(third_text.contains("Căn cứ Hướng dẫn số 7/HD-CAHP"), "typed bases: {third_text}");
        assert!(!third_text.contains("Nghị định số 152/2025"), "typed bases replace the defaults");
        if first == 300 {
            let pages = pdf_pages(&out.join("to-trinh-1.pdf"));
            assert!(pages >= 10, "300 recipients take pages: {pages}");
        }
        audited.push(out);
    }
    // Only the papers: LibreOffice's profile beside them holds other files.
    let papers = dir.path().join("docx");
    std::fs::create_dir_all(&papers).unwrap();
    for (n, out) in audited.iter().enumerate() {
        for docx in audit::docx_files(out).iter().filter(|d| d.parent() == Some(out.as_path())) {
            std::fs::copy(docx, papers.join(format!("{n}-{}", docx.file_name().unwrap().to_string_lossy()))).unwrap();
        }
    }
    assert_eq!(audit::docx_files(&papers).len(), 4, "two tờ trình of each ward");
    let findings = audit::audit(&papers);
    assert!(findings.is_empty(), "openxml-audit: {findings:#?}");
}

/// A ward's whole pack: groups only proposed (a tờ trình, no decision
/// number yet) are told as proposed in the report, get no certificates,
/// receipt lists or call-ups; the group the ward awards itself keeps them.
/// A proposed group whose decision has its number (the sample) is told as
/// awarded.
#[test]
fn a_ward_pack_tells_proposed_groups_as_proposed() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = ward(11, 7, 2).replacen(
        "khen_thuong:",
        "hoi_nghi: { ngay: 2025-11-20, buoi: sang, dai_bieu: [{ ho_ten: \"Lê Văn Sơn\", chuc_vu: \"Phó Chủ tịch Ủy ban nhân dân thành phố\" }] }\nkhen_thuong:",
        1,
    );
    let input = dir.path().join("phuong.yaml");
    std::fs::write(&input, yaml).unwrap();
    let out = dir.path().join("out");
    build(&input, &out, &["--format", "pdf"]);
    let has = |name: &str| out.join(name).exists();
    assert!(has("to-trinh-1.pdf") && has("to-trinh-3.pdf") && !has("to-trinh-2.pdf"));
    assert!(has("khen-2.pdf") && !has("khen-1.pdf") && !has("khen-3.pdf"), "certificates of decided groups only");
    assert!(has("ky-nhan-2.pdf") && !has("ky-nhan-1.pdf") && !has("ky-nhan-3.pdf"));
    let loaded = load(&input);
    let body = collapse(&loaded.co_quan.ten.to_lowercase());
    let report = pdf_body_text(&out.join("bao-cao.pdf"));
    let proposed = format!(
        "đã đề nghị Chủ tịch Ủy ban nhân dân thành phố Hải Phòng tặng Bằng khen cho {} (Tờ trình số 45/TTr-UBND ngày 18 tháng 11 năm 2025); Giám đốc Công an thành phố Hải Phòng tặng Giấy khen cho {} (Tờ trình số 46/TTr-UBND ngày 18 tháng 11 năm 2025).",
        phrase(3, 4),
        phrase(1, 1)
    );
    assert!(report.contains(&proposed), "{proposed}\n{report}");
    assert!(report.to_lowercase().contains(&format!("{body} đã đề nghị")), "{report}");
    assert!(
        report.contains("cho 2 tập thể và 2 cá nhân") || report.contains("được Chủ tịch Ủy ban nhân dân phường"),
        "{report}"
    );
    assert!(!report.contains("Quyết định số /QĐ"), "no decision claimed: {report}");
    let script = pdf_body_text(&out.join("kich-ban.pdf"));
    assert!(script.contains("Quyết định số 90/QĐ-UBND") && !script.contains("/QĐ-CAHP"), "{script}");
    let press = pdf_body_text(&out.join("tin-bai.pdf"));
    assert!(
        !press.contains("Thành phố Hải Phòng tặng Bằng khen") && !press.contains("thành phố Hải Phòng tặng Bằng khen"),
        "{press}"
    );
    // The sample's proposed group was decided (its number is there): awarded.
    let sample = &samples_with_proposals(dir.path())[0];
    let sample_out = dir.path().join("sample");
    build(sample, &sample_out, &["--only", "bao-cao,khen", "--format", "pdf"]);
    let report = pdf_body_text(&sample_out.join("bao-cao.pdf"));
    assert!(
        report.contains("được Chủ tịch Ủy ban nhân dân thành phố Hải Phòng tặng Bằng khen (Quyết định số 2345/QĐ-UBND"),
        "{report}"
    );
    assert!(sample_out.join("khen-1.pdf").exists());
}

/// A Party body's tờ trình: the Party header and number, «Kính trình:»
/// (spec §9.1), the Party's Nơi nhận.
#[test]
fn a_party_bodys_to_trinh_is_addressed_kinh_trinh() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(root().join("inputs/mau-dang.yaml")).unwrap().replacen(
        "    thanh_tich: \"Đã có thành tích xuất sắc trong 5 năm",
        "    to_trinh: { so: \"12/TTr-BTGDVTU\", ngay: 2026-01-10, kinh_gui: \"Ban Thường vụ Tỉnh ủy\" }\n    thanh_tich: \"Đã có thành tích xuất sắc trong 5 năm",
        1,
    );
    assert!(yaml.contains("to_trinh"), "the Party sample changed: update this test");
    let input = dir.path().join("dang.yaml");
    std::fs::write(&input, yaml).unwrap();
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "to-trinh"]);
    for text in [pdf_body_text(&out.join("to-trinh-1.pdf")), docx_text(&out.join("to-trinh-1.docx"))] {
        assert!(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && text.contains("Số 12-TTr/BTGDVTU"), "{text}");
        assert!(text.contains("Kính trình: Ban Thường vụ Tỉnh ủy.") && !text.contains("Kính gửi"), "{text}");
        assert!(text.contains("(Kèm theo Tờ trình số 12-TTr/BTGDVTU"), "{text}");
        assert!(text.contains("- Như trên; - Lưu Văn phòng."), "{text}");
    }
}

#[test]
fn a_province_decision_says_whose_proposals_it_acts_on() {
    let dir = tempfile::tempdir().unwrap();
    // The province's group: rows accepted from two wards, interleaved, one
    // proposer typed in capitals; and the same through a list file's column.
    let inline = std::fs::read_to_string(sample_input()).unwrap().replacen(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân",
        "    danh_sach:\n      - { loai: tap_the, ten: \"Tổ dân phố số 5\", de_nghi: \"Chủ tịch Ủy ban nhân dân phường Hạ Lý\" }\n      - { loai: ca_nhan, ten: \"Trần Văn Bình\", de_nghi: \"CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MINH KHAI\" }\n      - { loai: ca_nhan, ten: \"Lê Thị Hoa\", de_nghi: \"Chủ tịch Ủy ban nhân dân phường Hạ Lý\" }\n      - { loai: ca_nhan, ten: \"Phạm Văn Đức\" }",
        1,
    );
    let csv = "Loại,Tên,Đơn vị,Đơn vị đề nghị\ntap_the,Tổ dân phố số 5,,Chủ tịch Ủy ban nhân dân phường Hạ Lý\nca_nhan,Trần Văn Bình,,CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MINH KHAI\nca_nhan,Lê Thị Hoa,,Chủ tịch Ủy ban nhân dân phường Hạ Lý\nca_nhan,Phạm Văn Đức,,\n";
    std::fs::write(dir.path().join("de-nghi.csv"), csv).unwrap();
    let from_file = std::fs::read_to_string(sample_input()).unwrap().replacen(
        "danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"",
        "danh_sach_tep: \"de-nghi.csv\"",
        1,
    );
    let expected = "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1280/TTr-SNV ngày 10 tháng 8 năm 2018; \
                    Xét đề nghị của Chủ tịch Ủy ban nhân dân phường Hạ Lý; \
                    Xét đề nghị của Chủ tịch Ủy ban nhân dân phường Minh Khai. QUYẾT ĐỊNH:";
    for (name, yaml) in [("inline.yaml", inline), ("file.yaml", from_file)] {
        let input = dir.path().join(name);
        std::fs::write(&input, yaml).unwrap();
        let out = dir.path().join(name.replace(".yaml", ""));
        build(&input, &out, &["--only", "quyet-dinh"]);
        let text = pdf_body_text(&out.join("quyet-dinh-1.pdf"));
        assert!(text.contains(expected), "{name}: {text}");
        assert_eq!(text.matches("phường Hạ Lý").count(), 1, "each proposer once: {text}");
        let docx = docx_text(&out.join("quyet-dinh-1.docx"));
        assert!(docx.contains(expected), "{name} DOCX: {docx}");
        // The list prints the recipients, not who proposed them.
        assert!(text.contains("Trần Văn Bình") && text.contains("Phạm Văn Đức"));
        let (code, stderr) = lists::check(&input, &[]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(!stderr.contains("Xét đề nghị"), "no warning about a missing proposal: {stderr}");
    }
}

#[test]
fn a_to_trinh_missing_its_date_or_with_a_wrong_key_is_located() {
    let dir = tempfile::tempdir().unwrap();
    for (typed, path, words) in [
        ("to_trinh: { so: \"45/TTr-UBND\" }", "khen_thuong[0].to_trinh.ngay", "ngay"),
        (
            "to_trinh: { so: \"45/TTr-UBND\", ngay: 2018-08-05, kinh_gui_toi: \"A\" }",
            "khen_thuong[0].to_trinh",
            "kinh_gui_toi",
        ),
    ] {
        let yaml = std::fs::read_to_string(sample_input()).unwrap().replacen(
            "    thanh_tich: \"Đã có thành tích xuất sắc trong 5 năm",
            &format!("    {typed}\n    thanh_tich: \"Đã có thành tích xuất sắc trong 5 năm"),
            1,
        );
        std::fs::copy(
            root().join("inputs/hai-phong-2018-bang-khen.csv"),
            dir.path().join("hai-phong-2018-bang-khen.csv"),
        )
        .unwrap();
        let input = dir.path().join("input.yaml");
        std::fs::write(&input, yaml).unwrap();
        let out = dir.path().join("out");
        let output = baocao(&["build", input.to_str().unwrap(), "-o", out.to_str().unwrap()], &root());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(path) && stderr.contains(words), "{stderr}");
        assert!(stderr.contains("input.yaml:"), "located: {stderr}");
        assert!(!out.exists(), "nothing written");
    }
}
