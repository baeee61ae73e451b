//! The application around the pipeline: the command line, what a build
//! makes (the pack), and writing the output folder.

pub mod cli;
pub(crate) mod output;
pub(crate) mod pack;
#[cfg(feature = "workspace")]
pub(crate) mod serve;
