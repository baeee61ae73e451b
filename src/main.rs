//! The `baocao` command: parses arguments, runs the library, prints
//! problems, and exits 0 (done), 2 (the input is wrong) or 1 (anything else).

use std::process::ExitCode;

fn main() -> ExitCode {
    baocao::app::cli::main()
}
