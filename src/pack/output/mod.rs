//! Writing the output folder: all or nothing ([`folder::Staging`]: a fresh
//! sibling folder swapped in one step), one build at a time ([`lock`]),
//! names that cannot leave the folder, and the `manifest.json` that lists
//! exactly what the folder holds; or the same files kept in memory
//! ([`sink`]) for the workspace.

mod folder;
mod lock;
mod manifest;
mod names;
mod sink;

pub(crate) use folder::{replace_file, Staging};
pub(crate) use manifest::Manifest;
pub(crate) use names::safe_name;
pub(crate) use sink::OutputFile;
pub(crate) use sink::{render_failure, Memory, Sink, WriteSeek, Writer};
