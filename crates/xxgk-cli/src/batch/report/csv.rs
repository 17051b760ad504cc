//! The problem list as CSV: one line per finding, with the byte order mark
//! `xxgk export` writes (Excel and WPS then read the Chinese right) and every
//! field that a spreadsheet would take for a formula neutralised as export
//! does ([`xxgk::model::long::neutralise`]).

use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use xxgk::model::long::{csv_field, neutralise};

use super::{Outcome, PROBLEM_COLUMNS, problems};
use crate::files::Streamed;

/// The CSV being written.
pub(crate) struct Csv {
    out: Streamed,
    buf: Vec<u8>,
}

/// Bytes gathered before they are written to the file.
const FLUSH_AT: usize = 1 << 16;

impl Csv {
    pub(crate) fn new(out: Streamed) -> Result<Csv> {
        let mut csv = Csv {
            out,
            buf: "\u{feff}".as_bytes().to_vec(),
        };
        csv.line(&PROBLEM_COLUMNS.map(str::to_owned))?;
        Ok(csv)
    }

    fn line(&mut self, cells: &[String]) -> Result<()> {
        let fields: Vec<String> = cells.iter().map(|c| csv_field(&neutralise(c))).collect();
        self.buf.extend_from_slice(fields.join(",").as_bytes());
        self.buf.push(b'\n');
        if self.buf.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let path = self.out.path().display().to_string();
        let mut file = BufWriter::new(self.out.file()?);
        file.write_all(&self.buf)
            .and_then(|()| file.flush())
            .with_context(|| format!("无法写入 {path}"))?;
        self.buf.clear();
        Ok(())
    }

    pub(crate) fn add(&mut self, outcome: &Outcome) -> Result<()> {
        for p in problems(outcome) {
            self.line(&p.cells())?;
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.out.finish()
    }
}
