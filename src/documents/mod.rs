//! The papers as document models: the NĐ 30 parts they share, the report,
//! the award decisions with their lists, the press summary, the period
//! summary and the certificates. Nothing here knows PDF or DOCX.

pub(crate) mod bases;
pub(crate) mod certificate;
pub(crate) mod day;
pub(crate) mod decision;
pub(crate) mod family;
pub(crate) mod metrics;
pub(crate) mod nd30;
pub(crate) mod press;
pub(crate) mod proposal;
pub mod report;
pub mod summary;

#[cfg(test)]
mod golden;
