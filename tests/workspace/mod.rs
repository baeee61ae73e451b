//! Helpers for the workspace tests (`baocao serve`): a server process on a
//! temporary workspace, killed when dropped; a small blocking HTTP/1.1
//! client over loopback that keeps the session cookie and CSRF token; and
//! multipart bodies. With `BAOCAO_TEST_STORE=postgres` every workspace is
//! a fresh PostgreSQL database of the cluster `BAOCAO_TEST_POSTGRES` names
//! (scripts/test runs the workspace tests a second time so).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_baocao")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether the workspace tests run against PostgreSQL (`BAOCAO_TEST_STORE=postgres`).
pub fn on_postgres() -> bool {
    match std::env::var("BAOCAO_TEST_STORE").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Err(_) => false,
        Ok(other) => panic!("BAOCAO_TEST_STORE={other}: expected sqlite or postgres"),
    }
}

/// The PostgreSQL cluster of the tests (`BAOCAO_TEST_POSTGRES`); a test
/// that needs it fails without it, naming how to start one.
pub fn postgres_server() -> String {
    std::env::var("BAOCAO_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!(
            "this test needs PostgreSQL: set BAOCAO_TEST_POSTGRES=postgres://… (scripts/test starts a throw-away \
             cluster with scripts/postgres-for-tests and sets it)"
        )
    })
}

/// A new, empty database on the tests' cluster; its address.
pub fn fresh_postgres(name: &str) -> String {
    let server = postgres_server();
    // On a thread of its own: the blocking client may not run inside a
    // test's async runtime.
    let (url, database) = (server.clone(), name.to_string());
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect to the tests' PostgreSQL");
        match client.batch_execute(&format!("CREATE DATABASE \"{database}\"")) {
            Ok(()) => {}
            // Made already for this workspace (a second server, `users add`).
            Err(err) if err.code() == Some(&postgres::error::SqlState::DUPLICATE_DATABASE) => {}
            Err(err) => panic!("CREATE DATABASE {database}: {err}"),
        }
    })
    .join()
    .expect("a database for the test");
    let (cluster, _) = server.rsplit_once('/').expect("postgres://host:port/db");
    format!("{cluster}/{name}")
}

/// The `--database` arguments that put `workspace` in PostgreSQL (none on
/// SQLite): one database per workspace folder, so every process started
/// on one folder shares it as they would share its SQLite file.
pub fn store_args(workspace: &Path) -> Vec<String> {
    if !on_postgres() {
        return Vec::new();
    }
    std::fs::create_dir_all(workspace).expect("workspace folder");
    let folder = workspace.canonicalize().expect("workspace folder");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in folder.to_string_lossy().bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    vec!["--database".into(), fresh_postgres(&format!("ws_{hash:016x}"))]
}

/// A running `baocao serve`.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    pub workspace: PathBuf,
}

impl Server {
    /// Starts a server on `workspace`, on a free loopback port.
    pub fn start(workspace: &Path) -> Server {
        Server::start_on(workspace, "127.0.0.1:0")
    }

    pub fn start_on(workspace: &Path, listen: &str) -> Server {
        Server::start_with(workspace, listen, &store_args(workspace))
    }

    /// Starts a server on `workspace` with more arguments (`--database …`).
    pub fn start_with(workspace: &Path, listen: &str, more: &[String]) -> Server {
        let mut child = Command::new(binary())
            .args(["serve", "--listen", listen, "--workspace"])
            .arg(workspace)
            .args(more)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start baocao serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let mut said = String::new();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    said.push_str(&line);
                    said.push('\n');
                    if let Some(rest) = line.split("http://").nth(1) {
                        break rest.split('/').next().unwrap_or_default().to_string();
                    }
                }
                _ => panic!("baocao serve stopped before listening:\n{said}"),
            }
        };
        // Keep reading what it says, so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        let addr = addr.replace("0.0.0.0", "127.0.0.1");
        Server { child, addr, workspace: workspace.to_path_buf() }
    }

    /// Kills the process at once (SIGKILL): no shutdown, no flushing.
    pub fn kill_9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// A client; on an open workspace (no users) it carries the CSRF token
    /// the server gives this machine, as the pages do.
    pub fn client(&self) -> Client {
        let mut client = Client { addr: self.addr.clone(), cookie: None, csrf: None, host: None };
        let session = client.get("/api/session");
        if session.status == 200 {
            client.csrf = session.json()["csrf"].as_str().map(str::to_string);
        }
        client
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill_9();
    }
}

/// `baocao users add NAME` on `workspace`, the password on stdin.
pub fn add_user(workspace: &Path, name: &str, password: &str) -> std::process::Output {
    add_user_with(workspace, &store_args(workspace), name, password)
}

/// `baocao users add NAME` with more arguments (`--database …`).
pub fn add_user_with(workspace: &Path, more: &[String], name: &str, password: &str) -> std::process::Output {
    let mut child = Command::new(binary())
        .args(["users", "add", name, "--workspace"])
        .arg(workspace)
        .args(more)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run users add");
    child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("write password");
    child.wait_with_output().expect("users add output")
}

/// `baocao ARGS --workspace WORKSPACE`, `stdin` fed to it (a password);
/// on PostgreSQL with the workspace's `--database` too, unless ARGS name one.
pub fn command(workspace: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    let store = if args.contains(&"--database") { Vec::new() } else { store_args(workspace) };
    let mut child = Command::new(binary())
        .args(args)
        .arg("--workspace")
        .arg(workspace)
        .args(store)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run baocao");
    // A command refused before it reads the password has closed its stdin:
    // the write then fails with a broken pipe, and the answer is in the output.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    child.wait_with_output().expect("output")
}

/// The province of the units tests and its two wards.
pub const PROVINCE: &str = "UBND thành phố Hải Phòng";
pub const WARD_A: &str = "Phường Hồng Bàng";
pub const WARD_B: &str = "Phường Lê Chân";
/// The province above its two wards, as `set_up_units` takes them.
pub const PROVINCE_AND_WARDS: [(&str, Option<&str>); 3] =
    [(PROVINCE, None), (WARD_A, Some(PROVINCE)), (WARD_B, Some(PROVINCE))];

/// A province set up from the command line: `units` (name, the unit above)
/// with `baocao units add`, then `users` (name, and her unit and role — none
/// for the whole office) with `users add`; each command must succeed.
pub fn set_up_units(
    workspace: &Path,
    units: &[(&str, Option<&str>)],
    users: &[(&str, Option<(&str, &str)>)],
    password: &str,
) {
    for (name, parent) in units {
        let mut args = vec!["units", "add", name];
        if let Some(parent) = parent {
            args.extend(["--thuoc", parent]);
        }
        let output = command(workspace, &args, "");
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    for (user, place) in users {
        let mut args = vec!["users", "add", user];
        if let Some((unit, role)) = place {
            args.extend(["--don-vi", unit, "--vai-tro", role]);
        }
        let output = command(workspace, &args, &format!("{password}\n"));
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

/// A client of `server` signed in as `user` (the sign-in must succeed).
pub fn signed_in(server: &Server, user: &str, password: &str) -> Client {
    let mut client = server.client();
    let answer = client.login(user, password);
    assert_eq!(answer.status, 200, "{user}: {}", answer.text());
    client
}

/// A conference made from `yaml` alone (no files); its id.
pub fn create_yaml(client: &Client, yaml: &str) -> i64 {
    let answer = client.post_multipart("/api/conferences", &[("input", Some("hn.yaml"), yaml.as_bytes())], &[]);
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["id"].as_i64().expect("id")
}

/// «Ban hành» of every conference of `ids` (each at version 1) at the same
/// moment, the k-th through server k mod 2: two processes racing for one
/// counter. The decision numbers each issue gave, all together.
pub fn issue_at_once(first: &Server, second: &Server, ids: &[i64]) -> Vec<String> {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(ids.len()));
    let issuers: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let client = if k % 2 == 0 { first.client() } else { second.client() };
            let (barrier, id) = (std::sync::Arc::clone(&barrier), *id);
            std::thread::spawn(move || {
                barrier.wait();
                client.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "1")], b"")
            })
        })
        .collect();
    let mut decisions = Vec::new();
    for issuer in issuers {
        let answer = issuer.join().expect("an issuing thread");
        assert_eq!(answer.status, 200, "{}", answer.text());
        let given = answer.json()["decisions"].as_array().expect("decisions").clone();
        decisions.extend(given.iter().map(|d| d.as_str().expect("a number").to_string()));
    }
    decisions
}

/// An answer.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|err| panic!("not JSON ({err}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }
}

/// A part of a multipart body: (field name, file name, bytes).
pub type Part<'a> = (&'a str, Option<&'a str>, &'a [u8]);

pub fn multipart(parts: &[Part]) -> (String, Vec<u8>) {
    let boundary = "----baocao-test-7d1f0c";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(file) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A client of one server: one connection per request, the session kept.
#[derive(Clone)]
pub struct Client {
    pub addr: String,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    /// The `Host` header sent, when not the server's address (a page of
    /// another site reaching this server by DNS rebinding sends its own).
    pub host: Option<String>,
}

impl Client {
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let mut stream = TcpStream::connect(&self.addr).expect("connect to the server");
        stream.set_read_timeout(Some(Duration::from_secs(300))).ok();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.host.as_deref().unwrap_or(&self.addr),
            body.len()
        );
        if let Some(cookie) = &self.cookie {
            head.push_str(&format!("Cookie: {cookie}\r\n"));
        }
        if let Some(csrf) = &self.csrf {
            head.push_str(&format!("X-CSRF-Token: {csrf}\r\n"));
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).expect("send");
        stream.write_all(body).expect("send body");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read answer");
        parse(&raw)
    }

    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    pub fn post_json(&self, path: &str, value: &serde_json::Value) -> Response {
        self.request("POST", path, &[("Content-Type", "application/json")], value.to_string().as_bytes())
    }

    pub fn post_multipart(&self, path: &str, parts: &[Part], headers: &[(&str, &str)]) -> Response {
        let (kind, body) = multipart(parts);
        let mut all = vec![("Content-Type", kind.as_str())];
        all.extend_from_slice(headers);
        self.request("POST", path, &all, &body)
    }

    /// `PUT` of a YAML body editing `version`.
    pub fn put_yaml(&self, path: &str, version: i64, yaml: &str) -> Response {
        let version = version.to_string();
        self.request("PUT", path, &[("If-Match", &version), ("Content-Type", "application/yaml")], yaml.as_bytes())
    }

    /// Signs in: keeps the cookie and the CSRF token.
    pub fn login(&mut self, user: &str, password: &str) -> Response {
        let answer = self.post_json("/api/login", &serde_json::json!({ "user": user, "password": password }));
        if answer.status == 200 {
            let cookie = answer.header("set-cookie").expect("a session cookie");
            self.cookie = Some(cookie.split(';').next().unwrap_or_default().to_string());
            self.csrf = answer.json()["csrf"].as_str().map(str::to_string);
        }
        answer
    }
}

fn parse(raw: &[u8]) -> Response {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP answer");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status");
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_string(), v.trim().to_string())).collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Response { status, headers, body }
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..end]).split(';').next().unwrap_or("0").trim(), 16)
                .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
    out
}

/// The sample conference (YAML and its list).
pub fn sample() -> (String, Vec<u8>) {
    let yaml = std::fs::read_to_string(root().join("inputs/hai-phong-2018.yaml")).expect("sample");
    let list = std::fs::read(root().join("inputs/hai-phong-2018-bang-khen.csv")).expect("sample list");
    (yaml, list)
}

pub const SAMPLE_LIST: &str = "hai-phong-2018-bang-khen.csv";

/// Creates the sample conference; its id.
pub fn create_sample(client: &Client) -> i64 {
    let (yaml, list) = sample();
    let answer = client.post_multipart(
        "/api/conferences",
        &[("input", Some("hai-phong-2018.yaml"), yaml.as_bytes()), (SAMPLE_LIST, Some(SAMPLE_LIST), &list)],
        &[],
    );
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["id"].as_i64().expect("id")
}

/// The names in a ZIP.
pub fn zip_names(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    archive.file_names().map(str::to_string).collect()
}

pub fn zip_file(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut file = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the ZIP"));
    let mut out = Vec::new();
    file.read_to_end(&mut out).expect("unzip");
    out
}

/// A minimal XLSX workbook with one sheet of text cells (inline strings).
pub fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let column = |i: usize| ((b'A' + i as u8) as char).to_string();
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.push_str(&format!(
                    "<c r=\"{}{}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    column(c),
                    r + 1,
                    escape(cell)
                ));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
             <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
             </Types>"
                .to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
             </Relationships>"
                .to_string(),
        ),
        (
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
             <sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
                .to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
             </Relationships>"
                .to_string(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files {
        writer.start_file(name, options).expect("zip entry");
        writer.write_all(text.as_bytes()).expect("zip write");
    }
    writer.finish().expect("zip").into_inner()
}

/// Text of a PDF through poppler's `pdftotext`; a missing tool fails.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let output = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap_or_default(), "-"])
        .output()
        .unwrap_or_else(|err| panic!("pdftotext is needed ({err}); install poppler-utils (scripts/test does)"));
    String::from_utf8_lossy(&output.stdout).to_string()
}

/// The rows of an XLSX's first sheet, every cell as text (read back with calamine).
pub fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX workbook");
    let sheet = book.worksheet_range_at(0).expect("a first sheet").expect("a readable sheet");
    sheet.rows().map(|row| row.iter().map(|cell| cell.to_string()).collect()).collect()
}
