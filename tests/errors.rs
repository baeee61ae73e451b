//! Every kind of bad input has a fixture folder under
//! `tests/fixtures/errors/<case>/` with `input.yaml` (and any list or
//! template files it names), optional `args` (default: `check input.yaml`)
//! and `expected.txt`: the exact message printed. Each must exit 2.
//! `BLESS=1 cargo test --test errors` rewrites the expected files; review
//! the diff before committing it.

mod common;

use std::path::Path;

fn run_case(dir: &Path) -> Result<(), String> {
    let args_text = std::fs::read_to_string(dir.join("args")).unwrap_or_else(|_| "check input.yaml".into());
    let args: Vec<&str> = args_text.split_whitespace().collect();
    let output = common::baocao(&args, dir);
    let stderr = String::from_utf8(output.stderr).expect("utf-8 messages");
    let expected_path = dir.join("expected.txt");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&expected_path, &stderr).unwrap();
    }
    let expected =
        std::fs::read_to_string(&expected_path).map_err(|_| format!("{}: no expected.txt", dir.display()))?;
    if output.status.code() != Some(2) {
        return Err(format!("{}: exit {:?}, expected 2\n{stderr}", dir.display(), output.status.code()));
    }
    if stderr != expected {
        return Err(format!("{}:\n--- expected\n{expected}--- got\n{stderr}", dir.display()));
    }
    Ok(())
}

/// One test per fixture folder, so a failing case names itself.
macro_rules! fixtures {
    ($($name:ident: $folder:literal,)*) => {
        $(
            #[test]
            fn $name() {
                if let Err(failure) = run_case(&common::root().join("tests/fixtures/errors").join($folder)) {
                    panic!("{failure}");
                }
            }
        )*

        /// Every fixture folder has its test above.
        const LISTED: &[&str] = &[$($folder),*];
    };
}

fixtures! {
    alias_bomb: "alias-bomb",
    bad_enum: "bad-enum",
    control_char: "control-char",
    csv_bad_rows: "csv-bad-rows",
    csv_bad_texts: "csv-bad-texts",
    csv_missing_file: "csv-missing-file",
    duplicate_recipient: "duplicate-recipient",
    empty_report: "empty-report",
    english_messages: "english-messages",
    impossible_date: "impossible-date",
    layout_error: "layout-error",
    list_source_both: "list-source-both",
    many_problems: "many-problems",
    missing_key: "missing-key",
    mojibake: "mojibake",
    narrative_figures: "narrative-figures",
    negative_number: "negative-number",
    number_too_large: "number-too-large",
    period_reversed: "period-reversed",
    rate_without_rule: "rate-without-rule",
    rate_without_rule_en: "rate-without-rule-en",
    stock_not_last_year: "stock-not-last-year",
    syntax_no_english: "syntax-no-english",
    syntax_tab: "syntax-tab",
    syntax_unclosed_quote: "syntax-unclosed-quote",
    template_error: "template-error",
    template_helper: "template-helper",
    thousands_separator: "thousands-separator",
    top_not_mapping: "top-not-mapping",
    total_mismatch: "total-mismatch",
    undrawable_char: "undrawable-char",
    unknown_key: "unknown-key",
    unknown_metric: "unknown-metric",
    unknown_sample: "unknown-sample",
    wrong_type: "wrong-type",
    wrong_version: "wrong-version",
    year_outside_period: "year-outside-period",
}

#[test]
fn every_fixture_folder_has_its_test() {
    let root = common::root().join("tests/fixtures/errors");
    let mut folders: Vec<String> =
        std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    folders.sort();
    assert_eq!(folders, LISTED, "add the new fixture folder to the fixtures! list");
}

#[test]
fn the_minimal_fixture_base_is_valid() {
    let output = common::baocao(&["check", "minimal.yaml"], &common::root().join("tests/fixtures"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn no_input_panics_on_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: &[&[u8]] = &[
        b"",
        b"---\n",
        b"42",
        b"phien_ban: 1",
        b"\xff\xfe\x00bad",
        b"phien_ban: 1\nvan_ban: [1, 2]\nco_quan: 3\nnguoi_ky: {}\nchuong_trinh: null\ngiai_doan: {tu: x}\n",
        b"phien_ban: 1\nkhen_thuong: [{danh_sach: [{loai: 3}]}]\nket_qua_nam: [{}, 1, {nam: 2020, a: b}]\n",
        b"a: &x [*x]\n",
        b"{{{{",
    ];
    for (i, bytes) in garbage.iter().enumerate() {
        let path = dir.path().join(format!("g{i}.yaml"));
        std::fs::write(&path, bytes).unwrap();
        let output = common::baocao(&["check", path.to_str().unwrap()], dir.path());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "case {i}: {stderr}");
        assert!(!stderr.contains("panicked"), "case {i}: {stderr}");
        assert!(stderr.contains("không tệp nào được ghi"), "case {i}: {stderr}");
    }
}
