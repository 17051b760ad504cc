//! End-to-end tests of the `xxgk` binary live in `tests/`.
