//! Text as Vietnamese documents write it: conventions (dates, numbers,
//! case), the bundled fonts, and measuring and breaking lines with them.

pub(crate) mod breaks;
pub mod case;
pub(crate) mod fonts;
pub(crate) mod measure;
mod phrases;
pub(crate) mod quotes;
pub(crate) mod vn;
