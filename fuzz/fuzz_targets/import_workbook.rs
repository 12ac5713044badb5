//! Any bytes given to the workbook importer (.xlsx, .xls, .ods) must give a table or an
//! error, never a panic, and stay inside trh's limits on rows, cells and unpacked size; a
//! table must map onto the default method without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = trh::import::table::read_xlsx(data, "fuzz.xlsx", None) else {
        return;
    };
    assert!(table.rows.len() <= trh::import::table::MAX_ROWS + 1);
    if let Some(method) = trh::methods::builtin(trh::methods::DEFAULT) {
        let _ = trh::import::from_table(&table, &method, "fuzz", "fuzz.xlsx");
    }
});
