//! A province's workspace: units (a tree), users of a unit with a role, and
//! the server holding every route to them — a clerk of ward A gets 404 for
//! every route of ward B's conference (the routes swept are read from the
//! source, so a new route is swept too), a clerk cannot issue, a leader
//! cannot edit, the province reads both wards and summarises across them.

mod workspace;

use std::path::Path;
use std::process::{Command, Stdio};

use workspace::{binary, Server};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn baocao(workspace: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(binary())
        .args(args)
        .arg("--workspace")
        .arg(workspace)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run baocao");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("output")
}

fn said(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

const PROVINCE: &str = "UBND thành phố Hải Phòng";
const WARD_A: &str = "Phường Hồng Bàng";
const WARD_B: &str = "Phường Lê Chân";
const PASSWORD: &str = "mật khẩu dài";

/// The province and two wards; users of each role.
fn set_up(ws: &Path) {
    for (name, parent) in [(PROVINCE, None), (WARD_A, Some(PROVINCE)), (WARD_B, Some(PROVINCE))] {
        let mut args = vec!["units", "add", name];
        if let Some(parent) = parent {
            args.extend(["--thuoc", parent]);
        }
        let output = baocao(ws, &args, "");
        assert!(output.status.success(), "{}", said(&output));
    }
    for (user, unit, role) in [
        ("vanthu-a", Some(WARD_A), Some("van-thu")),
        ("lanhdao-a", Some(WARD_A), Some("lanh-dao")),
        ("vanthu-b", Some(WARD_B), Some("van-thu")),
        ("tinh", Some(PROVINCE), Some("tinh")),
        ("quantri", None, None),
    ] {
        let mut args = vec!["users", "add", user];
        if let (Some(unit), Some(role)) = (unit, role) {
            args.extend(["--don-vi", unit, "--vai-tro", role]);
        }
        let output = baocao(ws, &args, &format!("{PASSWORD}\n"));
        assert!(output.status.success(), "{}", said(&output));
    }
}

#[test]
fn units_and_users_are_set_up_from_the_command_line_and_bad_ones_refused() {
    let dir = temp();
    let ws = dir.path().join("ws");
    set_up(&ws);
    // Typed decomposed (as some keyboards send it): the same unit, in NFC.
    let decomposed = "To\u{302}\u{309} da\u{302}n pho\u{302}\u{301} 1";
    let output = baocao(
        &ws,
        &["units", "add", decomposed, "--thuoc", "Phu\u{31b}o\u{31b}\u{300}ng Ho\u{302}\u{300}ng Ba\u{300}ng"],
        "",
    );
    assert!(output.status.success(), "{}", said(&output));
    let listed = baocao(&ws, &["units", "list"], "");
    assert!(listed.status.success(), "{}", said(&listed));
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        format!("{PROVINCE}\n  {WARD_A}\n    Tổ dân phố 1\n  {WARD_B}\n")
    );

    // Each refusal: exit 2, the option named, the language asked, nothing stored.
    let cases: [(&[&str], &str, &str, &str); 5] = [
        (
            &["units", "add", "Xã Mới", "--thuoc", "Quận Không Có"],
            "--thuoc",
            "không có đơn vị «Quận Không Có»",
            "has no unit «Quận Không Có»",
        ),
        (
            &["units", "add", WARD_A, "--thuoc", PROVINCE],
            "units add",
            "đã có đơn vị «Phường Hồng Bàng»",
            "already exists",
        ),
        (
            &["users", "add", "ai-do", "--don-vi", "Phường Không Có", "--vai-tro", "van-thu"],
            "--don-vi",
            "không có đơn vị «Phường Không Có»",
            "has no unit",
        ),
        (
            &["users", "add", "ai-do", "--don-vi", WARD_A, "--vai-tro", "giam-doc"],
            "--vai-tro",
            "vai trò «giam-doc» không có",
            "there is no role «giam-doc»",
        ),
        (
            &["users", "add", "ai-do", "--don-vi", WARD_A],
            "--vai-tro",
            "--don-vi và --vai-tro đi cùng nhau",
            "go together",
        ),
    ];
    for (args, option, vi, en) in cases {
        for (lang, words) in [("vi", vi), ("en", en)] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let output = baocao(&ws, &all, &format!("{PASSWORD}\n"));
            let text = said(&output);
            assert_eq!(output.status.code(), Some(2), "{all:?}: {text}");
            assert!(text.contains(option) && text.contains(words), "{all:?} ({lang}): {text}");
            assert!(!text.contains("panicked"), "{text}");
        }
    }
    let listed_again = baocao(&ws, &["units", "list"], "");
    assert_eq!(listed.stdout, listed_again.stdout, "a refused unit is not stored");
    // The refused user was never added: she cannot sign in.
    let server = Server::start(&ws);
    let mut client = server.client();
    assert_eq!(client.login("ai-do", PASSWORD).status, 401);
    assert_eq!(client.login("vanthu-a", PASSWORD).status, 200);
}
