//! Standard output. A reader that stops early (`xxgk check … | head`) closes the
//! pipe; what is left is then not wanted, and the command ends as it would have,
//! instead of panicking as `print!` does.

use std::io::{self, ErrorKind, Write};

use anyhow::{Context, Result};

/// Writes bytes to standard output and flushes it; a closed pipe is not an error.
pub(crate) fn write(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e).context("无法写到标准输出"),
        _ => Ok(()),
    }
}

/// Writes text to standard output (see [`write()`]).
pub(crate) fn print(text: &str) -> Result<()> {
    write(text.as_bytes())
}

/// Writes a line to standard output (see [`write()`]).
pub(crate) fn println(text: &str) -> Result<()> {
    write(format!("{text}\n").as_bytes())
}
