//! One module per subcommand.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
