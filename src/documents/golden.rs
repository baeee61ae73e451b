//! Golden files of the document model: the report, each decision and the
//! press summary of a few fixtures, written as text (the model's own debug
//! form: every block, paragraph, run and style it holds) and compared with
//! `tests/fixtures/model/*.txt`. A change of wording or layout shows here as
//! a readable diff, without poppler or LibreOffice; `BLESS=1 cargo test
//! --lib golden` rewrites the files — read the diff before committing.

use std::path::{Path, PathBuf};

use crate::input;
use crate::words::templates::Templates;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `text` with the golden file `name`, or writes it under BLESS=1.
fn golden(name: &str, text: &str) -> Option<String> {
    let path = root().join("tests/fixtures/model").join(format!("{name}.txt"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return None;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err} (BLESS=1 writes it)", path.display()));
    if expected == text {
        return None;
    }
    let line = expected.lines().zip(text.lines()).position(|(a, b)| a != b).unwrap_or(0);
    let shown = |all: &str| all.lines().skip(line.saturating_sub(3)).take(8).collect::<Vec<_>>().join("\n");
    Some(format!(
        "{name}: the model differs from {} from line {}:\n--- golden\n{}\n--- now\n{}",
        path.display(),
        line + 1,
        shown(&expected),
        shown(text)
    ))
}

/// Every paper's model of the input at `file` (relative to the crate), named `stem-…`.
fn models(file: &str, stem: &str) -> Vec<(String, String)> {
    let input = input::load(&root().join(file)).unwrap_or_else(|problems| panic!("{file}: {problems:?}"));
    let templates = Templates::load(None).expect("built-in templates");
    let mut models = Vec::new();
    let report = super::report::build(&input, &templates).expect("report");
    models.push((format!("{stem}-bao-cao"), format!("{report:#?}\n")));
    for index in 0..input.khen_thuong.len() {
        let decision = super::decision::build(&input, index, &templates).expect("decision");
        models.push((format!("{stem}-quyet-dinh-{}", index + 1), format!("{decision:#?}\n")));
    }
    // The press summary is of the conference, when the input has one.
    if input.hoi_nghi.is_some() {
        let (press, text) = super::press::build(&input, &templates).expect("press summary");
        models.push((format!("{stem}-tin-bai"), format!("{press:#?}\n\n{text}\n")));
    }
    models
}

#[test]
fn the_models_of_the_fixtures_match_their_golden_files() {
    let mut differences = Vec::new();
    for (file, stem) in [("inputs/hai-phong-2018.yaml", "hai-phong-2018"), ("tests/fixtures/minimal.yaml", "minimal")] {
        for (name, text) in models(file, stem) {
            differences.extend(golden(&name, &text));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n\n"));
}

#[test]
fn the_period_summaries_match_their_golden_files() {
    // Two units over their whole period, and one year of one unit with a chart asked for.
    let source = |name: &str| crate::input::Source::path(&root().join(name));
    let inputs = || vec![source("inputs/quan-a.yaml"), source("inputs/quan-b.yaml")];
    let cases = [
        (
            "tong-hop-quan-a-b",
            super::summary::SummaryRequest { inputs: inputs(), from: 2018, to: 2023, ..Default::default() },
        ),
        (
            "tong-hop-quan-a-2020",
            super::summary::SummaryRequest {
                inputs: vec![source("inputs/quan-a.yaml")],
                from: 2020,
                to: 2020,
                ngay: crate::text::vn::Date::parse("2021-01-15"),
                ..Default::default()
            },
        ),
    ];
    let mut differences = Vec::new();
    for (name, request) in cases {
        let summary = super::summary::build(&request).unwrap_or_else(|err| panic!("{name}: {err:?}"));
        differences.extend(golden(name, &format!("{:#?}\n{:#?}\n", summary.document, summary.warnings)));
    }
    assert!(differences.is_empty(), "{}", differences.join("\n\n"));
}

#[test]
fn a_changed_model_is_told_with_its_first_differing_line() {
    // The comparison itself: an altered copy of a golden file is reported.
    let (name, text) = models("tests/fixtures/minimal.yaml", "minimal").remove(0);
    if std::env::var_os("BLESS").is_some() {
        return;
    }
    let altered = text.replacen("BÁO CÁO", "BẢN TIN", 1);
    let told = golden(&name, &altered).expect("a difference");
    assert!(told.contains("BẢN TIN") && told.contains("from line"), "{told}");
    assert!(Path::new(&root().join("tests/fixtures/model").join(format!("{name}.txt"))).is_file());
}

/// A summary by another body (a district over its wards) prints its own
/// number, place, signer and programme, none of the first input's; with
/// only its issuer given, the number is left blank without the first
/// input's abbreviation.
#[test]
fn a_summary_of_another_body_prints_its_own_heading_and_signer() {
    use crate::doc::{Block, Header, Signature};
    let source = |name: &str| crate::input::Source::path(&root().join(name));
    let heading = |request: &super::summary::SummaryRequest| {
        let summary = super::summary::build(request).unwrap_or_else(|err| panic!("{err:?}"));
        let header = summary.document.blocks.iter().find_map(|b| match b {
            Block::Header(header) => Some(header.clone()),
            _ => None,
        });
        let signature = summary.document.blocks.iter().find_map(|b| match b {
            Block::Signature(signature) => Some(signature.clone()),
            _ => None,
        });
        let text = format!("{:?}", summary.document.blocks);
        (header.expect("a header"), signature.expect("a signature"), text)
    };
    let own = super::summary::SummaryOwn {
        so_ky_hieu: Some("15/BC-CAQ".into()),
        dia_danh: Some("Lê Chân".into()),
        nguoi_ky: Some(crate::input::NguoiKy {
            the_thuc: None,
            chuc_vu: "TRƯỞNG CÔNG AN QUẬN".into(),
            cap_bac: Some("Thượng tá".into()),
            ho_ten: "Đỗ Văn Quang".into(),
        }),
        chuong_trinh: Some(("12/CTr-CAQ".into(), "Quận an toàn".into())),
    };
    let request = super::summary::SummaryRequest {
        inputs: vec![source("inputs/quan-a.yaml"), source("inputs/quan-b.yaml")],
        from: 2018,
        to: 2023,
        co_quan: Some("Công an quận Lê Chân".into()),
        ngay: crate::text::vn::Date::parse("2023-12-20"),
        own,
        ..Default::default()
    };
    let (header, signature, text): (Header, Signature, String) = heading(&request);
    assert_eq!(header.number.as_deref(), Some("Số: 15/BC-CAQ"));
    assert_eq!(header.place_date.as_deref(), Some("Lê Chân, ngày 20 tháng 12 năm 2023"));
    assert_eq!(
        (signature.authority.join(" "), signature.name.as_str()),
        ("TRƯỞNG CÔNG AN QUẬN".into(), "Thượng tá Đỗ Văn Quang")
    );
    assert!(text.contains("12/CTr-CAQ") && text.contains("Quận an toàn"), "the summary's own programme");
    let first = crate::input::load_source(&source("inputs/quan-a.yaml")).unwrap().0;
    let first_number = first.chuong_trinh.so.clone().expect("the sample's programme has a number");
    assert!(!text.contains(&first_number), "not the first unit's programme {first_number}");
    assert!(!text.contains(&first.nguoi_ky.ho_ten), "not the first unit's signer");

    // Only the issuer: the number is the văn thư's to fill in, with no ward's abbreviation.
    let bare = super::summary::SummaryRequest { own: Default::default(), ..request };
    let (header, _, _) = heading(&bare);
    let short = first.co_quan.viet_tat.clone().unwrap_or_default();
    let number = header.number.unwrap_or_default();
    assert!(number.ends_with("/BC") && !short.is_empty() && !number.contains(&short), "{number}");
}
