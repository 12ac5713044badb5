//! The `trh` binary: everything lives in the library.
fn main() -> std::process::ExitCode {
    trh::cli::main()
}
