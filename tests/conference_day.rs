//! The conference-day papers (`--only ngay-hoi-nghi`): invitations, the
//! chair's script, the delegate list and the receipt lists — over the
//! sample and a generated conference of 40 delegates and 300 recipients in
//! 3 groups. Every name reads as on the report, the decisions and the
//! certificates; the script calls every recipient once, in list order, a
//! batch never split across pages, at 16 pt; the DOCX paginate like the
//! PDF in LibreOffice and pass openxml-audit; bad keys are located.

mod common;

use std::path::{Path, PathBuf};

use baocao::input::{Input, LoaiNguoiNhan, NguoiNhan};
use common::day::generated;
use common::*;

fn load(path: &Path) -> Input {
    baocao::input::load(path).expect("valid input")
}

/// A recipient as the decision's list names them, from the input's fields.
fn listed_name(person: &NguoiNhan) -> String {
    match &person.danh_xung {
        Some(title) if person.loai == LoaiNguoiNhan::CaNhan => format!("{title} {}", person.ten),
        _ => person.ten.clone(),
    }
}

/// Recipients in the decision's order: collectives, then individuals.
fn in_list_order(group: &baocao::input::NhomKhen) -> Vec<&NguoiNhan> {
    let (mut collectives, individuals): (Vec<&NguoiNhan>, Vec<&NguoiNhan>) =
        group.danh_sach.iter().partition(|p| p.loai == LoaiNguoiNhan::TapThe);
    collectives.extend(individuals);
    collectives
}

/// Every paper of `input` built once into a temp folder.
struct Pack {
    _dir: tempfile::TempDir,
    out: PathBuf,
    input: Input,
}

fn pack(input_path: &Path) -> Pack {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(input_path, &out, &[]);
    Pack { input: load(input_path), _dir: dir, out }
}

/// The names, ranks and titles on the day papers are the report's,
/// decisions' and certificates' text: a delegate is "<rank> <name>, <title>"
/// on the invitation, the script and the list as in the press summary; a
/// recipient reads on the script and the receipt list as on the decision's
/// list and the certificate; the report's signer is named in the script as
/// signed.
fn names_agree(pack: &Pack) {
    let doc = |name: &str| docx_text(&pack.out.join(name));
    let (invitations, script, delegates, press, report) = (
        doc("giay-moi.docx"),
        doc("kich-ban.docx"),
        doc("danh-sach-dai-bieu.docx"),
        doc("tin-bai.docx"),
        doc("bao-cao.docx"),
    );
    let script_pdf = pdf_body_text(&pack.out.join("kich-ban.pdf"));
    let conference = pack.input.hoi_nghi.as_ref().unwrap();
    let invitation_pages = pdf_page_texts(&pack.out.join("giay-moi.pdf"));
    let invited: Vec<_> = conference.dai_bieu.iter().filter(|d| !d.to_chuc).collect();
    assert_eq!(invitation_pages.len(), invited.len(), "one invitation page per invited delegate");
    for delegate in &conference.dai_bieu {
        let name = match &delegate.cap_bac {
            Some(rank) => format!("{rank} {}", delegate.ho_ten),
            None => delegate.ho_ten.clone(),
        };
        let named = format!("{name}, {}", delegate.chuc_vu);
        assert!(press.contains(&named), "press summary names {named}");
        let called = format!("Đồng chí {named}");
        assert!(script.contains(&called) && script_pdf.contains(&called), "script introduces {called}");
        assert_eq!(invitations.contains(&called), !delegate.to_chuc, "invited unless an organiser: {called}");
        assert!(delegates.contains(&name) && delegates.contains(&delegate.chuc_vu), "delegate list: {named}");
    }
    for (page, delegate) in invitation_pages.iter().zip(&invited) {
        assert!(page.contains(&delegate.ho_ten) && page.contains("GIẤY MỜI"), "invitation of {}", delegate.ho_ten);
    }
    let signer = pack.input.nguoi_ky.full_name();
    assert!(report.contains(&signer) && script.contains(&format!("đồng chí {signer}")), "signer {signer}");
    for (g, group) in pack.input.khen_thuong.iter().enumerate() {
        let decision = doc(&format!("quyet-dinh-{}.docx", g + 1));
        let receipts = doc(&format!("ky-nhan-{}.docx", g + 1));
        // Made from the decision, not attached to it.
        let from = format!("(Theo Quyết định số {} ", group.quyet_dinh.so);
        assert!(receipts.contains(&from) && !receipts.contains("Kèm theo"), "receipt list {}: {from}", g + 1);
        let certificates = pdf_page_texts(&pack.out.join(format!("khen-{}.pdf", g + 1)));
        for (person, certificate) in group.danh_sach.iter().zip(&certificates) {
            let name = listed_name(person);
            for (paper, text) in [("decision", &decision), ("receipt list", &receipts), ("script", &script)] {
                assert!(text.contains(&name), "{name} missing from the {paper} of group {}", g + 1);
            }
            assert!(certificate.contains(&name), "certificate of {name}");
        }
    }
}

/// The script's call-ups from its PDF, page by page: each "Lượt N." up to
/// its "Xin chúc mừng" on one page; together they call each group's
/// recipients once, in list order, numbered within their kind, at most
/// `moi_dot` at a time and never mixing collectives and individuals.
fn batches_whole(pack: &Pack) {
    let conference = pack.input.hoi_nghi.as_ref().unwrap();
    let size = conference.moi_dot.unwrap_or(10);
    let pages = pdf_page_texts(&pack.out.join("kich-ban.pdf"));
    let mut called: Vec<Vec<String>> = Vec::new();
    for page in &pages {
        // A decision read out is followed on its page by its first call-up.
        if let Some((_, after)) = page.rsplit_once("công bố Quyết định") {
            assert!(after.contains("Lượt 1."), "a decision read out at the foot of a page: {after}");
        }
        let mut rest = page.as_str();
        while let Some(at) = rest.find("Lượt ") {
            let batch = &rest[at..];
            let end = batch.find("Xin chúc mừng").unwrap_or_else(|| panic!("a batch split across pages: {batch}"));
            let next = batch[1..].find("Lượt ").map_or(usize::MAX, |n| n + 1);
            assert!(end < next, "a batch without its close: {batch}");
            let (head, names) = batch[..end].split_once(':').expect("the call-up ends with a colon");
            // Each batch asks its presenter up: the one before was sent back
            // to their seat with the recipients.
            let presenter = head.split_once("kính mời đồng chí ").map(|(_, rest)| rest);
            assert!(
                presenter.is_some_and(|p| p.contains(" lên trao ")) || conference.dai_bieu.is_empty(),
                "a batch without its presenter: {head}"
            );
            let collective = head.rsplit_once("Xin mời").unwrap().1.contains("tập thể");
            let names: Vec<String> = names.trim().to_string().split_inclusive(' ').map(String::from).collect();
            // "1. Tên A 2. Tên B": split before each "N. ".
            let mut entries: Vec<String> = Vec::new();
            for word in names {
                let number = word
                    .trim()
                    .strip_suffix('.')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                if number || entries.is_empty() {
                    entries.push(word);
                } else {
                    entries.last_mut().unwrap().push_str(&word);
                }
            }
            let entries: Vec<String> = entries.iter().map(|e| e.trim().to_string()).collect();
            assert!(!entries.is_empty() && entries.len() <= size, "batch of {} (at most {size})", entries.len());
            // One recipient is "tập thể", "cá nhân": never "các".
            let plural = head.rsplit_once("Xin mời").unwrap().1.contains("các ");
            assert_eq!(plural, entries.len() > 1, "{head}: {entries:?}");
            called.push(entries.iter().map(|e| format!("{}{e}", if collective { "T|" } else { "C|" })).collect());
            rest = &batch[end..];
        }
    }
    let mut expected = Vec::new();
    for group in &pack.input.khen_thuong {
        let (mut collectives, mut individuals) = (0, 0);
        for person in in_list_order(group) {
            let collective = person.loai == LoaiNguoiNhan::TapThe;
            let counter = if collective { &mut collectives } else { &mut individuals };
            *counter += 1;
            expected.push(format!("{}{counter}. {}", if collective { "T|" } else { "C|" }, listed_name(person)));
        }
    }
    // A kind's call-ups are as even as they can be: the fewest that hold
    // them at `moi_dot`, sizes one apart at most (never 12 then 1 alone).
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut previous_kind = None;
    for batch in &called {
        let kind = &batch[0][..2];
        let first_number = batch[0][2..].split('.').next().unwrap() == "1";
        if previous_kind != Some(kind) || first_number {
            runs.push(Vec::new());
        }
        runs.last_mut().unwrap().push(batch.len());
        previous_kind = Some(kind);
    }
    for run in &runs {
        let total: usize = run.iter().sum();
        let (least, most) = (run.iter().min().unwrap(), run.iter().max().unwrap());
        assert!(run.len() == total.div_ceil(size) && most - least <= 1, "uneven call-ups {run:?} at {size}");
    }
    let said: Vec<String> = called.concat();
    assert_eq!(said, expected, "every recipient called once, in list order, within their kind's batches");
}

/// Every run of the script at 16 pt or more: the DOCX's sizes, and the
/// PDF's words as tall as 16 pt type.
fn script_large(pack: &Pack) {
    let xml = docx_part(&pack.out.join("kich-ban.docx"), "word/document.xml");
    let sizes: Vec<u32> =
        xml.split("<w:sz w:val=\"").skip(1).map(|s| s.split('"').next().unwrap().parse().unwrap()).collect();
    assert!(!sizes.is_empty() && sizes.iter().all(|half_points| *half_points >= 32), "DOCX sizes {sizes:?}");
    let bbox = stdout_of("pdftotext", &["-bbox", pack.out.join("kich-ban.pdf").to_str().unwrap(), "-"]);
    let heights: Vec<f32> = bbox
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .filter_map(|l| {
            let attr = |name: &str| -> f32 {
                l.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
            };
            let word = l.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("");
            // The page number in the top margin is the NĐ 30 size, not the script's.
            let page_number = attr("yMin") < 40.0 && word.bytes().all(|b| b.is_ascii_digit());
            (!page_number).then(|| attr("yMax") - attr("yMin"))
        })
        .collect();
    // Poppler's word box is about 0.89–0.91 of the type size: 16 pt type
    // gives 14.3, 15 pt 13.6, 14 pt 12.7.
    let smallest = heights.iter().copied().fold(f32::MAX, f32::min);
    assert!(!heights.is_empty() && smallest >= 14.0, "smallest word {smallest} high: under 16 pt");
}

/// LibreOffice paginates each day paper's DOCX as the PDF; openxml-audit
/// finds nothing.
fn formats_agree(pack: &Pack) {
    let lo = pack.out.join("lo");
    let mut names =
        vec!["giay-moi".to_string(), "chuong-trinh-hoi-nghi".into(), "kich-ban".into(), "danh-sach-dai-bieu".into()];
    names.extend((1..=pack.input.khen_thuong.len()).map(|g| format!("ky-nhan-{g}")));
    let day = pack.out.join("day");
    std::fs::create_dir_all(&day).unwrap();
    for name in &names {
        let docx = pack.out.join(format!("{name}.docx"));
        std::fs::copy(&docx, day.join(format!("{name}.docx"))).unwrap();
        let converted = libreoffice_pdf(&docx, &lo);
        assert_eq!(pdf_pages(&converted), pdf_pages(&pack.out.join(format!("{name}.pdf"))), "{name}: pages");
    }
    let findings = common::audit::audit(&day);
    assert!(findings.is_empty(), "openxml-audit: {findings:#?}");
}

#[test]
fn the_sample_day_papers_agree_with_the_pack() {
    let pack = pack(&sample_input());
    // The script says who holds the conference as the input's
    // don_vi_to_chuc and the press summary do: both bodies.
    let script = docx_text(&pack.out.join("kich-ban.docx"));
    let held = "Hôm nay, Công an thành phố Hải Phòng phối hợp với Ủy ban MTTQ Việt Nam thành phố tổ chức Hội nghị";
    assert!(script.contains(held), "{script}");
    assert!(docx_text(&pack.out.join("tin-bai.docx"))
        .contains("Công an thành phố Hải Phòng phối hợp với Ủy ban MTTQ Việt Nam thành phố"));
    names_agree(&pack);
    batches_whole(&pack);
    script_large(&pack);
    formats_agree(&pack);
}

#[test]
fn a_generated_conference_of_300_recipients_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let input = generated(dir.path(), 27);
    let pack = pack(&input);
    assert_eq!(pack.input.hoi_nghi.as_ref().unwrap().dai_bieu.len(), 40);
    assert_eq!(pack.input.khen_thuong.iter().map(|g| g.danh_sach.len()).sum::<usize>(), 300);
    names_agree(&pack);
    batches_whole(&pack);
    script_large(&pack);
    formats_agree(&pack);
}

/// `--only ngay-hoi-nghi` makes just the day papers; without delegates
/// none of theirs, and `check` says why; bad keys name their place.
#[test]
fn only_day_papers_and_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&sample_input(), &out, &["--only", "ngay-hoi-nghi", "--format", "pdf"]);
    let mut made: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "manifest.json")
        .collect();
    made.sort();
    assert_eq!(
        made,
        [
            "bang-ten.pdf",
            "chuong-trinh-hoi-nghi.pdf",
            "danh-sach-dai-bieu.pdf",
            "giay-moi.pdf",
            "kich-ban.pdf",
            "ky-nhan-1.pdf",
            "ky-nhan-2.pdf"
        ]
    );
    // The default agenda receives delegates in the half hour before the
    // opening the invitation gives (08:00) and opens on it, each item after
    // the one before.
    let agenda = pdf_layout_lines(&out.join("chuong-trinh-hoi-nghi.pdf"));
    let times: Vec<u32> = agenda
        .iter()
        .filter_map(|l| {
            let (h, rest) = l.split_once(" giờ ")?;
            let m = rest.get(..2)?;
            // The table's rows, not the time line under the title ("08 giờ 00, ngày …").
            if rest.get(2..3) == Some(",") {
                return None;
            }
            Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
        })
        .collect();
    assert_eq!(times.first(), Some(&(7 * 60 + 30)), "{agenda:#?}");
    assert_eq!(times.get(1), Some(&(8 * 60)), "{agenda:#?}");
    let opening = agenda.iter().find(|l| l.starts_with("08 giờ 00 ")).unwrap();
    assert!(opening.contains("Tuyên bố lý do"), "the opening at the invitation's hour: {agenda:#?}");
    // The invitation's time: hour, part of the day, weekday (21/8/2018 was
    // a Tuesday), date.
    let invitation = pdf_body_text(&out.join("giay-moi.pdf"));
    let invitation = invitation.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(invitation.contains("Thời gian: 08 giờ 00, sáng thứ Ba, ngày 21 tháng 8 năm 2018."), "{invitation}");
    assert!(times.len() >= 6 && times.windows(2).all(|w| w[0] < w[1]), "{agenda:#?}");
    assert!(agenda.iter().any(|l| l.contains("Đón tiếp đại biểu")) && agenda.iter().any(|l| l.contains("bế mạc")));

    let sample = std::fs::read_to_string(sample_input()).unwrap();
    let start = sample.find("  dai_bieu:").unwrap();
    let end = sample.find("  chu_tri:").unwrap();
    let list = "hai-phong-2018-bang-khen.csv";
    std::fs::copy(root().join("inputs").join(list), dir.path().join(list)).unwrap();
    let without = dir.path().join("khong-dai-bieu.yaml");
    std::fs::write(
        &without,
        format!("{}{}", &sample[..start], &sample[end..]).replace("nguoi_trao: [2, 3]", "nguoi_trao: []"),
    )
    .unwrap();
    let checked = baocao(&["check", without.to_str().unwrap()], &root());
    let said = String::from_utf8_lossy(&checked.stderr).to_string() + &String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{said}");
    assert!(said.contains("hội nghị chưa có danh sách đại biểu") && said.contains("khong-dai-bieu.yaml:"), "{said}");
    assert!(said.contains("bảng tên"), "check names the place cards among the papers not made: {said}");
    // Delegates all of the organising bodies: no giấy mời, and check says so.
    let hosts = dir.path().join("chu-nha.yaml");
    let all_hosts: String = sample[start..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("to_chuc:"))
        .map(|l| {
            if l.trim_start().starts_with("chuc_vu:") {
                format!("{l}\n      to_chuc: true\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&hosts, format!("{}{all_hosts}{}", &sample[..start], &sample[end..])).unwrap();
    let checked = baocao(&["check", hosts.to_str().unwrap()], &root());
    let said = String::from_utf8_lossy(&checked.stderr).to_string();
    assert!(
        checked.status.success() && said.contains("chu-nha.yaml:") && said.contains("không làm giấy mời"),
        "{said}"
    );
    let hosts_out = dir.path().join("chu-nha");
    build(&hosts, &hosts_out, &["--only", "ngay-hoi-nghi", "--format", "pdf"]);
    assert!(!hosts_out.join("giay-moi.pdf").exists() && hosts_out.join("bang-ten.pdf").exists());
    // An agenda the input gives replaces the default one.
    let own = dir.path().join("nghi-trinh.yaml");
    let items = "  nghi_trinh:\n    - { gio: \"14:00\", noi_dung: \"Chào cờ, hát Quốc ca\" }\n    - { gio: \"14:10\", noi_dung: \"Khai mạc\", thuc_hien: \"Ban Tổ chức\" }\n";
    std::fs::write(&own, sample.replace("  moi_dot: 10", &format!("{items}  moi_dot: 10"))).unwrap();
    let own_out = dir.path().join("own");
    build(&own, &own_out, &["--only", "ngay-hoi-nghi", "--format", "pdf"]);
    let agenda = pdf_layout_lines(&own_out.join("chuong-trinh-hoi-nghi.pdf"));
    let rows: Vec<&String> = agenda.iter().filter(|l| l.starts_with("14 giờ")).collect();
    assert_eq!(rows, ["14 giờ 00 Chào cờ, hát Quốc ca", "14 giờ 10 Khai mạc Ban Tổ chức"], "{agenda:#?}");
    assert!(!agenda.iter().any(|l| l.contains("Đón tiếp đại biểu")), "{agenda:#?}");
    let bare = dir.path().join("bare");
    build(&without, &bare, &["--only", "ngay-hoi-nghi", "--format", "pdf"]);
    for paper in ["giay-moi.pdf", "danh-sach-dai-bieu.pdf", "bang-ten.pdf"] {
        assert!(!bare.join(paper).exists(), "{paper} without delegates");
    }
    assert!(bare.join("kich-ban.pdf").exists());
    // A direction given without delegates: the script still asks its
    // speaker up under its heading, and the agenda lists it.
    let directed = dir.path().join("chi-dao.yaml");
    let text = std::fs::read_to_string(&without).unwrap();
    let text =
        text.replacen("  chu_tri:", "  chi_dao: |\n    Đề nghị các đơn vị tiếp tục phối hợp chặt chẽ.\n  chu_tri:", 1);
    std::fs::write(&directed, text).unwrap();
    let directed_out = dir.path().join("chi-dao");
    build(&directed, &directed_out, &["--only", "ngay-hoi-nghi", "--format", "pdf"]);
    let script = pdf_body_text(&directed_out.join("kich-ban.pdf")).split_whitespace().collect::<Vec<_>>().join(" ");
    let after = script.split_once("PHÁT BIỂU CHỈ ĐẠO").expect("the direction's heading").1;
    assert!(
        after.trim_start().starts_with("Trân trọng kính mời") && after.contains("phát biểu chỉ đạo Hội nghị"),
        "{after}"
    );
    let agenda = pdf_body_text(&directed_out.join("chuong-trinh-hoi-nghi.pdf"));
    assert!(agenda.contains("Phát biểu chỉ đạo"), "{agenda}");

    // What the day papers would print oddly is a located warning; the
    // papers are still made.
    for (from, to, words) in [
        ("nguoi_trao: [2, 3]", "nguoi_trao: [2, 3, 1]", "khen_thuong chỉ có 2 nhóm: người từ thứ 3 trở đi không được dùng"),
        (
            "moi_dot: 10",
            "moi_dot: 10\n  nghi_trinh: [{ gio: \"08:00\", noi_dung: \"Khai mạc\" },\n    { gio: \"07:00\", noi_dung: \"Đón tiếp\" }]",
            "giờ «07:00» sớm hơn mục ngay trên («08:00»)",
        ),
        ("buoi: sang", "buoi: chieu", "giờ khai mạc «08:00» là buổi sáng, nhưng buoi ghi buổi chiều"),
    ] {
        let odd = dir.path().join("la.yaml");
        let text = sample.replace(from, to);
        std::fs::write(&odd, &text).unwrap();
        let line = text[..text.find(to).unwrap()].lines().count() + to.matches('\n').count();
        let output = baocao(&["check", odd.to_str().unwrap()], &root());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(stderr.contains(&format!("la.yaml:{line}:")) && stderr.contains("cảnh báo:") && stderr.contains(words), "{to}: {stderr}");
    }

    for (from, to, words) in [
        ("gio: \"08:00\"", "gio: \"8 giờ\"", "giờ «8 giờ» không hợp lệ"),
        ("nguoi_trao: [2, 3]", "nguoi_trao: [2, 9]", "«9» không phải số thứ tự của một đại biểu"),
        // What the clerk typed, never the parser's name for it (String("hai")).
        ("nguoi_trao: [2, 3]", "nguoi_trao: [hai, 3]", "«hai» không phải số thứ tự của một đại biểu"),
        ("moi_dot: 10", "moi_dot: 0", "từ 1 đến 30"),
        (
            "moi_dot: 10",
            "moi_dot: 10\n  nghi_trinh: [{ gio: \"25:00\", noi_dung: \"Khai mạc\" }]",
            "giờ «25:00» không hợp lệ",
        ),
    ] {
        let bad = dir.path().join("sai.yaml");
        let text = sample.replace(from, to);
        std::fs::write(&bad, &text).unwrap();
        // The line of the wrong value: the last line of the replacement.
        let line = text[..text.find(to).unwrap()].lines().count() + to.matches('\n').count();
        let output = baocao(&["check", bad.to_str().unwrap()], &root());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(words) && stderr.contains(&format!("sai.yaml:{line}:")), "{to}: {stderr}");
    }
}

/// The giấy mời of a Party body and of a joint report follow their
/// family: the Party's number turned round even while blank ("Số
/// …-GM/BTGDVTU", HD 36) and its archive line without a colon; a joint
/// invitation names every body in its number, and each files its copy as
/// the report says ("Lưu: VT Công an tỉnh, VT Ủy ban MTTQ tỉnh").
#[test]
fn party_and_joint_invitations_follow_their_family() {
    let dir = tempfile::tempdir().unwrap();
    let conference = "hoi_nghi:\n  ngay: 2026-03-12\n  gio: \"14:00\"\n  dia_diem: \"Hội trường Tỉnh ủy\"\n  dai_bieu:\n    \
                      - { ho_ten: \"Trần Văn Hùng\", chuc_vu: \"Phó Bí thư Tỉnh ủy\" }\n    - { ho_ten: \"Phạm Thị Lan\", \
                      chuc_vu: \"Chánh Văn phòng\", to_chuc: true }\n";
    for (sample, number, archive) in [
        ("mau-dang.yaml", "Số …-GM/BTGDVTU", "Lưu Văn phòng Ban."),
        ("mau-lien-tich.yaml", "Số: …/GM-CAT-MTTQ", "Lưu: VT Công an tỉnh, VT Ủy ban MTTQ tỉnh."),
    ] {
        // A Party decision number typed the state's way prints turned
        // round on the decision, and so on the script and receipt list.
        let text = std::fs::read_to_string(root().join("inputs").join(sample))
            .unwrap()
            .replace("52-QĐ/BTGDVTU", "52/QĐ-BTGDVTU");
        let input = dir.path().join(sample);
        std::fs::write(&input, text.replacen("\nchi_tieu:", &format!("\n{conference}chi_tieu:"), 1)).unwrap();
        let out = dir.path().join(sample.replace(".yaml", ""));
        build(&input, &out, &["--only", "ngay-hoi-nghi", "--format", "pdf"]);
        let pages = pdf_page_texts(&out.join("giay-moi.pdf"));
        assert_eq!(pages.len(), 1, "{sample}: one invited delegate");
        let page = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(page.contains(number), "{sample}: «{number}» in {page}");
        assert!(page.contains(archive), "{sample}: «{archive}» in {page}");
        assert!(!page.contains("Lưu: VT.") || archive.starts_with("Lưu: VT "), "{sample}: {page}");
        if sample == "mau-dang.yaml" {
            for paper in ["kich-ban.pdf", "ky-nhan-1.pdf"] {
                let text = pdf_body_text(&out.join(paper));
                assert!(text.contains("Quyết định số 52-QĐ/BTGDVTU") && !text.contains("52/QĐ"), "{paper}: {text}");
            }
        }
    }
}

#[test]
fn only_kinds_the_input_makes_none_of_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let party = root().join("inputs/mau-dang.yaml");
    let out = dir.path().join("dang");
    let run = |lang: &str, only: &str| {
        let args = ["--lang", lang, "build", party.to_str().unwrap(), "-o", out.to_str().unwrap(), "--only", only];
        let output = baocao(&args, &root());
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stderr).to_string()
    };
    let said = run("vi", "ngay-hoi-nghi");
    assert!(said.contains("không có giấy tờ nào thuộc loại đã chọn (ngay-hoi-nghi)"), "{said}");
    assert!(said.contains("Đã ghi 0 tệp"), "{said}");
    let said = run("en", "to-trinh,tin-bai");
    assert!(said.contains("makes none of the papers chosen (to-trinh,tin-bai)"), "{said}");
    // Papers made: no such line.
    let said = run("vi", "bao-cao");
    assert!(!said.contains("loại đã chọn") && said.contains("bao-cao.pdf"), "{said}");
}
