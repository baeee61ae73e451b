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

#[test]
fn every_error_fixture_prints_its_exact_message_and_exits_2() {
    let root = common::root().join("tests/fixtures/errors");
    let mut cases: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 20, "fixtures missing: {}", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|dir| run_case(dir).err()).collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
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
