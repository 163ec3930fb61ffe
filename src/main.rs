//! The `saywho` command-line tool: a thin layer over the library that
//! reads files or JSON Lines, runs [`saywho::Extractor`] and writes JSON.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
