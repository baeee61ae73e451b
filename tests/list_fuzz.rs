//! A property test over the list readers (issue 23): a CSV list and an
//! XLSX workbook, mutated at random — bytes flipped, cut, repeated or
//! inserted (quotes, separators, line breaks, control and right-to-left
//! characters) — never panic, and a list that cannot be read gives located
//! problems, never a silent guess.
//!
//! Bounded for CI: 64 cases of each by default (`PROPTEST_CASES` sets
//! another count); each case reads one small file.

mod common;

use std::path::Path;

use common::lists::{row, write_xlsx, Sheet};
use common::sample_with_list;
use proptest::prelude::*;

const CSV: &str = "DANH SÁCH KHEN THƯỞNG\nSTT,Loại,Họ và tên,Chức vụ\n1,Cá nhân,Lê Văn An,Tổ trưởng\n\
2,Tập thể,\"Tổ dân phố số 5, phường A\",\n3,Cá nhân,Trần Thị Hoa,\"Tổ phó, \"\"tích cực\"\"\"\n";

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: f64, byte: u8 },
    Cut { at: f64, len: usize },
    Repeat { at: f64, len: usize, times: usize },
    Insert { at: f64, piece: &'static str },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    let piece = prop::sample::select(vec![
        "\"",
        ",",
        ";",
        "\t",
        "\n",
        "\r\n",
        "\"\"",
        "\u{0}",
        "\u{1b}",
        "\u{202e}",
        "שלום",
        "\u{301}",
        "=1+1",
        "1e30",
        "\u{feff}",
        "Céng hßa",
    ]);
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (at.clone(), 1..300usize).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (at.clone(), 1..60usize, 2..40usize).prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        (at, piece).prop_map(|(at, piece)| Mutation::Insert { at, piece }),
    ]
}

fn apply(bytes: &[u8], mutation: &Mutation) -> Vec<u8> {
    let place = |at: f64| ((bytes.len() as f64) * at) as usize;
    let mut out = bytes.to_vec();
    match mutation {
        Mutation::Flip { at, byte } => {
            if !out.is_empty() {
                let i = place(*at).min(out.len() - 1);
                out[i] ^= byte | 1;
            }
        }
        Mutation::Cut { at, len } => {
            let start = place(*at);
            out.drain(start..(start + len).min(out.len()));
        }
        Mutation::Repeat { at, len, times } => {
            let start = place(*at);
            let piece = out[start..(start + len).min(out.len())].to_vec();
            for _ in 1..*times {
                out.splice(start..start, piece.iter().copied());
            }
        }
        Mutation::Insert { at, piece } => {
            let start = place(*at);
            out.splice(start..start, piece.bytes());
        }
    }
    out
}

/// Reads the sample input with its list in `list` (bytes) named `name`:
/// no panic, and every problem located (file and line, cell or field).
fn read_list(name: &str, list: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), list).unwrap();
    let input = sample_with_list(dir.path(), name);
    if let Err(problems) = baocao::input::load(&input) {
        prop_assert!(!problems.is_empty());
        for problem in &problems {
            let located =
                problem.location.line.is_some() || problem.location.cell.is_some() || !problem.path.is_empty();
            prop_assert!(located, "unlocated: {}", problem.headline(baocao::diag::Lang::En));
            prop_assert!(!problem.headline(baocao::diag::Lang::Vi).is_empty());
        }
    }
    Ok(())
}

fn workbook() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    write_xlsx(
        &path,
        &[Sheet::new(
            "Bằng khen",
            vec![
                row(&["STT", "Loại", "Họ và tên", "Chức vụ"]),
                row(&["1", "Cá nhân", "Lê Văn An", "Tổ trưởng"]),
                row(&["2", "Tập thể", "Tổ dân phố số 5", ""]),
            ],
        )],
    );
    std::fs::read(Path::new(&path)).unwrap()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_csv_lists_never_panic_and_every_problem_is_located(
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let bytes = mutations.iter().fold(CSV.as_bytes().to_vec(), |bytes, m| apply(&bytes, m));
        read_list("ds.csv", &bytes)?;
    }

    #[test]
    fn mutated_xlsx_lists_never_panic_and_every_problem_is_located(
        mutations in prop::collection::vec(mutation(), 1..3)
    ) {
        let bytes = mutations.iter().fold(workbook(), |bytes, m| apply(&bytes, m));
        read_list("ds.xlsx", &bytes)?;
    }
}
