//! One module per subcommand.

pub(crate) mod check;
pub(crate) mod explain;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod render;
pub(crate) mod rules;
pub(crate) mod serve;
pub(crate) mod sum;
