//! Running a program within limits: its input written from a thread, at most so
//! many bytes of its output read, and the program stopped after a time limit.

use std::io::{self, Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// The most of a program's error output kept for a message.
const MAX_STDERR_BYTES: u64 = 4096;

/// What a program printed, within limits.
pub(super) struct Captured {
    pub(super) status: ExitStatus,
    pub(super) stdout: Vec<u8>,
    pub(super) stderr: Vec<u8>,
}

/// Why a bounded run did not finish.
pub(super) enum RunError {
    /// The program could not be started.
    Spawn(io::Error),
    /// It ran longer than the time limit and was stopped.
    Timeout,
    /// It printed more than the output limit and was stopped.
    TooLarge,
}

/// Runs a command with `input` on its standard input, reading at most `max_out`
/// bytes of its output and stopping it after `timeout` or once it prints more.
///
/// The threads that write its input and read its output are not waited for:
/// once the program is stopped its pipes close and they end.
pub(super) fn run_bounded(
    command: &mut Command,
    input: &[u8],
    timeout: Duration,
    max_out: u64,
) -> Result<Captured, RunError> {
    let deadline = Instant::now() + timeout;
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // A program file just written may be busy a moment (another thread of the
    // process forked while it was open for writing: Linux refuses to run it until
    // that child has started its own program); tried again a few times.
    let mut tries = 0;
    let mut child = loop {
        match command.spawn() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 20 => {
                tries += 1;
                thread::sleep(Duration::from_millis(10));
            }
            other => break other.map_err(RunError::Spawn)?,
        }
    };
    if let Some(mut stdin) = child.stdin.take() {
        let input = input.to_vec();
        // A program that stops reading (it failed, or it reads no input) closes the
        // pipe: the write fails, and that is no matter here.
        thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let (tx, rx) = mpsc::channel();
    if let Some(out) = child.stdout.take() {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let read = out.take(max_out + 1).read_to_end(&mut bytes);
            let _ = tx.send(read.map(|_| bytes));
        });
    }
    let err_reader = child.stderr.take().map(|mut err| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = (&mut err).take(MAX_STDERR_BYTES).read_to_end(&mut bytes);
            // The rest is drained so that the program never blocks on it.
            let _ = io::copy(&mut err, &mut io::sink());
            bytes
        })
    });
    let left = deadline.saturating_duration_since(Instant::now());
    let stdout = match rx.recv_timeout(left) {
        Ok(Ok(bytes)) if bytes.len() as u64 > max_out => {
            return Err(stop(child, RunError::TooLarge));
        }
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => Vec::new(),
        Err(mpsc::RecvTimeoutError::Timeout) => return Err(stop(child, RunError::Timeout)),
    };
    // Its output is closed; it may still run (or hang) after that.
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            Ok(None) => return Err(stop(child, RunError::Timeout)),
            Err(e) => return Err(stop(child, RunError::Spawn(e))),
        }
    };
    let stderr = err_reader.and_then(|h| h.join().ok()).unwrap_or_default();
    Ok(Captured {
        status,
        stdout,
        stderr,
    })
}

/// Stops a child and waits for it, so that no process is left behind.
fn stop(mut child: Child, why: RunError) -> RunError {
    let _ = child.kill();
    let _ = child.wait();
    why
}
