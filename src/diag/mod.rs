//! Problems with the user's input, list files and templates: what went
//! wrong, where (file:line:col and field path), and the message a person
//! reads, in Vietnamese or English. This module only declares its parts and
//! names what the rest of the crate uses.

mod failure;
mod kind;
mod lang;
mod list;
pub(crate) mod messages;
mod numbers;
mod problem;
mod proposal;
mod render;
mod workspace;

pub(crate) use failure::NotARegularFile;
pub use failure::{Failure, IoAction, Refusal};
pub use kind::{Expect, Kind, Unit};
pub use lang::{Lang, Severity};
pub use list::{CellTrouble, ColumnUse, FileWhat, KindSource, ListKind, RecipientKind, SkipReason};
pub use problem::{render_all, Location, Problem};
pub use proposal::ProposalTrouble;
pub use render::{ArchivalRule, RenderKind};
pub use workspace::{OwnField, WorkspaceKind};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_labelled_and_not_counted_as_errors() {
        let warning = Problem {
            location: Location::file("a.yaml").into(),
            path: "khen_thuong[0].danh_sach[2]".into(),
            kind: Kind::SmallestSize {
                file: "khen-1.pdf".into(),
                page: 3,
                recipient: "Nguyễn Văn An".into(),
                field: "ten".into(),
                tenths_of_pt: 185,
            },
        };
        let vi = render_all(std::slice::from_ref(&warning), Lang::Vi);
        assert!(vi.starts_with("cảnh báo: a.yaml: khen_thuong[0].danh_sach[2]: khen-1.pdf trang 3"), "{vi}");
        assert!(vi.contains("(18,5 pt)"), "{vi}");
        assert!(!vi.contains("không tệp nào được ghi"), "{vi}");
        let en = render_all(&[warning.clone(), Problem { kind: Kind::EmptyList, ..warning }], Lang::En);
        assert!(en.starts_with("warning: a.yaml: khen_thuong[0].danh_sach[2]: khen-1.pdf page 3"), "{en}");
        assert!(en.ends_with("1 error(s); no file was written.\n"), "{en}");
    }

    #[test]
    fn command_line_problems_name_the_option() {
        let problem = Problem {
            location: Location::command_line().into(),
            path: "--from, --to".into(),
            kind: Kind::RangeReversed { from: 2020, to: 2018 },
        };
        assert_eq!(problem.headline(Lang::En), "--from, --to: range reversed: --from 2020 must not exceed --to 2018");
    }

    #[test]
    fn caret_points_at_the_column() {
        let problem = Problem {
            location: Location {
                file: "a.yaml".into(),
                line: Some(3),
                col: Some(9),
                excerpt: Some("  ngay: 2018-02-30".into()),
                cell: None,
            }
            .into(),
            path: "van_ban.ngay".into(),
            kind: Kind::BadDate("2018-02-30".into()),
        };
        let text = problem.render(Lang::Vi);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("lỗi: a.yaml:3:9: van_ban.ngay: ngày «2018-02-30»"));
        assert_eq!(lines[1], " 3 |   ngay: 2018-02-30");
        assert_eq!(lines[2], "   |         ^");
    }
}
