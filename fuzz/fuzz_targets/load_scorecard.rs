//! Any bytes given to the scorecard and method loaders must give a value or an error, never a
//! panic; anything that loads must also rank and save.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(card) = trh::file::parse_scorecard(text, Path::new("fuzz.ron")) {
        let _ = trh::model::rank(&card);
        let _ = trh::file::save::scorecard_to_text(&card);
    }
    let _ = trh::file::parse_method(text, Path::new("fuzz.ron"));
});
