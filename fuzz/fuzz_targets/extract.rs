//! Arbitrary bytes → text → `Extractor::extract`; the document must
//! validate, convert to char offsets and round-trip through JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = saywho_fuzz::text_of(data);
    saywho_fuzz::check_extract(saywho_fuzz::extractor(), &text);
});
