//! Proposals sent up, on one PostgreSQL database served by two `baocao
//! serve` processes, as a province runs them: a ward's proposal sent many
//! times at once (two clerks, a double click, over both processes) waits
//! once; accepted many times at once over both processes, it is accepted
//! once — its recipients appended once, in one new version.
//! Needs the tests' cluster (`BAOCAO_TEST_POSTGRES`; scripts/test starts it).

mod workspace;

use std::path::Path;
use std::sync::{Arc, Barrier};

use serde_json::json;
use workspace::{create_yaml, fresh_postgres, signed_in, Client, Server};

const PROVINCE: &str = "UBND thành phố Hải Phòng";
const WARD: &str = "Phường Hồng Bàng";
const PASSWORD: &str = "mật khẩu dài";

/// `baocao ARGS --workspace WS --database URL`, `stdin` fed to it; it must succeed.
fn baocao(ws: &Path, database: &str, args: &[&str], stdin: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new(workspace::binary())
        .args(args)
        .arg("--workspace")
        .arg(ws)
        .args(["--database", database])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run baocao");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// The ward's conference: group 1 proposed to the city (a tờ trình), two recipients.
const WARD_CONFERENCE: &str = r#"phien_ban: 1
van_ban: { loai: so_ket, so_ky_hieu: "88/BC-UBND", dia_danh: "Hải Phòng", ngay: 2025-11-20, noi_nhan: ["Lưu: VT"] }
co_quan: { chu_quan: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", ten: "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG BÀNG" }
nguoi_ky: { the_thuc: "TM. ỦY BAN NHÂN DÂN", chuc_vu: "CHỦ TỊCH", ho_ten: "Đỗ Thị Mai" }
chuong_trinh:
  so: "12/CTr-UBND-MTTQ"
  ngay: 2021-03-15
  ten: "Phối hợp xây dựng khu dân cư an toàn về an ninh, trật tự"
  cac_ben: ["Ủy ban nhân dân phường Hồng Bàng", "Ủy ban MTTQ Việt Nam phường Hồng Bàng"]
giai_doan: { tu: 2021, den: 2025 }
khen_thuong:
  - hinh_thuc: bang_khen
    cap_khen: "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    co_quan: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    dia_danh: "Hải Phòng"
    quyet_dinh: { so: "/QĐ-UBND", ngay: 2025-12-01 }
    nguoi_ky: { the_thuc: "KT. CHỦ TỊCH", chuc_vu: "PHÓ CHỦ TỊCH", ho_ten: "Lê Khắc Nam" }
    to_trinh: { so: "45/TTr-UBND", ngay: 2025-11-18 }
    danh_sach:
      - { loai: tap_the, ten: "Tổ dân phố số 5", don_vi: "phường Hồng Bàng" }
      - { loai: ca_nhan, ten: "Trần Văn Bình", don_vi: "phường Hồng Bàng" }
"#;

/// `count` requests at once, every other one through the second process;
/// the statuses answered.
fn at_once(clients: [&Client; 2], count: usize, path: &str, body: serde_json::Value) -> Vec<(u16, String)> {
    let barrier = Arc::new(Barrier::new(count));
    let senders: Vec<_> = (0..count)
        .map(|k| {
            let (client, barrier, path, body) =
                (clients[k % 2].clone(), Arc::clone(&barrier), path.to_string(), body.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let answer = client.post_json(&path, &body);
                (answer.status, answer.text())
            })
        })
        .collect();
    senders.into_iter().map(|sender| sender.join().unwrap()).collect()
}

#[test]
fn a_proposal_sent_or_accepted_many_times_at_once_over_two_processes_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("a");
    let database = fresh_postgres(&format!("proposals_race_{}", std::process::id()));
    baocao(&ws, &database, &["units", "add", PROVINCE], "");
    baocao(&ws, &database, &["units", "add", WARD, "--thuoc", PROVINCE], "");
    for (user, unit, role) in
        [("vanthu-a", WARD, "van-thu"), ("vanthu-tinh", PROVINCE, "van-thu"), ("tinh", PROVINCE, "tinh")]
    {
        let line = format!("{PASSWORD}\n");
        baocao(&ws, &database, &["users", "add", user, "--don-vi", unit, "--vai-tro", role], &line);
    }
    let more = ["--database".to_string(), database.clone()];
    let first = Server::start_with(&ws, "127.0.0.1:0", &more);
    let second = Server::start_with(&dir.path().join("b"), "127.0.0.1:0", &more);

    let clerks = [signed_in(&first, "vanthu-a", PASSWORD), signed_in(&second, "vanthu-a", PASSWORD)];
    let ward = create_yaml(&clerks[0], WARD_CONFERENCE);
    let (sample, _) = workspace::sample();
    let own = sample.replace(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
        "    danh_sach:\n      - { loai: ca_nhan, ten: \"Phạm Quốc Nghĩa\" }\n",
    );
    let city = create_yaml(&signed_in(&first, "vanthu-tinh", PASSWORD), &own);

    // Sent 16 times at once: one waits, the others are told one already does.
    let sent =
        at_once([&clerks[0], &clerks[1]], 16, &format!("/api/conferences/{ward}/proposals"), json!({ "nhom": 1 }));
    let statuses: Vec<u16> = sent.iter().map(|(status, _)| *status).collect();
    assert_eq!(statuses.iter().filter(|status| **status == 201).count(), 1, "one proposal waits: {statuses:?}");
    assert!(sent.iter().all(|(status, _)| *status == 201 || *status == 422), "{sent:?}");
    let waiting = clerks[1].get("/api/proposals").json();
    let waiting: Vec<_> = waiting.as_array().unwrap().iter().filter(|p| p["trang_thai"] == "gui").collect();
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    let proposal = waiting[0]["id"].as_i64().unwrap();

    // Accepted 8 times at once: accepted once, its recipients appended once.
    let province = [signed_in(&first, "tinh", PASSWORD), signed_in(&second, "tinh", PASSWORD)];
    let accepted = at_once(
        [&province[0], &province[1]],
        8,
        &format!("/api/proposals/{proposal}/accept"),
        json!({ "hoi_nghi": city, "nhom": 1 }),
    );
    assert_eq!(accepted.iter().filter(|(status, _)| *status == 200).count(), 1, "{accepted:?}");
    // The others: already handled (422) or a version behind the one accepted (409).
    assert!(accepted.iter().all(|(status, _)| [200, 409, 422].contains(status)), "{accepted:?}");
    let read = province[1].get(&format!("/api/conferences/{city}")).json();
    assert_eq!(read["version"], 2, "one new version: {read}");
    let yaml = read["yaml"].as_str().unwrap();
    assert_eq!(yaml.matches("Trần Văn Bình").count(), 1, "{yaml}");
    assert_eq!(yaml.matches("Tổ dân phố số 5").count(), 1, "{yaml}");
}
