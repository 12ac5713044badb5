//! The model stays pure: no window, chart, or file-system code in `src/model/`.

#[test]
fn model_has_no_ui_chart_or_file_system_imports() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model");
    let forbidden = [
        "egui",
        "eframe",
        "plotters",
        "std::fs",
        "std::io",
        "std::path",
        "rfd",
        "ron::",
    ];
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("model folder") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for word in forbidden {
                assert!(
                    !line.contains(word),
                    "{} uses {word}: {line}",
                    path.display()
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} files checked");
}
