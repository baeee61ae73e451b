//! The applications around the pipeline: the command line and the
//! workspace's server, both driving the pack.

pub mod cli;
mod samples;
#[cfg(feature = "workspace")]
pub(crate) mod serve;
