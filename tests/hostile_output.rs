//! Hostile cases for the output folder (issue 9): all or nothing under
//! kill -9 at random moments, two builds at once, a folder baocao did not
//! write, names that would escape, planted symlinks, leftovers of killed
//! runs, a full disk (a file-size limit), `-o` that is a file.

mod common;

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
}

/// Every file under `dir` (relative path → bytes), and the stray names
/// beside it.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().to_string_lossy().to_string();
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The names in `dir`'s parent that belong to `dir` besides itself.
fn leftovers(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect()
}

/// The sample with only its first award group (a different pack).
fn one_group_input(dir: &Path) -> PathBuf {
    let yaml = std::fs::read_to_string(sample_input()).unwrap();
    let cut = yaml.split("  - hinh_thuc: giay_khen").next().unwrap().to_string();
    std::fs::copy(root().join("inputs/hai-phong-2018-bang-khen.csv"), dir.join("hai-phong-2018-bang-khen.csv"))
        .unwrap();
    let path = dir.join("mot-nhom.yaml");
    std::fs::write(&path, cut).unwrap();
    path
}

fn copy_sample(dir: &Path) -> PathBuf {
    for name in ["hai-phong-2018.yaml", "hai-phong-2018-bang-khen.csv"] {
        std::fs::copy(root().join("inputs").join(name), dir.join(name)).unwrap();
    }
    dir.join("hai-phong-2018.yaml")
}

fn run(args: &[&str], cwd: &Path) -> (Option<i32>, String) {
    let output = bin().args(args).current_dir(cwd).output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).to_string())
}

#[test]
fn a_run_killed_at_any_moment_leaves_the_old_folder_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let two_groups = copy_sample(dir.path());
    let one_group = one_group_input(dir.path());
    // Reference packs: the same inputs give byte-identical files.
    let (old_ref, new_ref) = (dir.path().join("ref-old"), dir.path().join("ref-new"));
    build(&two_groups, &old_ref, &[]);
    build(&one_group, &new_ref, &[]);
    let (old, new) = (snapshot(&old_ref), snapshot(&new_ref));
    assert_ne!(old.keys().collect::<Vec<_>>(), new.keys().collect::<Vec<_>>());

    // How long a whole run takes here, to spread the kills over it.
    let out = dir.path().join("out");
    let start = Instant::now();
    build(&one_group, &out, &[]);
    let whole = start.elapsed();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut outcomes = BTreeMap::new();
    for round in 0..12 {
        // Start each round from the old pack (a completed run), then kill the
        // new one somewhere between its start and a little after its end.
        build(&two_groups, &out, &[]);
        assert_eq!(snapshot(&out), old, "round {round}: the old pack was rebuilt");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = whole.mul_f64((seed % 1000) as f64 / 1000.0 * 1.1);
        let mut child = bin()
            .args(["build", one_group.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let now = snapshot(&out);
        let outcome = if now == old {
            "old"
        } else if now == new {
            "new"
        } else {
            panic!(
                "round {round} (killed after {delay:?}, {status}): the folder is neither the old pack nor the new one: {:?}",
                now.keys().collect::<Vec<_>>()
            )
        };
        *outcomes.entry(outcome).or_insert(0) += 1;
    }
    // The next run cleans what killed runs left, and leaves only the folder.
    build(&one_group, &out, &[]);
    assert_eq!(snapshot(&out), new);
    assert_eq!(leftovers(&out), Vec::<String>::new(), "nothing beside the folder");
    eprintln!("outcomes over the kills: {outcomes:?}");
}

/// Whether another process holds the `flock` on `lock` (the file may also
/// be gone: then nobody holds it).
fn held_by_another(lock: &Path) -> bool {
    let Ok(file) = std::fs::File::open(lock) else { return false };
    match file.try_lock() {
        Ok(()) => false,
        Err(std::fs::TryLockError::WouldBlock) => true,
        Err(std::fs::TryLockError::Error(error)) => panic!("flock on {}: {error}", lock.display()),
    }
}

#[test]
fn a_second_build_into_the_same_folder_while_one_runs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A list long enough that the first build is still running.
    let mut csv = String::from("loai,ten,chuc_vu\n");
    for i in 0..3000 {
        csv.push_str(&format!("ca_nhan,Nguyễn Văn Số {i},Cán bộ Công an phường Số {i}\n"));
    }
    std::fs::write(dir.path().join("dai.csv"), csv).unwrap();
    let input = sample_with_list(dir.path(), "dai.csv");
    let out = dir.path().join("out");
    let first = bin()
        .args(["build", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--only", "khen"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Freeze the first while it holds the lock, so the second and third
    // surely run while it is still writing (they check the whole input
    // before they ask for the lock: on a loaded machine the first could
    // otherwise be done by then).
    let lock = dir.path().join(".out.baocao.lock");
    let pid = first.id() as libc::pid_t;
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        assert!(Instant::now() < deadline, "the first build never took its lock");
        std::thread::sleep(Duration::from_millis(2));
        if !lock.exists() {
            continue;
        }
        // SAFETY: signals to the child this test spawned and still owns.
        unsafe { libc::kill(pid, libc::SIGSTOP) };
        if held_by_another(&lock) {
            break;
        }
        unsafe { libc::kill(pid, libc::SIGCONT) };
    }
    let (code, stderr) = run(&["build", input.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path());
    let (en_code, en) =
        run(&["--lang", "en", "build", input.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path());
    unsafe { libc::kill(pid, libc::SIGCONT) };
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("một lần dựng khác đang ghi vào"), "{stderr}");
    assert_eq!(en_code, Some(1), "{en}");
    assert!(en.contains("another build is writing"), "{en}");
    // The folder is the first build's, whole; the lock is gone with it.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("khen-1.pdf") && !manifest.contains("bao-cao"), "{manifest}");
    let listed = manifest.matches("\"path\": ").count();
    assert_eq!(snapshot(&out).len(), listed + 1, "exactly the manifest's files and the manifest");
    assert!(!lock.exists());
    // A lock left by a killed holder does not block: the kernel released it.
    std::fs::write(&lock, "").unwrap();
    build(&input, &out, &["--only", "tin-bai"]);
}

#[test]
fn the_folder_holds_exactly_what_its_manifest_lists() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&copy_sample(dir.path()), &out, &[]);
    assert!(out.join("khen-2.pdf").exists());
    build(&one_group_input(dir.path()), &out, &["--only", "khen,quyet-dinh"]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let mut listed: Vec<String> =
        manifest["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect();
    listed.push("manifest.json".into());
    listed.sort();
    let present: Vec<String> = snapshot(&out).into_keys().collect();
    assert_eq!(present, listed, "no khen-2 of the earlier run stays behind");
}

#[test]
fn a_folder_baocao_did_not_write_is_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_sample(dir.path());
    let documents = dir.path().join("Documents");
    std::fs::create_dir(&documents).unwrap();
    std::fs::write(documents.join("luan-van.docx"), "mine").unwrap();
    let (code, stderr) = run(&["build", input.to_str().unwrap(), "-o", documents.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("không có manifest.json") && stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read(documents.join("luan-van.docx")).unwrap(), b"mine");
    assert_eq!(snapshot(&documents).len(), 1);
    assert_eq!(leftovers(&documents), Vec::<String>::new());
    let (code, en) =
        run(&["--lang", "en", "build", input.to_str().unwrap(), "-o", documents.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1));
    assert!(en.contains("no manifest.json") && en.contains("--force"), "{en}");
    // An empty folder is fine; --force replaces a foreign one whole.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    build(&input, &dir.path().join("empty"), &["--only", "tin-bai"]);
    build(&input, &documents, &["--only", "tin-bai", "--force"]);
    assert!(!documents.join("luan-van.docx").exists());
    assert!(documents.join("manifest.json").exists());
}

#[test]
fn output_that_is_a_file_or_cannot_be_written_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_sample(dir.path());
    let file = dir.path().join("ghi-chu.txt");
    std::fs::write(&file, "keep").unwrap();
    let (code, stderr) = run(&["build", input.to_str().unwrap(), "-o", file.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("là một tệp, không phải thư mục"), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), b"keep");
    // A parent that is a file: the system's reason, in Vietnamese.
    let below = file.join("out");
    let (code, stderr) = run(&["build", input.to_str().unwrap(), "-o", below.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("không ghi được") && stderr.contains("không phải thư mục"), "{stderr}");
    // calibrate -o onto a folder: refused, the folder untouched.
    let folder = dir.path().join("thu-muc");
    std::fs::create_dir(&folder).unwrap();
    let (code, stderr) = run(&["calibrate", "-o", folder.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(folder.is_dir() && snapshot(&folder).is_empty());
    // calibrate -o onto a pipe: refused before anything is written to it,
    // with a message that says what the path is, in either language.
    let pipe = dir.path().join("ong");
    assert!(Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    let (code, stderr) = run(&["calibrate", "-o", pipe.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("không phải tệp thường"), "{stderr}");
    let (code, stderr) = run(&["--lang", "en", "calibrate", "-o", pipe.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

/// Runs baocao with files limited to `bytes` (the kernel refuses to grow a
/// file past it, as a full disk would), the signal ignored so the write
/// fails with an error instead of killing the process.
fn run_with_file_limit(args: &[&str], cwd: &Path, bytes: u64) -> (Option<i32>, String) {
    let mut command = bin();
    command.args(args).current_dir(cwd);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).to_string())
}

#[test]
fn a_full_disk_mid_write_leaves_the_old_folder_and_the_old_calibration_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_sample(dir.path());
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "bao-cao"]);
    let before = snapshot(&out);
    let (code, stderr) =
        run_with_file_limit(&["build", input.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path(), 20_000);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("không ghi được") && stderr.contains("tệp quá lớn"), "{stderr}");
    assert_eq!(snapshot(&out), before, "the old folder exactly as it was");
    assert_eq!(leftovers(&out), Vec::<String>::new(), "no temporary folder left");

    let sheet = dir.path().join("calib.pdf");
    let (code, stderr) = run(&["calibrate", "-o", sheet.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    let old_sheet = std::fs::read(&sheet).unwrap();
    let (code, stderr) =
        run_with_file_limit(&["calibrate", "--sheet", "a4", "-o", sheet.to_str().unwrap()], dir.path(), 1000);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(std::fs::read(&sheet).unwrap(), old_sheet, "not truncated");
    let strays: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".calib.pdf"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
}

#[test]
fn a_full_disk_while_certificates_stream_to_their_file_is_a_located_write_error() {
    // Certificates go to their file page by page: the disk filling up
    // mid-file is reported as the file that could not be written, in the
    // asked language, and the old folder stays.
    let dir = tempfile::tempdir().unwrap();
    let input = copy_sample(dir.path());
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "bao-cao"]);
    let before = snapshot(&out);
    for (format, file) in [("pdf", "khen-1.pdf"), ("docx", "khen-1.docx")] {
        let args =
            ["build", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--only", "khen", "--format", format];
        let (code, stderr) = run_with_file_limit(&args, dir.path(), 6_000);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(
            stderr.contains("không ghi được") && stderr.contains(file) && stderr.contains("tệp quá lớn"),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "one message, no library's own complaint: {stderr}");
        let mut english = vec!["--lang", "en"];
        english.extend(args);
        let (code, stderr) = run_with_file_limit(&english, dir.path(), 6_000);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("cannot write") && stderr.contains(file) && stderr.contains("too large"), "{stderr}");
        assert_eq!(snapshot(&out), before, "the old folder exactly as it was");
        assert_eq!(leftovers(&out), Vec::<String>::new(), "no temporary folder left");
    }
}

#[test]
fn names_never_leave_the_output_folder_and_links_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    copy_sample(&work);
    std::fs::copy(work.join("hai-phong-2018.yaml"), work.join("...yaml")).unwrap();
    std::fs::write(work.join("giu-lai.txt"), "keep").unwrap();
    let (code, stderr) = run(&["build", "...yaml", "--only", "tin-bai"], &work);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(work.join("out/dau-vao/manifest.json").exists(), "{stderr}");
    assert!(!work.join("out/manifest.json").exists() && !work.join("manifest.json").exists());
    assert_eq!(std::fs::read(work.join("giu-lai.txt")).unwrap(), b"keep");

    // A link planted inside the old folder, and leftovers of killed runs
    // (one holding a link out): nothing is written through them.
    let out = work.join("out/hai-phong-2018");
    build(&work.join("hai-phong-2018.yaml"), &out, &["--only", "bao-cao"]);
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "untouched").unwrap();
    std::fs::remove_file(out.join("bao-cao.pdf")).unwrap();
    std::os::unix::fs::symlink(&victim, out.join("bao-cao.pdf")).unwrap();
    let stale = work.join("out/.hai-phong-2018.baocao-0123456789abcdef.tmp");
    std::fs::create_dir(&stale).unwrap();
    std::os::unix::fs::symlink(&victim, stale.join("bao-cao.pdf")).unwrap();
    build(&work.join("hai-phong-2018.yaml"), &out, &["--only", "bao-cao"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    assert!(!std::fs::symlink_metadata(out.join("bao-cao.pdf")).unwrap().file_type().is_symlink());
    assert!(!stale.exists(), "the killed run's folder is cleaned");
    assert_eq!(leftovers(&out), Vec::<String>::new());

    // -o naming a link to a folder replaces the folder it points at.
    let real = dir.path().join("that-that");
    build(&work.join("hai-phong-2018.yaml"), &real, &["--only", "tin-bai"]);
    let link = work.join("loi-tat");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    build(&work.join("hai-phong-2018.yaml"), &link, &["--only", "bao-cao"]);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(real.join("bao-cao.pdf").exists() && !real.join("tin-bai.txt").exists());
}

/// Sets `path`'s modification time `seconds` back.
fn age(path: &Path, seconds: u64) {
    let file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.set_modified(std::time::SystemTime::now() - Duration::from_secs(seconds)).unwrap();
}

#[test]
fn temporaries_of_killed_calibrate_runs_are_removed_by_the_next_run_and_only_they() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("calib.pdf");
    let at = |name: &str| dir.path().join(name);
    // What a killed run leaves: its temporary, unlocked, a few minutes old.
    let stale = at(".calib.pdf.baocao-0123456789abcdef.tmp");
    std::fs::write(&stale, b"%PDF-1.7 half").unwrap();
    age(&stale, 300);
    // A live run's temporary: locked, or just made.
    let live = at(".calib.pdf.baocao-1111111111111111.tmp");
    std::fs::write(&live, b"%PDF").unwrap();
    age(&live, 300);
    let held = std::fs::File::open(&live).unwrap();
    // SAFETY: flock on a descriptor this test owns.
    assert_eq!(unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&held), libc::LOCK_EX) }, 0);
    let fresh = at(".calib.pdf.baocao-2222222222222222.tmp");
    std::fs::write(&fresh, b"%PDF").unwrap();
    // Not ours: another name, a folder, a link.
    let other = at(".calib.pdf.baocao-notours.tmp");
    std::fs::write(&other, b"x").unwrap();
    age(&other, 300);
    std::fs::create_dir(at(".calib.pdf.baocao-3333333333333333.tmp")).unwrap();
    std::os::unix::fs::symlink(&other, at(".calib.pdf.baocao-4444444444444444.tmp")).unwrap();

    let (code, stderr) = run(&["calibrate", "-o", sheet.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(std::fs::read(&sheet).unwrap().starts_with(b"%PDF"));
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".calib.pdf"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            ".calib.pdf.baocao-1111111111111111.tmp",
            ".calib.pdf.baocao-2222222222222222.tmp",
            ".calib.pdf.baocao-3333333333333333.tmp",
            ".calib.pdf.baocao-4444444444444444.tmp",
            ".calib.pdf.baocao-notours.tmp",
        ]
    );
    drop(held);
}

#[test]
fn a_run_killed_between_the_two_renames_of_the_fallback_swap_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let two_groups = copy_sample(dir.path());
    let one_group = one_group_input(dir.path());
    let out = dir.path().join("out");
    build(&two_groups, &out, &[]);
    let old = snapshot(&out);
    // Where renameat2(RENAME_EXCHANGE) is unsupported the swap is two
    // renames; killed between them, the old folder is aside as `.old`, the
    // complete new one still under its temporary name, and no `out`.
    let aside = dir.path().join(".out.baocao-0123456789abcdef.old");
    std::fs::rename(&out, &aside).unwrap();
    let fresh = dir.path().join(".out.baocao-fedcba9876543210.tmp");
    std::fs::create_dir(&fresh).unwrap();
    std::fs::write(fresh.join("bao-cao.pdf"), b"%PDF half").unwrap();
    // The next run puts the old folder back before anything else: when it
    // then fails (a full disk), `out` is the old pack again, nothing beside.
    let (code, stderr) =
        run_with_file_limit(&["build", one_group.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path(), 20_000);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(snapshot(&out), old, "the old folder put back");
    assert_eq!(leftovers(&out), Vec::<String>::new());
    // And a run that completes replaces it as usual.
    std::fs::rename(&out, &aside).unwrap();
    build(&one_group, &out, &[]);
    assert_ne!(snapshot(&out), old);
    assert!(snapshot(&out).contains_key("manifest.json"));
    assert_eq!(leftovers(&out), Vec::<String>::new());
}
