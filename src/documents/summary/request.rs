//! What a summary is asked for ([`SummaryRequest`]) and the input files it
//! draws on, read on every core ([`Loaded`]).

use std::path::PathBuf;

use crate::diag::{Failure, Problem};
use crate::input::metric_map::{self, MetricMap};
use crate::input::{self, Input, Source};
use crate::text::vn::Date;

/// What `baocao summary` is asked for.
#[derive(Debug, Clone, Default)]
pub struct SummaryRequest {
    /// The inputs drawn on, each read through its sources.
    pub inputs: Vec<Source>,
    pub from: i32,
    pub to: i32,
    /// Issuing body for the header instead of the first input's.
    pub co_quan: Option<String>,
    /// Metric codes to chart; empty: the first two with yearly data.
    pub chart: Vec<String>,
    /// The summary's date; without it the date line is left to fill in by hand.
    pub ngay: Option<Date>,
    pub templates: Option<PathBuf>,
    /// A `chi-tieu.yaml` saying which inputs' metrics are one indicator.
    pub metric_map: Option<Source>,
    /// The summary's own number, place, signer and programme; what is not
    /// given comes from the first input (a unit summarising itself).
    pub own: SummaryOwn,
}

/// What a summary made by another body than its inputs' (a district over
/// its wards) says of itself.
#[derive(Debug, Clone, Default)]
pub struct SummaryOwn {
    /// "15/BC-CAQ", or "/BC-CAQ" to leave the number to the văn thư.
    pub so_ky_hieu: Option<String>,
    /// The place before the date: "Lê Chân".
    pub dia_danh: Option<String>,
    pub nguoi_ky: Option<input::NguoiKy>,
    /// The programme's number and name, when not the first input's.
    pub chuong_trinh: Option<(String, String)>,
}

/// An input file read for the summary.
pub(crate) struct Loaded {
    /// Its file name, as messages name it.
    pub file: String,
    /// Its path as given, for problem locations.
    pub display: String,
    pub input: Input,
}

/// The inputs of `request` and its metric map, read; every problem of them all.
pub(super) fn load_inputs(request: &SummaryRequest) -> Result<(Vec<Loaded>, Option<MetricMap>), Failure> {
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for (source, read) in request.inputs.iter().zip(read_all(&request.inputs)) {
        match read {
            Ok(input) => loaded.push(Loaded { file: file_name(&source.name), display: source.display(), input }),
            Err(found) => problems.extend(found),
        }
    }
    let map = match request.metric_map.as_ref().map(metric_map::load) {
        Some(Ok(map)) => Some(map),
        Some(Err(found)) => {
            problems.extend(found);
            None
        }
        None => None,
    };
    if problems.is_empty() {
        Ok((loaded, map))
    } else {
        Err(Failure::Input(problems))
    }
}

/// Reads the input files, on every core (sixty district reports are read
/// in a fraction of the time); results in the order of `paths`.
fn read_all(paths: &[Source]) -> Vec<Result<Input, Vec<Problem>>> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(paths.len()).max(1);
    let share = paths.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(share)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk.iter().map(|source| input::load_source(source).map(|(input, _)| input)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|handle| handle.join().expect("reading an input does not panic")).collect()
    })
}

/// The last part of a name: the file an input is listed under.
fn file_name(name: &str) -> String {
    std::path::Path::new(name).file_name().unwrap_or_default().to_string_lossy().to_string()
}
