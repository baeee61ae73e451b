//! Hostile inputs (issue 9): each is refused with exit 2 and a located
//! message in the asked language, decided before any heavy work, and
//! nothing is written — deep or bracket-flooded YAML, huge files, files
//! that are not files, giant or broken emblems, templates that include
//! themselves, NaN/infinite/zero/huge print options and layout sizes.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Runs baocao in `cwd`; a run still going after a minute is a hang.
fn run(args: &[&str], cwd: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("baocao {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).to_string())
}

/// Letters only Vietnamese uses: an English message must have none
/// outside the quoted values.
fn has_vietnamese(text: &str) -> bool {
    let outside_quotes: String = text.split('«').map(|piece| piece.split_once('»').map_or(piece, |(_, r)| r)).collect();
    outside_quotes
        .chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ".contains(c))
}

/// Checks `args` fail with exit 2 in both languages, each message naming
/// `located` (file:line:col or field path) and containing `vi` / `en`;
/// the English one has no Vietnamese words.
fn refused(args: &[&str], cwd: &Path, located: &str, vi: &str, en: &str) {
    let (code, stderr) = run(args, cwd);
    assert_eq!(code, Some(2), "{args:?}: {stderr}");
    assert!(stderr.contains(located) && stderr.contains(vi), "{args:?}: expected «{located}» and «{vi}»:\n{stderr}");
    let mut english = vec!["--lang", "en"];
    english.extend_from_slice(args);
    let (code, stderr) = run(&english, cwd);
    assert_eq!(code, Some(2), "{english:?}: {stderr}");
    assert!(stderr.contains(located) && stderr.contains(en), "{english:?}: expected «{located}» and «{en}»:\n{stderr}");
    // The message lines, not the excerpts of the user's file under them.
    let messages: String = stderr.lines().filter(|l| !l.starts_with(' ')).collect::<Vec<_>>().join("\n");
    assert!(!has_vietnamese(&messages), "Vietnamese in the English message:\n{stderr}");
    assert!(!cwd.join("out").exists(), "nothing written");
}

fn sample_in(dir: &Path) -> PathBuf {
    for name in ["hai-phong-2018.yaml", "hai-phong-2018-bang-khen.csv"] {
        std::fs::copy(root().join("inputs").join(name), dir.join(name)).unwrap();
    }
    dir.join("hai-phong-2018.yaml")
}

#[test]
fn yaml_nested_or_flooded_is_refused_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();

    let nested = "phien_ban: 1\nx:\n".to_string() + &"- ".repeat(40_000) + "a\n";
    std::fs::write(dir.path().join("sau.yaml"), nested).unwrap();
    refused(&["check", "sau.yaml"], dir.path(), "sau.yaml:3:", "lồng nhau quá sâu", "nested too deep");
    std::fs::write(dir.path().join("ngoac.yaml"), "phien_ban: 1\nx: ".to_string() + &"[".repeat(100_000)).unwrap();
    refused(&["build", "ngoac.yaml"], dir.path(), "ngoac.yaml:2:", "quá 100 tầng", "over 100 levels");
    let stairs: String = (0..300).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect();
    std::fs::write(dir.path().join("bac.yaml"), stairs).unwrap();
    refused(&["check", "bac.yaml"], dir.path(), "bac.yaml:", "lồng nhau quá sâu", "nested too deep");
}

#[test]
fn files_too_big_or_not_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    // 65 MiB, sparse: read whole it would take a while; refused from its size.
    let big = std::fs::File::create(dir.path().join("to.yaml")).unwrap();
    big.set_len(65 * 1024 * 1024).unwrap();
    refused(&["check", "to.yaml"], dir.path(), "to.yaml: ", "quá lớn (65 MB)", "too large (65 MB)");
    std::fs::create_dir(dir.path().join("thu-muc.yaml")).unwrap();
    refused(
        &["check", "thu-muc.yaml"],
        dir.path(),
        "thu-muc.yaml: ",
        "không phải một tệp thường",
        "not a regular file",
    );
    refused(&["check", "/dev/zero"], dir.path(), "/dev/zero: ", "không phải một tệp thường", "not a regular file");
    let fifo = dir.path().join("ong.yaml");
    let path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    refused(&["check", "ong.yaml"], dir.path(), "ong.yaml: ", "không phải một tệp thường", "not a regular file");
    std::fs::write(dir.path().join("latin1.yaml"), b"phien_ban: 1\nten: Nguy\xe9n\n").unwrap();
    refused(&["check", "latin1.yaml"], dir.path(), "latin1.yaml:2:10", "không phải văn bản UTF-8", "not UTF-8");
}

/// A PNG whose header says `width` × `height` and whose data is `data`.
fn png_with(width: u32, height: u32, data: &[u8]) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], body: &[u8]) {
        out.extend((body.len() as u32).to_be_bytes());
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(body);
        out.extend_from_slice(&crc_input);
        out.extend(crc32(&crc_input).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = width.to_be_bytes().to_vec();
    header.extend(height.to_be_bytes());
    header.extend([8, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", data);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn emblems_that_are_huge_broken_or_not_files_are_located_errors_in_check() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample_in(dir.path());
    let yaml = std::fs::read_to_string(&input).unwrap();
    let with_emblem = |name: &str| {
        let text = yaml.replacen(
            "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"",
            &format!("    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"\n    bieu_tuong: \"{name}\""),
            1,
        );
        std::fs::write(&input, text).unwrap();
    };
    let line = yaml.lines().position(|l| l.contains("danh_sach_tep: \"hai-phong")).unwrap() + 2;
    let at = format!("hai-phong-2018.yaml:{line}:17: khen_thuong[0].bieu_tuong");
    // 40000 × 40000 in a few bytes: refused from its header.
    std::fs::write(dir.path().join("khong-lo.png"), png_with(40_000, 40_000, &[0; 16])).unwrap();
    with_emblem("khong-lo.png");
    refused(
        &["check", "hai-phong-2018.yaml"],
        dir.path(),
        &at,
        "quá lớn (40000 × 40000 điểm ảnh)",
        "too large (40000 × 40000 pixels)",
    );
    // A sound header and broken pixel data: found by check, not by build.
    std::fs::write(dir.path().join("hong.png"), png_with(64, 64, b"not zlib data at all")).unwrap();
    with_emblem("hong.png");
    refused(
        &["check", "hai-phong-2018.yaml"],
        dir.path(),
        &at,
        "tệp hỏng, bị cắt cụt hoặc không phải PNG",
        "cannot read the PNG image",
    );
    with_emblem("/dev/zero");
    refused(&["check", "hai-phong-2018.yaml"], dir.path(), &at, "không phải một tệp thường", "not a regular file");
    std::fs::create_dir(dir.path().join("anh")).unwrap();
    with_emblem("anh");
    refused(&["build", "hai-phong-2018.yaml"], dir.path(), &at, "không phải một tệp thường", "not a regular file");
}

#[test]
fn templates_that_include_themselves_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let templates = dir.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("tin-bai.hbs"), "Tin: {{> bao-cao-trich-yeu}}").unwrap();
    std::fs::write(templates.join("bao-cao-trich-yeu.hbs"), "{{> tin-bai}}").unwrap();
    refused(
        &["check", "hai-phong-2018.yaml", "--templates", "mau"],
        dir.path(),
        "tin-bai",
        "tự gọi lại chính nó (bao-cao-trich-yeu → tin-bai → bao-cao-trich-yeu)",
        "includes itself",
    );
    // A certificate box that includes another box that includes it.
    let layout = std::fs::read_to_string(root().join("templates/khen-bo-cuc.yaml"))
        .unwrap()
        .replace("chu: \"TẶNG\"", "chu: \"{{> hinh_thuc}}\"")
        .replace("chu: \"{{hoa hinh_thuc}}\"", "chu: \"{{> tang}}\"");
    std::fs::remove_file(templates.join("tin-bai.hbs")).unwrap();
    std::fs::remove_file(templates.join("bao-cao-trich-yeu.hbs")).unwrap();
    std::fs::write(templates.join("khen-bo-cuc.yaml"), layout).unwrap();
    refused(
        &["build", "hai-phong-2018.yaml", "--templates", "mau"],
        dir.path(),
        "khen-bo-cuc.yaml",
        "tự gọi lại",
        "includes itself",
    );
}

#[test]
fn print_options_that_are_not_finite_zero_or_huge_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    for scale in ["NaN", "inf", "0", "-1", "1e30"] {
        let arg = format!("--scale={scale}");
        refused(&["build", "hai-phong-2018.yaml", &arg], dir.path(), "--scale: ", "không dùng được", "cannot be used");
    }
    // A value too big for the layout's numbers is echoed as typed, not as «inf».
    let output = common::baocao(&["build", "hai-phong-2018.yaml", "--scale=1e308"], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("«1e308»") && !stderr.contains("inf"), "{stderr}");
    for offset in ["NaN,0", "0,inf", "1e9,1", "-51,0"] {
        let arg = format!("--offset={offset}");
        refused(
            &["build", "hai-phong-2018.yaml", &arg],
            dir.path(),
            "--offset: ",
            "từ -50 đến 50 mm",
            "from -50 to 50 mm",
        );
    }
    // Within the ranges, but every box pushed off the sheet: blank certificates.
    refused(
        &["build", "hai-phong-2018.yaml", "--offset=50,50", "--scale", "2"],
        dir.path(),
        "--offset, --scale: ",
        "ra hẳn ngoài tờ giấy",
        "wholly off the sheet",
    );
    std::fs::write(dir.path().join("may-in.yaml"), "lech_x: 1.5\nlech_y: .nan\nty_le: 0\n").unwrap();
    refused(
        &["build", "hai-phong-2018.yaml", "--profile", "may-in.yaml"],
        dir.path(),
        "may-in.yaml:2:9: lech_y: ",
        "«NaN»",
        "«NaN»",
    );
    let (_, stderr) = run(&["build", "hai-phong-2018.yaml", "--profile", "may-in.yaml"], dir.path());
    assert!(stderr.contains("may-in.yaml:3:8: ty_le: "), "{stderr}");
}

#[test]
fn layout_sizes_that_are_zero_or_huge_are_refused_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let templates = dir.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    let layout = std::fs::read_to_string(root().join("templates/khen-bo-cuc.yaml")).unwrap();
    let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let cases = [
        (layout.replace("co: [32, 20]", "co: [1e9, 1]"), "co: [1e9, 1]", "o[5].co[0]"),
        (layout.replace("kho: { rong: 420, cao: 297 }", "kho: { rong: 0, cao: 297 }"), "kho: {", "kho.rong"),
        (layout.replace("rong: 330, cao: 32", "rong: .inf, cao: 32"), "rong: .inf", "o[7].rong"),
        (layout.replace("co: [14, 11], can: trai }", "co: [14, 0], can: trai }"), "co: [14, 0]", "o[8].co[1]"),
    ];
    for (text, needle, path) in cases {
        std::fs::write(templates.join("khen-bo-cuc.yaml"), &text).unwrap();
        let at = format!("khen-bo-cuc.yaml:{}:", line_of(&text, needle));
        refused(
            &["check", "hai-phong-2018.yaml", "--templates", "mau"],
            dir.path(),
            &at,
            "không dùng được",
            "cannot be used",
        );
        let (_, stderr) = run(&["check", "hai-phong-2018.yaml", "--templates", "mau"], dir.path());
        assert!(stderr.contains(&format!(": {path}: ")), "{stderr}");
    }
}

#[test]
fn check_validates_a_large_run_without_rendering_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("loai,ten,chuc_vu\n");
    for i in 0..20_000 {
        csv.push_str(&format!("ca_nhan,Trần Thị Số {i},Tổ trưởng tổ dân phố số {i}\n"));
    }
    std::fs::write(dir.path().join("ds.csv"), csv).unwrap();
    let input = sample_with_list(dir.path(), "ds.csv");
    let (code, stderr) = run(&["check", input.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("hợp lệ"), "{stderr}");
    assert!(!dir.path().join("out").exists());
}

/// The minimal valid input with `from` replaced by `to`, written as `name` in `dir`.
fn minimal_with(dir: &Path, name: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(root().join("tests/fixtures/minimal.yaml")).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(dir.join(name), text.replacen(from, to, 1)).unwrap();
}

#[test]
fn nested_aliases_are_refused_at_the_alias_that_crosses_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    // "Billion laughs": 9 levels of ten aliases, about 400 bytes.
    let mut text = String::from("a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for level in 1..9 {
        let refs = vec![format!("*a{}", level - 1); 10].join(",");
        text.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    assert!(text.len() < 500);
    std::fs::write(dir.path().join("cuoi.yaml"), &text).unwrap();
    refused(&["check", "cuoi.yaml"], dir.path(), "cuoi.yaml:5:38: ", "quá 100.000 giá trị", "exceed 100,000 values");
    // Aliases repeating a long text: bounded by the text they add.
    let long = "x".repeat(90_000);
    let mut text = format!("a0: &a0 \"{long}\"\n");
    text.push_str(&format!("a1: &a1 [{}]\n", vec!["*a0"; 100].join(",")));
    text.push_str(&format!("a2: [{}]\n", vec!["*a1"; 100].join(",")));
    std::fs::write(dir.path().join("chu.yaml"), &text).unwrap();
    refused(&["check", "chu.yaml"], dir.path(), "chu.yaml:3:", "64 MB chữ", "64 MB of text");
}

#[test]
fn raw_control_characters_are_located_at_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    for (name, ch) in [("nul.yaml", '\u{0}'), ("esc.yaml", '\u{1b}'), ("del.yaml", '\u{7f}')] {
        minimal_with(dir.path(), name, "ho_ten: \"Nguyễn Văn An\"", &format!("ho_ten: \"Nguyễn{ch} Văn An\""));
        let at = format!("{name}:14:18: ");
        let code = format!("U+{:04X}", ch as u32);
        refused(&["check", name], dir.path(), &at, &code, &code);
        let (_, stderr) = run(&["check", name], dir.path());
        assert!(!stderr.contains(ch), "the raw character is not echoed: {stderr:?}");
    }
}

#[test]
fn long_lines_and_long_lists_are_refused_quickly_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    // A 10 MB line: refused at its 100,001st character, not read for minutes.
    minimal_with(
        dir.path(),
        "dong.yaml",
        "ho_ten: \"Nguyễn Văn An\"",
        &format!("ho_ten: \"{}\"", "A".repeat(10_000_000)),
    );
    refused(&["check", "dong.yaml"], dir.path(), "dong.yaml:14:100001: ", "100.000 ký tự", "100,000 characters");
    let keys = format!("{}: 1\n", "k".repeat(3_000_000));
    std::fs::write(dir.path().join("khoa.yaml"), keys).unwrap();
    refused(&["check", "khoa.yaml"], dir.path(), "khoa.yaml:1:100001: ", "dòng quá dài", "line too long");
    // A line just under the limit reads in well under a second (it took
    // seconds when the nesting scan counted columns for every character).
    minimal_with(dir.path(), "dai.yaml", "ho_ten: \"Nguyễn Văn An\"", &format!("ho_ten: \"{}\"", "Ân ".repeat(33_000)));
    let (code, stderr) = run(&["check", "dai.yaml"], dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    // A noi_nhan of 250,000 items: refused at the item past 200,000.
    let items = "    - \"Ủy ban nhân dân phường\"\n".repeat(250_000);
    minimal_with(dir.path(), "noi-nhan.yaml", "    - \"Lưu: VT\"\n", &format!("    - \"Lưu: VT\"\n{items}"));
    refused(
        &["check", "noi-nhan.yaml"],
        dir.path(),
        "noi-nhan.yaml:200008:7: ",
        "quá 200.000 mục",
        "over 200,000 entries",
    );
}

#[test]
fn numbers_too_large_or_too_precise_are_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for (typed, vi, en) in [
        (
            "100000000000000000000000",
            "quá lớn; số liệu tối đa là 999.999.999.999.999",
            "too large; figures go up to 999,999,999,999,999",
        ),
        ("1e30", "quá lớn", "too large"),
        ("1000000000000000", "quá lớn", "too large"),
        ("0.1234567890123456789", "có quá nhiều chữ số: baocao giữ đúng tới 15 chữ số", "keeps up to 15 digits"),
    ] {
        minimal_with(dir.path(), "so.yaml", "mo_hinh: 5", &format!("mo_hinh: {typed}"));
        refused(&["check", "so.yaml"], dir.path(), "so.yaml:25:27: ", &format!("«{typed}» {vi}"), en);
        let (_, stderr) = run(&["check", "so.yaml"], dir.path());
        assert!(!stderr.contains("u128") && !stderr.contains("không âm"), "{stderr}");
    }
}

#[test]
fn right_to_left_text_direction_controls_bare_marks_and_year_zero_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (typed, vi, en) in [
        ("שלום", "từ phải sang trái", "right-to-left"),
        ("Nguyễn \u{202e}Văn An", "U+202E", "U+202E"),
        ("An\u{2066}h", "hướng chữ vô hình", "text-direction control"),
        ("\u{301}\u{300}\u{303}", "không có chữ cái nào", "no letter"),
    ] {
        minimal_with(dir.path(), "ten.yaml", "ho_ten: \"Nguyễn Văn An\"", &format!("ho_ten: \"{typed}\""));
        refused(&["check", "ten.yaml"], dir.path(), "ten.yaml:14:11: nguoi_ky.ho_ten: ", vi, en);
        let (_, stderr) = run(&["check", "ten.yaml"], dir.path());
        assert!(!stderr.contains('\u{202e}') && !stderr.contains('\u{2066}'), "not echoed: {stderr:?}");
    }
    minimal_with(dir.path(), "nam.yaml", "ngay: 2015-03-02", "ngay: 0000-08-01");
    refused(
        &["check", "nam.yaml"],
        dir.path(),
        "nam.yaml:17:9: chuong_trinh.ngay: ",
        "năm phải từ 1900 đến 2200",
        "from 1900 to 2200",
    );
}

#[test]
fn input_problems_are_reported_before_the_output_folder_is_judged() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    // A folder baocao did not write, and a template that fails only when used.
    std::fs::create_dir_all(dir.path().join("out/hai-phong-2018")).unwrap();
    std::fs::write(dir.path().join("out/hai-phong-2018/ghi-chu.txt"), "của tôi").unwrap();
    std::fs::create_dir(dir.path().join("mau")).unwrap();
    std::fs::write(dir.path().join("mau/tin-bai.hbs"), "Tin: {{lookup}}").unwrap();
    let (code, stderr) = run(&["build", "hai-phong-2018.yaml", "--templates", "mau"], dir.path());
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("mau/tin-bai.hbs:1:6: "), "the input's problem first: {stderr}");
    assert!(!stderr.contains("manifest.json"), "{stderr}");
    // With the input right, the folder is judged.
    std::fs::remove_file(dir.path().join("mau/tin-bai.hbs")).unwrap();
    let (code, stderr) = run(&["build", "hai-phong-2018.yaml", "--templates", "mau"], dir.path());
    assert_ne!(code, Some(0), "{stderr}");
    assert!(stderr.contains("manifest.json"), "{stderr}");
}

#[test]
fn template_folder_files_are_bounded_regular_utf8_and_named() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let templates = dir.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    let args = ["check", "hai-phong-2018.yaml", "--templates", "mau"];
    // 10 MB, sparse: refused from its size before it is read or compiled.
    std::fs::File::create(templates.join("bao-cao.hbs")).unwrap().set_len(10 * 1024 * 1024).unwrap();
    refused(&args, dir.path(), "mau/bao-cao.hbs: ", "quá lớn (10 MB)", "too large (10 MB)");
    std::fs::remove_file(templates.join("bao-cao.hbs")).unwrap();
    // A folder, a FIFO and a link to /dev/zero under template names.
    std::fs::create_dir(templates.join("quyet-dinh.hbs")).unwrap();
    refused(&args, dir.path(), "mau/quyet-dinh.hbs: ", "không phải một tệp thường", "not a regular file");
    std::fs::remove_dir(templates.join("quyet-dinh.hbs")).unwrap();
    let fifo = std::ffi::CString::new(templates.join("tin-bai.hbs").to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    refused(&args, dir.path(), "mau/tin-bai.hbs: ", "không phải một tệp thường", "not a regular file");
    std::fs::remove_file(templates.join("tin-bai.hbs")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", templates.join("khen-bo-cuc.yaml")).unwrap();
    refused(&args, dir.path(), "mau/khen-bo-cuc.yaml: ", "không phải một tệp thường", "not a regular file");
    std::fs::remove_file(templates.join("khen-bo-cuc.yaml")).unwrap();
    // A misspelt name would leave the clerk's edit unused.
    std::fs::write(templates.join("bao-cao-trich-yue.hbs"), "x").unwrap();
    refused(&args, dir.path(), "mau/bao-cao-trich-yue.hbs: ", "có phải «bao-cao-trich-yeu.hbs»", "did you mean");
    std::fs::remove_file(templates.join("bao-cao-trich-yue.hbs")).unwrap();
    // Not UTF-8: the bad byte's line and column.
    std::fs::write(templates.join("tin-bai.hbs"), b"Tin\nNguy\xe9n {{x}}\n").unwrap();
    refused(&args, dir.path(), "mau/tin-bai.hbs:2:5", "không phải văn bản UTF-8", "not UTF-8");
    // An inline partial that includes itself: the file and the looping call.
    std::fs::write(templates.join("tin-bai.hbs"), "Tin\n{{#*inline \"r\"}}\n  {{> r}}{{/inline}}{{> r}}\n").unwrap();
    refused(&args, dir.path(), "mau/tin-bai.hbs:3:3", "tự gọi lại chính nó", "includes itself");
    // Notes and other files beside the templates are left alone.
    std::fs::remove_file(templates.join("tin-bai.hbs")).unwrap();
    std::fs::write(templates.join("ghi-chu.txt"), "x").unwrap();
    assert_eq!(run(&args, dir.path()).0, Some(0));
}

#[test]
fn helpers_given_a_group_of_fields_or_no_date_are_located_template_errors() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let templates = dir.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    let args = ["check", "hai-phong-2018.yaml", "--templates", "mau"];
    std::fs::write(templates.join("bao-cao-trich-yeu.hbs"), "Báo cáo {{ngay co_quan}}").unwrap();
    refused(&args, dir.path(), "mau/bao-cao-trich-yeu.hbs:1:9", "{{ngay …}} cần một ngày", "{{ngay …}} needs a date");
    std::fs::write(templates.join("bao-cao-trich-yeu.hbs"), "Báo cáo\n {{ngay co_quan.ten}}").unwrap();
    refused(&args, dir.path(), "mau/bao-cao-trich-yeu.hbs:2:2", "nhưng được «", "but was given «");
    std::fs::write(templates.join("bao-cao-trich-yeu.hbs"), "{{hoa giai_doan}}").unwrap();
    refused(
        &args,
        dir.path(),
        "mau/bao-cao-trich-yeu.hbs:1:1",
        "{{hoa …}} cần một đoạn chữ",
        "{{hoa …}} needs one text",
    );
    std::fs::write(templates.join("bao-cao-trich-yeu.hbs"), "{{so giai_doan}}").unwrap();
    refused(&args, dir.path(), "mau/bao-cao-trich-yeu.hbs:1:1", "{{so …}} cần một số", "{{so …}} needs a number");
    std::fs::remove_file(templates.join("bao-cao-trich-yeu.hbs")).unwrap();
    // The same in a certificate box.
    let layout = std::fs::read_to_string(root().join("templates/khen-bo-cuc.yaml")).unwrap();
    let text = layout.replace("chu: \"{{hoa hinh_thuc}}\"", "chu: \"{{hoa nhom}}\"");
    std::fs::write(templates.join("khen-bo-cuc.yaml"), &text).unwrap();
    let line = text.lines().position(|l| l.contains("{{hoa nhom}}")).unwrap() + 1;
    refused(&args, dir.path(), &format!("mau/khen-bo-cuc.yaml:{line}:"), "{{hoa …}} cần", "{{hoa …}} needs");
}

#[test]
fn layout_box_names_and_fields_are_refused_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let templates = dir.path().join("mau");
    std::fs::create_dir(&templates).unwrap();
    let args = ["check", "hai-phong-2018.yaml", "--templates", "mau"];
    let layout = std::fs::read_to_string(root().join("templates/khen-bo-cuc.yaml")).unwrap();
    let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    // Two boxes named alike: the national title would print the recipient.
    let text = layout.replace("{ ten: tieu_ngu,", "{ ten: nguoi_nhan,");
    std::fs::write(templates.join("khen-bo-cuc.yaml"), &text).unwrap();
    let second = line_of(&text, "chu: \"{{nguoi_nhan}}\"");
    let first = line_of(&text, "{{tieu_ngu}}");
    refused(
        &args,
        dir.path(),
        &format!("mau/khen-bo-cuc.yaml:{second}:"),
        &format!("ô «nguoi_nhan» đã có ở dòng {first}"),
        &format!("already defined on line {first}"),
    );
    // A field the data lacks, in both languages, at the box's text.
    let text = layout.replace("chu: \"{{chuc_vu_don_vi}}\"", "chu: \"{{khong_co}}\"");
    std::fs::write(templates.join("khen-bo-cuc.yaml"), &text).unwrap();
    refused(
        &args,
        dir.path(),
        &format!("mau/khen-bo-cuc.yaml:{}:", line_of(&text, "khong_co")),
        "dùng trường «khong_co» mà dữ liệu không có",
        "uses the field «khong_co», which the data lacks",
    );
    // A box text that does not compile: at its line, in words, not the library's.
    let text = layout.replace("chu: \"{{chuc_vu_don_vi}}\"", "chu: \"{{#if nguoi}}x\"");
    std::fs::write(templates.join("khen-bo-cuc.yaml"), &text).unwrap();
    refused(
        &args,
        dir.path(),
        &format!("mau/khen-bo-cuc.yaml:{}:", line_of(&text, "{{#if nguoi}}x")),
        "cú pháp mẫu sai",
        "the template syntax is wrong",
    );
    let (_, stderr) = run(&args, dir.path());
    assert!(!stderr.contains("expected escape") && !stderr.contains("invalid handlebars"), "{stderr}");
}

#[test]
fn summary_options_are_checked_at_their_name() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let summary = |extra: &[&str]| {
        let mut args = vec!["summary", "hai-phong-2018.yaml", "-o", "out"];
        args.extend_from_slice(extra);
        args.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let check = |extra: &[&str], located: &str, vi: &str, en: &str| {
        let args = summary(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&args, dir.path(), located, vi, en);
    };
    check(
        &["--from", "0", "--to", "2018"],
        "--from: ",
        "năm «0» không dùng được: cần một năm từ 1900 đến 2200",
        "expected a year from 1900 to 2200",
    );
    check(&["--from", "2016", "--to", "99999"], "--to: ", "năm «99999» không dùng được", "year «99999» cannot be used");
    check(
        &["--from", "2016", "--to", "2018", "--co-quan", " "],
        "--co-quan: ",
        "không được để trống",
        "must not be empty",
    );
    check(
        &["--from", "2016", "--to", "2018", "--co-quan", "CÔNG AN\u{1b}[31m"],
        "--co-quan: ",
        "ký tự điều khiển U+001B",
        "control character U+001B",
    );
}
