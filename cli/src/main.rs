//! The `saywho` command-line tool: a thin layer over the library that
//! reads files or JSON Lines, runs [`saywho::Extractor`] and writes JSON.
//! This file parses the arguments and runs the subcommands.

mod documents;
mod eval;
mod extract;
mod input;
mod line;
mod ordered;
mod show;
mod sources;

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Who is mentioned and who said what: entities and attributed quotes in English news.
#[derive(Parser, Debug)]
#[command(name = "saywho", version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract entities and quotes from text files or JSON Lines.
    Extract(extract::ExtractArgs),
    /// Score saywho against annotated gold documents (JSON or JSON Lines).
    Eval(eval::EvalArgs),
    /// Who gets quoted: a table of sources over text files or JSON Lines (CSV, JSON or an HTML report).
    Sources(sources::SourcesArgs),
    /// An article as a web page: entities and quotes marked, who said what beside it.
    Show(show::ShowArgs),
}

/// How a run ended.
enum Failure {
    /// A usage error clap cannot see (arguments that conflict): exit code 2.
    Usage(String),
    /// Bad input: exit code 1.
    Input(String),
    /// Some documents failed (already reported): exit code 1.
    Documents,
    /// The reader of our output went away: exit quietly with 0.
    BrokenPipe,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Input(format!("cannot write output: {e}"))
        }
    }
}

/// Parses the arguments and runs the command; clap exits with 2 on usage errors.
fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Extract(a) => extract::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Sources(a) => sources::run(a),
        Command::Show(a) => show::run(a),
    };
    match result {
        Ok(()) | Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Documents) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            let _ = clap::Error::raw(clap::error::ErrorKind::ArgumentConflict, format!("{message}\n")).print();
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("saywho: {message}");
            ExitCode::from(1)
        }
    }
}
