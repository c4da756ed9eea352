//! A catalog's content hash: SHA-256 of its JSON in a canonical spelling.
//!
//! Object keys are sorted and whitespace is dropped before hashing, so reformatting a file or
//! reordering its keys keeps the hash, while any change of a value changes it.

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// The lowercase hex SHA-256 of `value` in canonical spelling.
pub fn content_hash(value: &Value) -> String {
    let mut canonical = String::new();
    write_canonical(value, &mut canonical);
    hex(&Sha256::digest(canonical.as_bytes()))
}

/// `bytes` as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut hex, byte| {
            // Writing into a String cannot fail.
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (at, (key, item)) in entries.into_iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                write_canonical(&Value::String(key.clone()), out);
                out.push(':');
                write_canonical(item, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (at, item) in items.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_order_and_whitespace_do_not_matter_but_values_do() {
        let a: Value = serde_json::from_str(r#"{"b": [1, 2], "a": {"y": "é", "x": null}}"#)
            .expect("valid JSON");
        let b = json!({"a": {"x": null, "y": "é"}, "b": [1, 2]});
        let c = json!({"a": {"x": null, "y": "e"}, "b": [1, 2]});
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
        assert_eq!(content_hash(&a).len(), 64);
    }

    #[test]
    fn matches_a_known_sha256() {
        // sha256 of the two bytes `{}`.
        assert_eq!(
            content_hash(&json!({})),
            "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
    }
}
