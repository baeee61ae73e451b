//! What is reviewed and over which years, as every paper says it: one
//! programme of each kind, three programmes together, a one-year report,
//! yearly data for part of the period, rates averaged and stocks at the
//! end — over generated inputs (tests/common/shapes.rs), read back from the
//! PDF (poppler) and from the DOCX (converted by LibreOffice), and the
//! warnings `check` gives.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::shapes::{self, Shape};
use common::{baocao, build, collapse, libreoffice_pdf, pdf_body_text, pdf_text, root};

/// The shapes built: the folder holding them, and each shape's name, facts
/// and output folder.
type Built = (tempfile::TempDir, Vec<(String, Shape, PathBuf)>);

/// Every shape built once (PDF and DOCX).
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let cases = shapes::all()
            .into_iter()
            .map(|(name, shape)| {
                let input = shapes::write(dir.path(), &name, &shape);
                let out = dir.path().join(format!("out-{name}"));
                build(&input, &out, &[]);
                (name, shape, out)
            })
            .collect();
        (dir, cases)
    })
}

fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// The short kind of a second mention ("Kế hoạch liên tịch" → "Kế hoạch").
fn short(kind: &str) -> String {
    let words = if kind.starts_with("Cuộc vận động") { 3 } else { 2 };
    kind.split_whitespace().take(words).collect::<Vec<_>>().join(" ")
}

/// The report's key sentences and headings for `shape`, checked in `text`
/// (the report read from a PDF, whitespace collapsed).
fn check_report(name: &str, shape: &Shape, text: &str) {
    let at = |what: &str| format!("{name}: {what}\n{text}");
    for programme in &shape.programmes {
        assert!(text.contains(&programme.by_number()), "{}", at(&format!("names {}", programme.by_number())));
    }
    assert!(text.contains(&format!("Thực hiện {}", shape.programmes[0].by_number())), "{}", at("opening"));
    // The results heading follows the kinds.
    let heading_joint = "KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG PHỐI HỢP";
    if shape.programmes.iter().all(|p| p.is_joint()) {
        assert!(text.contains(heading_joint), "{}", at("joint heading"));
    } else {
        assert!(!text.contains(heading_joint), "{}", at("no joint heading for a non-joint kind"));
        if let [one] = shape.programmes.as_slice() {
            let kind = short(one.kind());
            let expected = if one.is_movement() {
                format!("KẾT QUẢ THỰC HIỆN {}", upper(&kind))
            } else {
                format!("KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG {}", upper(&kind))
            };
            assert!(text.contains(&expected), "{}", at(&expected));
        } else {
            for programme in &shape.programmes {
                assert!(text.contains(&upper(&short(programme.kind()))), "{}", at("every kind in the heading"));
            }
            assert!(text.contains("KẾT QUẢ THỰC HIỆN CÁC "), "{}", at("several: các …"));
        }
    }
    // No paper calls a programme of another kind "Chương trình".
    if !shape.programmes.iter().any(|p| p.kind().starts_with("Chương trình")) {
        assert!(!text.to_lowercase().contains("chương trình"), "{}", at("no chương trình"));
    }
    // Quotation marks never doubled, whatever the titles hold.
    for doubled in ["““", "””", "“ “", "” ”"] {
        assert!(!text.contains(doubled), "{}", at(&format!("no «{doubled}»")));
    }
    for programme in shape.programmes.iter().filter(|p| p.is_movement()) {
        assert!(!text.contains(programme.kind()), "{}", at("a movement's kind in lower case"));
    }
    let named_with_year = shape.programmes.iter().any(|p| p.ten.ends_with(&format!("năm {}", shape.den)));
    if shape.one_year() {
        let year = shape.den;
        if named_with_year {
            // The period is said once: "… “Dân vận khéo” năm 2025", no "năm 2025 năm 2025".
            for twice in [format!("năm {year} năm {year}"), format!("năm {year} trong năm {year}")] {
                assert!(!text.contains(&twice), "{}", at(&format!("no «{twice}»")));
            }
            assert!(
                text.contains(&format!("kết quả thực hiện {}", shape.programmes[0].by_number())),
                "{}",
                at("title")
            );
        } else {
            assert!(text.contains(&format!("trong năm {year}")), "{}", at("one-year title"));
        }
        assert!(text.contains(&format!("Năm {year}")), "{}", at("the table's one column"));
        for wrong in [format!("giai đoạn {year} - {year}"), " 1 năm".into(), " 0 năm".into(), "Tổng cộng".into()]
        {
            assert!(!text.contains(&wrong), "{}", at(&format!("no «{wrong}»")));
        }
        assert!(!text.contains("bình quân"), "{}", at("one year is no average"));
    } else {
        let years = shape.years();
        assert!(text.contains(&format!("Sơ kết {years} năm thực hiện")), "{}", at(&format!("title: {years} năm")));
        assert!(
            text.contains(&format!("sơ kết {years} năm thực hiện")),
            "{}",
            at("opening and closing count the same")
        );
        assert!(text.contains(&format!("giai đoạn {} - {}", shape.tu, shape.den)), "{}", at("the period"));
        assert!(text.contains("bình quân các năm"), "{}", at("the rate is an average"));
        let last = shape.data_years.last().unwrap();
        assert!(text.contains(&format!("đến năm {last} có")), "{}", at("the stock at its end"));
    }
    if shape.partial() {
        let (first, last) = (shape.data_years[0], shape.data_years.last().unwrap());
        assert!(text.contains(&format!("từ năm {first} đến năm {last} có")), "{}", at("a partial sum says its years"));
        assert!(text.contains("chỉ cộng các năm có số liệu"), "{}", at("the table's note on the partial sum"));
    }
    if !shape.one_year() {
        // The table says which totals are not sums.
        assert!(text.contains("Ghi chú: ở cột “Tổng cộng”"), "{}", at("note under the table"));
        assert!(text.contains(&format!("“{}” là số cuối kỳ", shape.stock_name)), "{}", at("stock noted"));
        assert!(text.contains(&format!("“{}” là số bình quân các năm", shape.rate_name)), "{}", at("rate noted"));
    }
}

#[test]
fn the_report_names_every_programme_by_its_kind_and_counts_the_years_one_way() {
    for (name, shape, out) in &built().1 {
        check_report(name, shape, &pdf_body_text(&out.join("bao-cao.pdf")));
    }
}

#[test]
fn the_decision_and_the_press_name_the_programmes_as_the_report_does() {
    for (name, shape, out) in &built().1 {
        let decision = pdf_text(&out.join("quyet-dinh-1.pdf"), None);
        let press = collapse(&std::fs::read_to_string(out.join("tin-bai.txt")).unwrap());
        let headline = std::fs::read_to_string(out.join("tin-bai.txt")).unwrap().lines().next().unwrap().to_string();
        for programme in &shape.programmes {
            let named = programme.by_number();
            assert!(decision.contains(&named), "{name}: decision names {named}\n{decision}");
            assert!(headline.contains(&named), "{name}: headline names {named}\n{headline}");
        }
        assert!(decision.contains("có thành tích trong thực hiện"), "{name}: decision subject\n{decision}");
        // No thanh_tich typed: the achievement is said of the programmes.
        let first = shape.programmes[0].by_number();
        let achievement = if shape.one_year() {
            format!("thành tích xuất sắc trong thực hiện {first}")
        } else {
            format!("thành tích xuất sắc trong {} năm thực hiện {first}", shape.years())
        };
        assert!(decision.contains(&achievement), "{name}: {achievement}\n{decision}");
        // Every title quoted once after the sentence's "về", the period said once.
        let flat = collapse(&decision);
        for programme in shape.programmes.iter().filter(|p| p.so.is_some()) {
            let about = format!("về {}", programme.quoted_title());
            assert!(flat.contains(&about), "{name}: {about}\n{flat}");
        }
        assert!(!flat.to_lowercase().contains("về “về"), "{name}: «về “Về»\n{flat}");
        let period = format!("giai đoạn {} - {}", shape.tu, shape.den);
        assert!(!flat.contains(&format!("{period}”, {period}")), "{name}: the period twice\n{flat}");
        let certificate = pdf_text(&out.join("khen-1.pdf"), None);
        assert!(certificate.contains(&format!("Đã có {achievement}")), "{name}: certificate\n{certificate}");
        if !shape.programmes.iter().any(|p| p.kind().starts_with("Chương trình")) {
            assert!(!decision.to_lowercase().contains("chương trình"), "{name}\n{decision}");
            assert!(!press.to_lowercase().contains("chương trình"), "{name}\n{press}");
        }
        if shape.one_year() {
            assert!(press.contains(&format!("trong năm {}", shape.den)), "{name}: press one year\n{press}");
            assert!(!press.contains(" 1 năm"), "{name}\n{press}");
        } else {
            assert!(headline.contains(&format!("sơ kết {} năm thực hiện", shape.years())), "{name}\n{headline}");
            assert!(press.contains(&format!("qua {} năm thực hiện", shape.years())), "{name}\n{press}");
        }
    }
}

#[test]
fn the_docx_report_reads_as_the_pdf_in_libreoffice() {
    let (dir, cases) = built();
    let converted = dir.path().join("lo");
    std::fs::create_dir_all(&converted).unwrap();
    for (name, shape, out) in cases {
        let copy = converted.join(format!("{name}.docx"));
        std::fs::copy(out.join("bao-cao.docx"), &copy).unwrap();
        let pdf = libreoffice_pdf(&copy, &converted);
        check_report(name, shape, &pdf_body_text(&pdf));
    }
}

/// `check` on `yaml` (written in a temp folder): exit code and stderr.
fn check(yaml: &str, lang: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("input.yaml"), yaml).unwrap();
    let output = baocao(&["--lang", lang, "check", "input.yaml"], dir.path());
    (output.status.code(), String::from_utf8(output.stderr).unwrap())
}

#[test]
fn check_warns_of_stocks_added_up_and_of_years_the_narrative_miscounts() {
    let shape = shapes::shape(5, &[0], false, false);
    let base = shapes::yaml(&shape);
    let stock = base.replace(", don_vi: \"tổ\", cach_tinh: cuoi_ky }", ", don_vi: \"tổ\" }");
    assert_ne!(stock, base, "the generator wrote the stock's rule");
    for (lang, words) in [("vi", "có vẻ là số hiện có"), ("en", "reads like a stock")] {
        let (code, messages) = check(&stock, lang);
        assert_eq!(code, Some(0), "a warning does not stop: {messages}");
        assert!(messages.contains(words) && messages.contains("chi_tieu[0]"), "{lang}: {messages}");
        assert!(messages.contains("input.yaml:"), "located: {messages}");
    }
    let wrong = shape.years() + 1;
    let miscounted = base.replace(
        "noi_dung:\n",
        &format!("noi_dung:\n  tinh_hinh: |\n    Sau {wrong} năm thực hiện, phong trào được duy trì.\n"),
    );
    for (lang, words) in [("vi", format!("ghi «{wrong} năm»")), ("en", format!("says «{wrong} năm»"))] {
        let (code, messages) = check(&miscounted, lang);
        assert_eq!(code, Some(0), "{messages}");
        assert!(messages.contains(&words) && messages.contains("noi_dung.tinh_hinh"), "{lang}: {messages}");
    }
    let (_, clean) = check(&base, "vi");
    assert!(!clean.contains("năm»") && !clean.contains("số hiện có"), "the generated input is clean: {clean}");
}

#[test]
fn a_rate_without_its_rule_is_refused_in_both_languages() {
    let shape = shapes::shape(9, &[3], false, true);
    let yaml = shapes::yaml(&shape).replace(", don_vi: \"%\", cach_tinh: trung_binh }", ", don_vi: \"%\" }");
    for (lang, words) in [("vi", "là tỷ lệ"), ("en", "is a rate")] {
        let (code, messages) = check(&yaml, lang);
        assert_eq!(code, Some(2), "{messages}");
        assert!(messages.contains(words) && messages.contains("chi_tieu[2]"), "{lang}: {messages}");
    }
}

#[test]
fn init_writes_every_sample_and_each_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["hai-phong", "mot-nam", "nhieu-chuong-trinh"] {
        let target = dir.path().join(name);
        let output = baocao(&["init", target.to_str().unwrap(), "--mau", name], &root());
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let yaml: Vec<PathBuf> = std::fs::read_dir(&target)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        assert_eq!(yaml.len(), 1, "{name}: one YAML");
        let check = baocao(&["check", yaml[0].to_str().unwrap()], &root());
        let messages = String::from_utf8_lossy(&check.stderr);
        assert!(check.status.success(), "{name}: {messages}");
        assert!(!messages.contains("cảnh báo"), "{name}: a sample has no warning: {messages}");
    }
    assert_same_sample(&dir.path().join("mot-nam/mot-nam-2025.yaml"), "inputs/mot-nam-2025.yaml");
}

fn assert_same_sample(written: &Path, source: &str) {
    assert_eq!(std::fs::read(written).unwrap(), std::fs::read(root().join(source)).unwrap());
}

#[test]
fn only_a_movement_may_lack_its_number_and_only_an_issued_programme_its_parties() {
    let shape = shapes::shape(31, &[0, 3, 7], false, false);
    let yaml = shapes::yaml(&shape);
    assert_eq!(check(&yaml, "vi").0, Some(0), "a phong trào without so/ngay, a Quyết định without cac_ben");
    let number = shape.programmes[1].so.clone().unwrap();
    let unnumbered = yaml.replace(&format!("so: \"{number}\"\n    "), "");
    assert_ne!(unnumbered, yaml);
    let (code, messages) = check(&unnumbered, "en");
    assert_eq!(code, Some(2), "{messages}");
    assert!(messages.contains("chuong_trinh[1].so") && messages.contains("missing required key «so»"), "{messages}");
    let unissued = yaml.replace("\n    ban_hanh: \"Thủ tướng Chính phủ\"", "");
    assert_ne!(unissued, yaml);
    let (code, messages) = check(&unissued, "vi");
    assert_eq!(code, Some(2), "{messages}");
    assert!(messages.contains("chuong_trinh[1].cac_ben"), "{messages}");
}

#[test]
fn a_period_total_beside_part_of_the_years_is_the_periods_result() {
    // The sample: tin báo has yearly figures for 2023 - 2025 only and its
    // 2021 - 2025 total (2.016) in tong_hop; hội nghị has no total.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&root().join("inputs/nhieu-chuong-trinh.yaml"), &out, &["--only", "bao-cao", "--format", "pdf"]);
    let text = pdf_body_text(&out.join("bao-cao.pdf"));
    assert!(text.contains("; 2.016 tin báo tố giác tội phạm của quần chúng;"), "{text}");
    assert!(text.contains("từ năm 2023 đến năm 2025 có 369 hội nghị tuyên truyền ở cơ sở"), "{text}");
    assert!(
        text.contains(
            "“Tin báo tố giác tội phạm của quần chúng” là số của cả giai đoạn, gồm cả các năm không có trong bảng"
        ),
        "{text}"
    );
}

#[test]
fn the_press_names_the_gathering_by_its_kind() {
    let shape = shapes::shape(41, &[0], false, false);
    let base = shapes::yaml(&shape);
    let dir = tempfile::tempdir().unwrap();
    let years = shape.years();
    for (kind, opening, elsewhere) in [
        ("hoi_nghi", format!("tổ chức hội nghị sơ kết {years} năm thực hiện"), "Báo cáo tại hội nghị cho biết"),
        ("ngay_hoi", format!("tổ chức ngày hội gắn với sơ kết {years} năm thực hiện"), "Báo cáo tại ngày hội cho biết"),
        (
            "gap_mat",
            format!("tổ chức buổi gặp mặt nhân dịp sơ kết {years} năm thực hiện"),
            "Báo cáo tại buổi gặp mặt cho biết",
        ),
        (
            "le_ky_ket",
            format!("tổ chức hội nghị sơ kết {years} năm thực hiện"),
            "và ký kết chương trình phối hợp giai đoạn tiếp theo.",
        ),
    ] {
        let yaml = base.replace("buoi: sang,", &format!("buoi: sang, loai: {kind},"));
        assert_ne!(yaml, base);
        let input = dir.path().join(format!("{kind}.yaml"));
        std::fs::write(&input, yaml).unwrap();
        let out = dir.path().join(kind);
        build(&input, &out, &["--only", "tin-bai", "--format", "pdf"]);
        let press = collapse(&std::fs::read_to_string(out.join("tin-bai.txt")).unwrap());
        assert!(press.contains(&opening) && press.contains(elsewhere), "{kind}: {press}");
    }
}
