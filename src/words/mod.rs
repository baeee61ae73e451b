//! The words of the papers: handlebars templates, the small markup they
//! write, and the award phrases (counts, names, authorities) every paper
//! shares.

pub(crate) mod awards;
pub(crate) mod markup;
pub mod templates;
