//! The certificates of one award group as a pack makes them: fitted one
//! sheet at a time as a backend asks (ahead on a second thread for a long
//! list), streamed into the PDF and the DOCX, and split one file per
//! recipient when asked.

use super::output::{self, render_failure, Writer};
use super::plan::{BuildRequest, FileFormat, Paper};
use crate::diag::{Failure, IoAction, Kind, Location, Problem};
use crate::documents::certificate;
use crate::render::pdf::Standard;
use crate::render::Stop;
use crate::render::{docx, sheet_pdf};
use crate::words::templates;
use crate::{doc, input};

/// Makes the certificates of group `index` into `out` in the formats asked
/// for (dated `epoch` when set); returns the boxes set at their smallest size.
pub(super) fn make(
    request: &BuildRequest,
    templates: &templates::Templates,
    input: &input::Input,
    out: &mut Writer,
    (index, epoch, standard): (usize, Option<doc::Timestamp>, Standard),
    bar: &indicatif::ProgressBar,
) -> Result<Vec<Problem>, Failure> {
    let paper = Paper::Certificates(index);
    let (mut frame, mut source) = certificate::prepare(input, index, templates, request.print)?;
    frame.meta.created = epoch.or(frame.meta.created);
    let count = source.count();
    // Sheets are made one at a time as a backend asks for them; the
    // first pass moves the bar.
    let mut first_pass = true;
    if request.asks(FileFormat::Pdf) {
        let name = paper.file(FileFormat::Pdf);
        let mut write = |file: &mut dyn output::WriteSeek| {
            with_sheets_ahead(&mut source, count, |sheets| {
                let mut next = |n: usize| {
                    bar.inc(1);
                    sheets(n)
                };
                sheet_pdf::write_sheets(&frame, standard, count, &mut next, file).map_err(stopped(&name))
            })?;
            Ok(())
        };
        out.stream(name.clone(), paper, FileFormat::Pdf, Some(count), Some(count), &mut write)?;
        first_pass = false;
    }
    if request.asks(FileFormat::Docx) {
        let name = paper.file(FileFormat::Docx);
        let mut write = |file: &mut dyn output::WriteSeek| {
            with_sheets_ahead(&mut source, count, |sheets| {
                let mut next = |n: usize| {
                    if first_pass {
                        bar.inc(1);
                    }
                    sheets(n)
                };
                docx::write_sheet_stream(&frame, count, &mut next, file).map_err(stopped(&name))
            })?;
            Ok(())
        };
        out.stream(name.clone(), paper, FileFormat::Docx, None, Some(count), &mut write)?;
    }
    let warnings = small_warnings(request, index, source.shrunk().to_vec()).collect();
    if request.split {
        let group = &input.khen_thuong[index];
        // A refused sheet is told as the group's file's.
        let (name, folder) = (paper.file(FileFormat::Pdf), paper.stem());
        for (position, person) in group.danh_sach.iter().enumerate() {
            let single = frame.with_sheets(vec![source.sheet(position)?]);
            let (bytes, pages) = sheet_pdf::render_sheets(&single, standard).map_err(render_failure(&name))?;
            let file = format!("{folder}/{}", certificate::split_file_name(position + 1, &person.ten));
            out.put(file, paper, FileFormat::Pdf, Some(pages), Some(1), &bytes)?;
        }
    }
    Ok(warnings)
}

/// Writes sheets made at once (the place cards) as `paper` in the
/// formats asked for.
pub(super) fn put_sheets(
    request: &BuildRequest,
    out: &mut Writer,
    paper: Paper,
    sheets: &doc::Sheets,
    standard: Standard,
) -> Result<(), Failure> {
    let count = sheets.sheets.len();
    if request.asks(FileFormat::Pdf) {
        let name = paper.file(FileFormat::Pdf);
        let (bytes, pages) = sheet_pdf::render_sheets(sheets, standard).map_err(render_failure(&name))?;
        out.put(name, paper, FileFormat::Pdf, Some(pages), None, &bytes)?;
    }
    if request.asks(FileFormat::Docx) {
        let name = paper.file(FileFormat::Docx);
        let mut write = |file: &mut dyn output::WriteSeek| {
            let mut next = |n: usize| Ok::<_, Problem>(sheets.sheets[n].clone());
            docx::write_sheet_stream(sheets, count, &mut next, file).map_err(stopped(&name))?;
            Ok(())
        };
        out.stream(name.clone(), paper, FileFormat::Docx, None, None, &mut write)?;
    }
    Ok(())
}

/// A list this long is fitted by two threads in `check`, and fitted on a
/// thread of its own while a build draws it.
pub(super) const SHEETS_WORTH_A_THREAD: usize = 2_000;

/// How many fitted sheets may wait for the backend: enough to smooth the
/// two threads' pace, few enough to keep memory flat.
const SHEETS_AHEAD: usize = 64;

/// Runs `consume` with the sheets of `source`, asked for in order from 0:
/// on a long list they are fitted ahead on a second thread, so fitting the
/// next sheets and drawing this one share the machine's cores.
fn with_sheets_ahead<R>(
    source: &mut certificate::Certificates<'_>,
    count: usize,
    consume: impl FnOnce(&mut dyn FnMut(usize) -> Result<doc::Sheet, Problem>) -> R,
) -> R {
    if count < SHEETS_WORTH_A_THREAD {
        return consume(&mut |n| source.sheet(n));
    }
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel(SHEETS_AHEAD);
        scope.spawn(move || {
            for number in 0..count {
                let sheet = source.sheet(number);
                let failed = sheet.is_err();
                // A closed channel: the backend stopped (it failed).
                if sender.send(sheet).is_err() || failed {
                    break;
                }
            }
        });
        let mut expected = 0;
        let result = consume(&mut |number| {
            assert_eq!(number, expected, "a backend asks for the sheets in order");
            expected += 1;
            // The thread sends every sheet until one fails, and a backend
            // stops at the first failure: a closed channel is a panic there.
            receiver.recv().expect("the fitting thread did not stop early")
        });
        // A backend that stopped early must not leave the thread waiting
        // to send (the scope would wait for it for ever).
        drop(receiver);
        result
    })
}

/// The warnings for certificate boxes of group `index` at their smallest size.
pub(super) fn small_warnings(
    request: &BuildRequest,
    index: usize,
    small: Vec<certificate::Shrunk>,
) -> impl Iterator<Item = Problem> + '_ {
    small.into_iter().map(move |s| Problem {
        location: Box::new(Location::file(&request.input.display())),
        path: format!("khen_thuong[{index}].danh_sach[{}]", s.page - 1),
        kind: Kind::SmallestSize {
            file: Paper::Certificates(index).file(FileFormat::Pdf),
            page: s.page,
            recipient: s.recipient,
            field: s.field,
            tenths_of_pt: (s.size * 10.0).round() as u32,
        },
    })
}

/// Turns a stopped stream of sheets into the failure: the sheet's problem,
/// or the backend's refusal naming the file.
fn stopped(file: &str) -> impl FnOnce(Stop<Problem>) -> Failure + '_ {
    move |stop| match stop {
        Stop::Source(problem) => Failure::from(problem),
        Stop::Render(refused) => crate::pack::output::render_failure(file)(refused),
        Stop::Write(err) => Failure::io(IoAction::Write, file.to_string(), err),
    }
}
