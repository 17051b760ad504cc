//! The report's shape: the six sections, their headings and order, the format
//! version of the tables, and rows or columns the official tables do not have.

pub(crate) mod cells_missing;
pub(crate) mod format_outdated;
pub(crate) mod format_too_new;
pub(crate) mod heading_not_official;
pub(crate) mod label_not_in_format;
pub(crate) mod other_handling_single_row;
pub(crate) mod other_version_label;
pub(crate) mod section_missing;
pub(crate) mod sections_out_of_order;
pub(crate) mod sections_unread;
pub(crate) mod table_missing;
pub(crate) mod table_unread;

pub(crate) use crate::unofficial::{Unofficial, other_version};
