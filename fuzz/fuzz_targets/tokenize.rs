//! Arbitrary bytes → text → tokens and segments; checks both layers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = saywho_fuzz::text_of(data);
    saywho_fuzz::check_layers(&text);
});
