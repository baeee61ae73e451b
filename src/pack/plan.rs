//! The papers a pack holds, typed: which paper (the report, the decision or
//! the certificates of an award group, the press summary, the period
//! summary), in which formats, under which file names. Made here once —
//! from the input and what was asked — and read by `build`, `check`, the
//! manifest, and the workspace's downloads and previews; no paper's name is
//! spelt anywhere else.

use serde::Serialize;

use std::path::PathBuf;

use crate::documents::certificate;
use crate::input::{Input, Source};

/// What `build` (and `check`) are asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    /// The input file, among the files it names (`Source::path` for one on disk).
    pub input: Source,
    pub templates: Option<PathBuf>,
    /// Empty: every kind the input has data for.
    pub only: Vec<DocKind>,
    /// Empty: both formats.
    pub formats: Vec<Format>,
    /// How certificates are printed.
    pub print: certificate::PrintOptions,
    /// Also one PDF per certificate, in `khen-N/`.
    pub split: bool,
    /// Show a progress bar on stderr (when it is a terminal).
    pub progress: bool,
    /// Replace an output folder that baocao did not write.
    pub force: bool,
    /// PDFs as PDF/A-2b, for archiving.
    pub pdfa: bool,
}

impl BuildRequest {
    /// Whether files in `format` are asked for (`--format`; none named: all).
    pub(crate) fn asks(&self, format: FileFormat) -> bool {
        self.formats.is_empty() || self.formats.iter().any(|f| FileFormat::from(*f) == format)
    }
}

/// A kind of paper the `--only` option names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// The báo cáo sơ kết / tổng kết.
    BaoCao,
    /// Each award group's decision with its attached list.
    QuyetDinh,
    /// Each award group's certificates.
    Khen,
    /// Each proposed award group's tờ trình with its attached list.
    ToTrinh,
    /// The press summary.
    TinBai,
    /// The period summary of several reports (`baocao summary`).
    TongHop,
    /// The conference-day papers: invitations, the chair's script, the
    /// delegate list and the receipt lists.
    NgayHoiNghi,
}

impl DocKind {
    /// The word `--only` takes and the manifest writes: "quyet-dinh".
    pub const fn name(self) -> &'static str {
        match self {
            DocKind::BaoCao => "bao-cao",
            DocKind::QuyetDinh => "quyet-dinh",
            DocKind::Khen => "khen",
            DocKind::ToTrinh => "to-trinh",
            DocKind::TinBai => "tin-bai",
            DocKind::TongHop => "tong-hop",
            DocKind::NgayHoiNghi => "ngay-hoi-nghi",
        }
    }
}

impl Serialize for DocKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// The formats `--format` chooses between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Pdf,
    Docx,
}

/// A file's format, as the manifest names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Pdf,
    Docx,
    /// The press summary's plain text for the portal.
    Txt,
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Pdf => "pdf",
            FileFormat::Docx => "docx",
            FileFormat::Txt => "txt",
        }
    }

    pub fn parse(extension: &str) -> Option<FileFormat> {
        [FileFormat::Pdf, FileFormat::Docx, FileFormat::Txt].into_iter().find(|f| f.extension() == extension)
    }
}

impl From<Format> for FileFormat {
    fn from(format: Format) -> FileFormat {
        match format {
            Format::Pdf => FileFormat::Pdf,
            Format::Docx => FileFormat::Docx,
        }
    }
}

/// One paper of a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paper {
    Report,
    /// The decision of award group `n` (from 0), with its attached list.
    Decision(usize),
    /// The certificates of award group `n` (from 0).
    Certificates(usize),
    /// The tờ trình proposing award group `n` (from 0), with its list.
    Proposal(usize),
    Press,
    /// The period summary.
    Summary,
    /// The giấy mời, a page per invited delegate.
    Invitations,
    /// The chương trình hội nghị: the agenda with times.
    Agenda,
    /// The chair's kịch bản điều hành.
    Script,
    /// The danh sách đại biểu to sign at the door.
    Delegates,
    /// The place cards (bảng tên) on the front table, a folded sheet per delegate.
    PlaceCards,
    /// The danh sách ký nhận of award group `n` (from 0).
    Receipts(usize),
}

/// The most award groups a paper's name can number (`khen-999`).
const MAX_GROUPS: usize = 999;

impl Paper {
    pub fn kind(self) -> DocKind {
        match self {
            Paper::Report => DocKind::BaoCao,
            Paper::Decision(_) => DocKind::QuyetDinh,
            Paper::Certificates(_) => DocKind::Khen,
            Paper::Proposal(_) => DocKind::ToTrinh,
            Paper::Press => DocKind::TinBai,
            Paper::Summary => DocKind::TongHop,
            Paper::Invitations
            | Paper::Agenda
            | Paper::Script
            | Paper::Delegates
            | Paper::PlaceCards
            | Paper::Receipts(_) => DocKind::NgayHoiNghi,
        }
    }

    /// The award group the paper belongs to (from 0).
    pub fn group(self) -> Option<usize> {
        match self {
            Paper::Decision(n) | Paper::Certificates(n) | Paper::Proposal(n) | Paper::Receipts(n) => Some(n),
            _ => None,
        }
    }

    /// Its place among the papers of its kind, as `build` writes them:
    /// by group, and the day's papers in their own order.
    pub fn order(self) -> (usize, usize) {
        match self {
            Paper::Invitations => (0, 0),
            Paper::Agenda => (1, 0),
            Paper::Script => (2, 0),
            Paper::Delegates => (3, 0),
            Paper::PlaceCards => (4, 0),
            Paper::Receipts(n) => (5, n),
            other => (0, other.group().unwrap_or(0)),
        }
    }

    /// Its name without extension: "bao-cao", "quyet-dinh-2", "khen-1", "tin-bai", "tong-hop".
    pub fn stem(self) -> String {
        match (self.group(), self.own_name()) {
            (Some(n), Some(name)) => format!("{name}-{}", n + 1),
            (Some(n), None) => format!("{}-{}", self.kind().name(), n + 1),
            (None, Some(name)) => name.to_string(),
            (None, None) => self.kind().name().to_string(),
        }
    }

    /// The file name of a paper whose kind holds several papers.
    const fn own_name(self) -> Option<&'static str> {
        match self {
            Paper::Invitations => Some("giay-moi"),
            Paper::Agenda => Some("chuong-trinh-hoi-nghi"),
            Paper::Script => Some("kich-ban"),
            Paper::Delegates => Some("danh-sach-dai-bieu"),
            Paper::PlaceCards => Some("bang-ten"),
            Paper::Receipts(_) => Some("ky-nhan"),
            _ => None,
        }
    }

    /// Its file in `format`: "quyet-dinh-2.docx".
    pub fn file(self, format: FileFormat) -> String {
        format!("{}.{}", self.stem(), format.extension())
    }

    /// The formats it is written in.
    pub fn formats(self) -> &'static [FileFormat] {
        match self {
            Paper::Press => &[FileFormat::Pdf, FileFormat::Docx, FileFormat::Txt],
            _ => &[FileFormat::Pdf, FileFormat::Docx],
        }
    }

    /// The paper a name stands for ("khen-2" or "khen-2.pdf"), as the
    /// workspace's addresses name them; none for anything else.
    pub fn parse(name: &str) -> Option<Paper> {
        let stem = name.split('.').next().unwrap_or(name);
        let group = |number: &str| {
            let fine = !number.is_empty() && !number.starts_with('0') && number.bytes().all(|b| b.is_ascii_digit());
            number.parse::<usize>().ok().filter(|n| fine && (1..=MAX_GROUPS).contains(n)).map(|n| n - 1)
        };
        let numbered = |kind: DocKind| stem.strip_prefix(kind.name())?.strip_prefix('-').and_then(group);
        let named = |name: &str| stem.strip_prefix(name)?.strip_prefix('-').and_then(group);
        [
            Paper::Report,
            Paper::Press,
            Paper::Summary,
            Paper::Invitations,
            Paper::Agenda,
            Paper::Script,
            Paper::Delegates,
            Paper::PlaceCards,
        ]
        .into_iter()
        .find(|paper| stem == paper.stem())
        .or_else(|| numbered(DocKind::QuyetDinh).map(Paper::Decision))
        .or_else(|| numbered(DocKind::Khen).map(Paper::Certificates))
        .or_else(|| numbered(DocKind::ToTrinh).map(Paper::Proposal))
        .or_else(|| named("ky-nhan").map(Paper::Receipts))
    }

    /// What a clerk calls it: "Quyết định khen thưởng 2".
    pub fn title(self) -> String {
        match self {
            Paper::Report => "Báo cáo".into(),
            Paper::Decision(n) => format!("Quyết định khen thưởng {}", n + 1),
            Paper::Certificates(n) => format!("Bằng khen / giấy khen nhóm {}", n + 1),
            Paper::Proposal(n) => format!("Tờ trình đề nghị khen thưởng nhóm {}", n + 1),
            Paper::Press => "Tin bài".into(),
            Paper::Summary => "Báo cáo tổng hợp".into(),
            Paper::Invitations => "Giấy mời".into(),
            Paper::Agenda => "Chương trình hội nghị".into(),
            Paper::Script => "Kịch bản điều hành".into(),
            Paper::Delegates => "Danh sách đại biểu".into(),
            Paper::PlaceCards => "Bảng tên đại biểu".into(),
            Paper::Receipts(n) => format!("Danh sách ký nhận nhóm {}", n + 1),
        }
    }
}

/// Every paper a conference makes, in the order a clerk reads them: the
/// report, the tờ trình of each group the conference proposes (`to_trinh`),
/// each group's decision (of a group only proposed: the draft sent with the
/// tờ trình), each decided group's certificates, and the press
/// summary and the day's papers when the input has a conference: the
/// invitations (when a delegate is invited), the chair's script, the
/// delegate list and the place cards (when there are delegates) and each
/// group's receipt list.
pub fn conference_papers(input: &Input) -> Vec<Paper> {
    let groups = input.khen_thuong.len();
    let mut papers = vec![Paper::Report];
    papers.extend((0..groups).filter(|n| input.khen_thuong[*n].to_trinh.is_some()).map(Paper::Proposal));
    papers.extend((0..groups).map(Paper::Decision));
    // A group only proposed is the unit above's to award and hand over.
    let decided: Vec<usize> = (0..groups).filter(|n| !input.khen_thuong[*n].only_proposed()).collect();
    papers.extend(decided.iter().copied().map(Paper::Certificates));
    if let Some(conference) = &input.hoi_nghi {
        papers.push(Paper::Press);
        if conference.dai_bieu.iter().any(|d| !d.to_chuc) {
            papers.push(Paper::Invitations);
        }
        papers.push(Paper::Agenda);
        papers.push(Paper::Script);
        if !conference.dai_bieu.is_empty() {
            papers.push(Paper::Delegates);
            papers.push(Paper::PlaceCards);
        }
        papers.extend(decided.iter().copied().map(Paper::Receipts));
    }
    papers
}

/// The papers of `kinds` among those of a conference (all when empty).
pub fn chosen(input: &Input, kinds: &[DocKind]) -> Vec<Paper> {
    conference_papers(input).into_iter().filter(|paper| kinds.is_empty() || kinds.contains(&paper.kind())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_their_papers() {
        let day = [
            Paper::Invitations,
            Paper::Agenda,
            Paper::Script,
            Paper::Delegates,
            Paper::PlaceCards,
            Paper::Receipts(0),
            Paper::Receipts(4),
        ];
        for paper in [
            Paper::Report,
            Paper::Decision(0),
            Paper::Decision(11),
            Paper::Certificates(998),
            Paper::Proposal(2),
            Paper::Press,
        ]
        .into_iter()
        .chain(day)
        {
            assert_eq!(Paper::parse(&paper.stem()), Some(paper));
            for format in paper.formats() {
                assert_eq!(Paper::parse(&paper.file(*format)), Some(paper));
            }
        }
        assert_eq!(Paper::Decision(1).file(FileFormat::Docx), "quyet-dinh-2.docx");
        assert_eq!(Paper::Certificates(0).stem(), "khen-1");
        assert_eq!(Paper::Proposal(0).file(FileFormat::Pdf), "to-trinh-1.pdf");
        assert_eq!(Paper::Receipts(1).file(FileFormat::Pdf), "ky-nhan-2.pdf");
        assert_eq!(Paper::Invitations.file(FileFormat::Docx), "giay-moi.docx");
        assert_eq!(Paper::PlaceCards.file(FileFormat::Pdf), "bang-ten.pdf");
        assert_eq!(Paper::Script.kind().name(), "ngay-hoi-nghi");
        for wrong in ["khen-0", "khen-01", "khen-1000", "khen-", "quyet-dinh-x", "bao-cao-1", "manifest", ""] {
            assert_eq!(Paper::parse(wrong), None, "{wrong}");
        }
        assert_eq!(FileFormat::parse("txt"), Some(FileFormat::Txt));
        assert_eq!(serde_json::to_string(&DocKind::QuyetDinh).unwrap(), "\"quyet-dinh\"");
        assert_eq!(serde_json::to_string(&FileFormat::Docx).unwrap(), "\"docx\"");
    }
}
