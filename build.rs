//! Build script: on Windows targets, puts trh's icon and version information (from this
//! package's name, version and description) into the executables. Nothing on other targets.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/trh.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon/trh.ico")
        .set("ProductName", "trh")
        .set("FileDescription", "trh: threat, risk and harm priorities")
        .set("CompanyName", "trh contributors")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "trh.exe");
    // Cross-builds find mingw's windres by the target's prefix (x86_64-w64-mingw32-windres).
    if let Err(e) = res.compile() {
        // A Windows build without its icon would still run; failing says what to install.
        panic!(
            "cannot embed the icon and version information (is windres installed? on Debian: gcc-mingw-w64-x86-64): {e}"
        );
    }
}
