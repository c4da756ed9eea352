//! Property tests of the catalog loader on hostile input: it refuses, it never panics.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value;
use snapkit_formats::load_catalog;

fn shipped(name: &str) -> Value {
    let path = format!(
        "{}/../../assets/catalogs/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("shipped catalog");
    serde_json::from_str(&text).expect("valid JSON")
}

/// A JSON value that is likely to be wrong where it lands.
fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from(1e300)),
        Just(Value::from(-0.0)),
        ".{0,12}".prop_map(Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([0, 1, 2, 3, 4])),
    ]
}

/// Every path to a leaf or container in `value`, as JSON pointers.
fn pointers(value: &Value, prefix: String, out: &mut Vec<String>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(child, format!("{prefix}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                pointers(child, format!("{prefix}/{index}"), out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_is_refused_without_panicking(text in ".{0,400}") {
        prop_assert!(load_catalog(&text).is_err());
    }

    #[test]
    fn damaged_catalogs_load_or_are_refused_with_a_message(
        catalog in prop_oneof![Just("shelving"), Just("bricks")],
        damage in prop::collection::vec((any::<prop::sample::Index>(), hostile_value()), 1..4),
    ) {
        let mut value = shipped(catalog);
        for (index, replacement) in damage {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = index.get(&all).clone();
            if let Some(slot) = value.pointer_mut(&pointer) {
                *slot = replacement;
            }
        }
        if let Err(error) = load_catalog(&value.to_string()) {
            prop_assert!(!error.to_string().is_empty());
        }
    }
}
