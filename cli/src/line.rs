//! One JSON Lines input document, read without changing what it says: its
//! fields are kept as the raw JSON text of the line (so ids and numbers of
//! any size, floats as written and strings with lone surrogate escapes come
//! back exactly), and only `text` is decoded.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The fields saywho writes; input fields of these names are not copied.
const OWN_FIELDS: &[&[u8]] = &[b"schema_version", b"offsets", b"entities", b"referents", b"quotes", b"text"];

/// A JSON Lines document: its fields as written, in order.
pub struct Line<'a> {
    /// Raw key and raw value of each field; a repeated key keeps its first
    /// place and its last value, as JSON readers do.
    fields: Vec<(&'a RawValue, &'a RawValue)>,
    id: Option<&'a RawValue>,
    text: Option<&'a RawValue>,
}

impl<'a> Line<'a> {
    /// Reads a line holding one JSON object.
    pub fn parse(line: &'a str) -> serde_json::Result<Line<'a>> {
        let Fields(fields) = serde_json::from_str(line)?;
        let field = |name: &[u8]| fields.iter().find(|(key, _)| key_name(key) == name).map(|&(_, value)| value);
        let (id, text) = (field(b"id"), field(b"text"));
        Ok(Line { id, text, fields })
    }

    /// The raw value of the field `name`, if the line has one.
    pub fn field(&self, name: &str) -> Option<&'a RawValue> {
        self.fields.iter().find(|(key, _)| *key_name(key) == *name.as_bytes()).map(|&(_, value)| value)
    }

    /// The `id` as written (without whitespace between tokens), if the line has one.
    pub fn id(&self) -> Option<Box<RawValue>> {
        self.id.and_then(compact)
    }

    /// The `id` as people read it: a string's contents, anything else as written.
    pub fn id_text(&self) -> Option<String> {
        let id = self.id()?;
        Some(serde_json::from_str::<String>(id.get()).unwrap_or_else(|_| id.get().to_owned()))
    }

    /// The field `name` if it is a string, decoded.
    pub fn string(&self, name: &str) -> Option<String> {
        serde_json::from_str(self.field(name)?.get()).ok()
    }

    /// The decoded `text`. A lone surrogate escape (`\ud800`, as Python
    /// writes for text it could not decode) is no Unicode character: with
    /// `lossy` it becomes U+FFFD (one character, as in Python's indexes),
    /// else the line is refused.
    pub fn text(&self, lossy: bool) -> Result<Cow<'a, str>, String> {
        let raw = self.text.ok_or("no \"text\" field")?;
        if !raw.get().starts_with('"') {
            return Err("\"text\" is not a string".into());
        }
        let Wtf8(mut bytes) = serde_json::from_str(raw.get()).map_err(|e| format!("invalid \"text\": {e}"))?;
        // In WTF-8 a surrogate is 0xED followed by 0xA0..=0xBF, which UTF-8 never has.
        let surrogates: Vec<usize> =
            memchr::memchr_iter(0xed, &bytes).filter(|&i| bytes.get(i + 1).is_some_and(|b| b & 0xe0 == 0xa0)).collect();
        if let Some(&first) = surrogates.first() {
            if !lossy {
                let unit = 0xd000 | (u32::from(bytes[first + 1] & 0x3f) << 6) | u32::from(bytes[first + 2] & 0x3f);
                return Err(format!(
                    "\"text\" holds a lone surrogate escape (\\u{unit:04x}), which is no Unicode character \
                     (use --lossy to replace it with U+FFFD)"
                ));
            }
            let owned = bytes.to_mut();
            for i in surrogates {
                owned[i..i + 3].copy_from_slice("\u{fffd}".as_bytes());
            }
        }
        match bytes {
            Cow::Borrowed(b) => std::str::from_utf8(b).map(Cow::Borrowed).map_err(|e| e.to_string()),
            Cow::Owned(b) => String::from_utf8(b).map(Cow::Owned).map_err(|e| e.to_string()),
        }
    }

    /// Writes the fields to copy (all but `text` and saywho's own) as
    /// `"key":value,` each, without whitespace between tokens.
    pub fn write_fields(&self, out: &mut impl Write) -> io::Result<()> {
        for (key, value) in &self.fields {
            if OWN_FIELDS.contains(&&*key_name(key)) {
                continue;
            }
            write_compact(key.get(), out)?;
            out.write_all(b":")?;
            write_compact(value.get(), out)?;
            out.write_all(b",")?;
        }
        Ok(())
    }
}

/// The `id` of a line that could not be read as a whole (over the size
/// limit, invalid UTF-8 or invalid JSON): the first `id` field if the line
/// starts as a JSON object and reaches the end of that field's value. Other
/// fields before it are skipped, not kept.
pub fn id_of(line: &[u8]) -> Option<Box<RawValue>> {
    struct Seek<'s>(&'s mut Option<Box<RawValue>>);
    impl<'de> Visitor<'de> for Seek<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<&RawValue>()? {
                if *key_name(key) == *b"id" {
                    *self.0 = Some(map.next_value::<&RawValue>()?.to_owned());
                    // Stop here: the rest of the line need not be valid.
                    return Err(de::Error::custom("found"));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let mut id = None;
    let _ = serde_json::Deserializer::from_slice(line).deserialize_map(Seek(&mut id));
    compact(&id?)
}

/// Raw JSON without the whitespace between its tokens.
fn compact(raw: &RawValue) -> Option<Box<RawValue>> {
    let mut bytes = Vec::with_capacity(raw.get().len());
    write_compact(raw.get(), &mut bytes).ok()?;
    String::from_utf8(bytes).ok().and_then(|s| RawValue::from_string(s).ok())
}

/// The name a raw JSON key stands for, escapes decoded (as WTF-8, so a lone
/// surrogate escape stays distinct).
fn key_name<'k>(key: &'k RawValue) -> Cow<'k, [u8]> {
    let raw = key.get();
    if !raw.contains('\\') {
        return Cow::Borrowed(&raw.as_bytes()[1..raw.len() - 1]);
    }
    // A key the parser accepted always decodes.
    serde_json::from_str::<Wtf8>(raw).map_or(Cow::Borrowed(raw.as_bytes()), |Wtf8(name)| name)
}

/// Writes raw JSON without the whitespace between its tokens (strings are copied as they are).
fn write_compact(raw: &str, out: &mut impl Write) -> io::Result<()> {
    let bytes = raw.as_bytes();
    let (mut in_string, mut escaped, mut from) = (false, false, 0);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            out.write_all(&bytes[from..i])?;
            from = i + 1;
        }
    }
    out.write_all(&bytes[from..])
}

/// A JSON object's fields as raw key and value, in order, a repeated key
/// keeping its first place and its last value.
struct Fields<'a>(Vec<(&'a RawValue, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Collect;
        impl<'de> Visitor<'de> for Collect {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields: Vec<(&'de RawValue, &'de RawValue)> = Vec::new();
                let mut place: HashMap<Cow<'de, [u8]>, usize> = HashMap::new();
                while let Some((key, value)) = map.next_entry::<&RawValue, &RawValue>()? {
                    match place.entry(key_name(key)) {
                        std::collections::hash_map::Entry::Occupied(at) => fields[*at.get()].1 = value,
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            slot.insert(fields.len());
                            fields.push((key, value));
                        }
                    }
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Collect)
    }
}

/// A JSON string's contents, escapes decoded, in WTF-8: a lone surrogate
/// escape becomes its three-byte encoding instead of an error. Borrowed
/// when the string has no escapes.
struct Wtf8<'a>(Cow<'a, [u8]>);

impl<'de> Deserialize<'de> for Wtf8<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Bytes;
        impl<'de> Visitor<'de> for Bytes {
            type Value = Wtf8<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_bytes<E>(self, bytes: &'de [u8]) -> Result<Wtf8<'de>, E> {
                Ok(Wtf8(Cow::Borrowed(bytes)))
            }
            fn visit_bytes<E>(self, bytes: &[u8]) -> Result<Wtf8<'de>, E> {
                Ok(Wtf8(Cow::Owned(bytes.to_vec())))
            }
        }
        deserializer.deserialize_bytes(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copied(line: &str) -> String {
        let mut out = Vec::new();
        Line::parse(line).unwrap().write_fields(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_copied_as_written_without_whitespace_and_without_text_or_own_fields() {
        let line = r#"{"id": 18446744073709551617, "text": "x", "f": 1.50, "s": "a b\"c", "quotes": [], "m": {"k": [1, 2e3]}}"#;
        assert_eq!(copied(line), r#""id":18446744073709551617,"f":1.50,"s":"a b\"c","m":{"k":[1,2e3]},"#);
        assert_eq!(copied(r#"{"text": "x"}"#), "");
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value_even_when_escaped() {
        assert_eq!(copied(r#"{"a": 1, "b": 2, "\u0061": 3}"#), r#""a":3,"b":2,"#);
        let line = Line::parse(r#"{"id": 1, "text": "one", "te\u0078t": "two"}"#).unwrap();
        assert_eq!(line.text(false).unwrap(), "two");
    }

    #[test]
    fn ids_come_back_exactly_and_lone_surrogates_in_text_need_lossy() {
        let line = Line::parse(r#"{"id": "\ud800", "text": "a\ud800b\ud83d\ude00"}"#).unwrap();
        assert_eq!(line.id().unwrap().get(), r#""\ud800""#);
        assert_eq!(Line::parse(r#"{"id": [1, 1.50]}"#).unwrap().id().unwrap().get(), "[1,1.50]");
        let refused = line.text(false).unwrap_err();
        assert!(refused.contains("\\ud800") && refused.contains("--lossy"), "{refused}");
        assert_eq!(line.text(true).unwrap(), "a\u{fffd}b😀");
        // A paired surrogate escape is an ordinary character.
        let line = Line::parse(r#"{"text": "\ud83d\ude00 and é"}"#).unwrap();
        assert_eq!(line.text(false).unwrap(), "😀 and é");
    }

    #[test]
    fn ids_read_as_text_are_a_string_s_contents_or_the_json_as_written() {
        let id = |line: &str| Line::parse(line).unwrap().id_text();
        assert_eq!(id(r#"{"id": "a/\u0062"}"#).as_deref(), Some("a/b"));
        assert_eq!(id(r#"{"id": 1.50}"#).as_deref(), Some("1.50"));
        assert_eq!(id(r#"{"text": "x"}"#), None);
        let line = Line::parse(r#"{"title": "T\u00e9", "n": 3}"#).unwrap();
        assert_eq!((line.string("title").as_deref(), line.string("n"), line.string("x")), (Some("Té"), None, None));
    }

    #[test]
    fn text_without_escapes_is_borrowed_and_a_missing_or_wrong_text_is_an_error() {
        let line = Line::parse(r#"{"text": "plain"}"#).unwrap();
        assert!(matches!(line.text(false), Ok(Cow::Borrowed("plain"))));
        assert_eq!(Line::parse(r#"{"id": 1}"#).unwrap().text(false).unwrap_err(), "no \"text\" field");
        assert_eq!(Line::parse(r#"{"text": 4}"#).unwrap().text(false).unwrap_err(), "\"text\" is not a string");
        assert!(Line::parse("[1]").is_err());
    }

    #[test]
    fn the_id_of_an_unreadable_line_is_read_from_its_start() {
        let id = |line: &str| id_of(line.as_bytes()).map(|id| id.get().to_owned());
        assert_eq!(id(r#"{"id": [1, 2], "text": "cut off her"#).as_deref(), Some("[1,2]"));
        assert_eq!(
            id(r#"{"n": {"x": 1}, "id": 99999999999999999999, "text": 1 2"#).as_deref(),
            Some("99999999999999999999")
        );
        assert_eq!(id(r#"{"text": "cut off before the id"#), None);
        assert_eq!(id(r#"not json, "id": 1"#), None);
        assert_eq!(id(r#"{"id": "unterminated"#), None);
    }
}
