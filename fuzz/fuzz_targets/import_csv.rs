//! Any bytes given to the CSV importer must give a table or an error, never a panic, in any
//! encoding and with any separator; a table must map onto every shipped method without a
//! panic, and a scorecard built from it must rank and save.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = trh::import::table::read_csv_bytes(data, "fuzz.csv") else {
        return;
    };
    let _ = table.read_as();
    for (id, _) in trh::methods::BUILTIN {
        let Some(method) = trh::methods::builtin(id) else {
            continue;
        };
        if let Ok(card) = trh::import::from_table(&table, &method, "fuzz", "fuzz.csv") {
            let _ = trh::model::rank(&card);
            let _ = trh::file::save::scorecard_to_text(&card);
        }
    }
});
