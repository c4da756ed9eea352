//! The real `snapkit` binary on real files: valid and tampered orders, broken catalogs, broken
//! links; asserting on what it prints and on its exit codes (0 good, 1 bad input, 2 usage/I/O).

use serde_json::Value;
use std::process::{Command, Output};

fn repository(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn snapkit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_snapkit"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("stdout is one JSON document ({error}): {}", stdout(output)))
}

fn share_link_of(order: &str) -> String {
    let text = std::fs::read_to_string(repository(order)).expect("fixture");
    let order: Value = serde_json::from_str(&text).expect("JSON");
    order["share_link"].as_str().expect("a link").to_owned()
}

#[test]
fn a_shipped_catalog_checks_clean() {
    for name in ["shelving", "sofa", "bricks"] {
        let output = snapkit(&[
            "check-catalog",
            &repository(&format!("assets/catalogs/{name}.json")),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
        assert!(
            stdout(&output).contains(" is valid: "),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn a_broken_catalog_lists_every_problem_with_line_and_column() {
    let file = repository("tests/fixtures/broken-catalogs/unknown-references.json");
    let output = snapkit(&["check-catalog", &file]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains(": 2 problem(s)"), "{text}");
    assert!(
        text.contains(":189:19: parts[1].connectors[0].type: unknown connector type 'frame-top2'"),
        "{text}"
    );
    assert!(
        text.contains("parts[2].finishes[5]: unknown finish 'gold'"),
        "{text}"
    );

    let output = snapkit(&["check-catalog", &file, "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["valid"], false);
    assert_eq!(report["problems"][0]["path"], "parts[1].connectors[0].type");
    assert_eq!(report["problems"][0]["line"], 189);
    assert_eq!(report["problems"][0]["column"], 19);
}

#[test]
fn a_catalog_of_the_wrong_shape_names_the_field() {
    let file = repository("tests/fixtures/broken-catalogs/wrong-type.json");
    let output = snapkit(&["check-catalog", &file]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).ends_with(":4:14: version: invalid type: integer `3`, expected a string\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn true_orders_verify() {
    for (order, catalog) in [
        ("shelving-wall", "shelving"),
        ("sofa-three-seat", "sofa"),
        ("bricks-stack", "bricks"),
    ] {
        let order_file = repository(&format!("tests/fixtures/orders/{order}.json"));
        let catalog_file = repository(&format!("assets/catalogs/{catalog}.json"));
        let output = snapkit(&["verify-order", &order_file, "--catalog", &catalog_file]);
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
        assert!(
            stdout(&output).contains(" agrees with catalog "),
            "{}",
            stdout(&output)
        );
        let output = snapkit(&[
            "verify-order",
            &order_file,
            "--catalog",
            &catalog_file,
            "--json",
        ]);
        assert_eq!(json(&output)["accepted"], true);
    }
}

#[test]
fn every_tampered_order_is_refused_with_its_discrepancy() {
    let catalog = repository("assets/catalogs/shelving.json");
    for (name, expected) in [
        (
            "forged-price",
            "lines[0].unit_price: 119000 in the order, 129000 by the catalog",
        ),
        ("tampered-quantity", "lines[1].quantity: "),
        (
            "never-connected",
            "are not joined: those connectors do not meet",
        ),
        ("overlapping-part", ": it would overlap part #"),
    ] {
        let file = repository(&format!("tests/fixtures/orders-tampered/{name}.json"));
        let output = snapkit(&["verify-order", &file, "--catalog", &catalog]);
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stdout(&output));
        let text = stdout(&output);
        assert!(text.contains("do not accept this order"), "{name}: {text}");
        assert!(text.contains(expected), "{name}: {text}");
        let report = json(&snapkit(&[
            "verify-order",
            &file,
            "--catalog",
            &catalog,
            "--json",
        ]));
        assert_eq!(report["accepted"], false, "{name}");
        assert!(!report["discrepancies"].as_array().expect("list").is_empty());
    }
}

#[test]
fn an_order_checked_against_another_catalog_is_refused() {
    let output = snapkit(&[
        "verify-order",
        &repository("tests/fixtures/orders/sofa-three-seat.json"),
        "--catalog",
        &repository("assets/catalogs/shelving.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("catalog.id: the order is for catalog 'sofa', not 'shelving'")
    );
}

#[test]
fn a_link_decodes_and_rebuilds_its_order() {
    let link = share_link_of("tests/fixtures/orders/sofa-three-seat.json");
    let catalog = repository("assets/catalogs/sofa.json");
    let output = snapkit(&["link", "decode", &link, "--catalog", &catalog]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).starts_with("catalog 'sofa': 5 parts, 4 connections, total 31220.00 NOK"),
        "{}",
        stdout(&output)
    );
    let output = snapkit(&["order", "--link", &link, "--catalog", &catalog, "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let rebuilt = json(&output);
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(repository("tests/fixtures/orders/sofa-three-seat.json"))
            .expect("fixture"),
    )
    .expect("JSON");
    // The link numbers parts in its own order; everything else is the same order.
    for field in ["configuration_id", "hardware", "total", "share_link"] {
        assert_eq!(rebuilt[field], fixture[field], "{field}");
    }
    let without_ids = |order: &Value| -> Vec<Value> {
        let mut lines = order["lines"].as_array().expect("lines").clone();
        for line in &mut lines {
            line.as_object_mut().expect("object").remove("parts");
        }
        lines
    };
    assert_eq!(without_ids(&rebuilt), without_ids(&fixture));
    for list in ["parts", "connections"] {
        assert_eq!(
            rebuilt["assembly"][list].as_array().map(Vec::len),
            fixture["assembly"][list].as_array().map(Vec::len),
            "{list}"
        );
    }
    assert_eq!(rebuilt["app_version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn broken_links_are_refused_with_their_reason() {
    let link = share_link_of("tests/fixtures/orders/shelving-wall.json");
    let catalog = repository("assets/catalogs/shelving.json");
    let cut = &link[..link.len() - 7];
    for (text, reason) in [
        (cut, "the link is damaged"),
        (
            "https://shop.example/configure",
            "this is not a snapkit configuration link",
        ),
        ("#c=AQ", "the link is cut off"),
    ] {
        let output = snapkit(&["link", "decode", text, "--catalog", &catalog]);
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(
            stdout(&output).contains(reason),
            "{text}: {}",
            stdout(&output)
        );
        let output = snapkit(&["order", "--link", text, "--catalog", &catalog, "--json"]);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(json(&output)["ordered"], false);
    }
    let output = snapkit(&[
        "link",
        "decode",
        &link,
        "--catalog",
        &repository("assets/catalogs/sofa.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("was made for catalog 'shelving'"));
}

#[test]
fn an_unorderable_link_makes_no_order() {
    // A lone sofa seat: both ends open, which is an error rule.
    let sofa = repository("assets/catalogs/sofa.json");
    let fixture = share_link_of("tests/fixtures/orders/sofa-three-seat.json");
    let decoded = json(&snapkit(&[
        "link",
        "decode",
        &fixture,
        "--catalog",
        &sofa,
        "--json",
    ]));
    assert_eq!(decoded["parts"], 5);
    assert_eq!(decoded["violations"], serde_json::json!([]));
    let output = snapkit(&["order", "--link", "#c=AQ", "--catalog", &sofa]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn usage_and_io_errors_exit_with_2() {
    assert_eq!(snapkit(&[]).status.code(), Some(2));
    assert_eq!(snapkit(&["verify-order"]).status.code(), Some(2));
    let output = snapkit(&["check-catalog", "/no/such/file.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("reading /no/such/file.json"));
    let output = snapkit(&[
        "verify-order",
        &repository("tests/fixtures/orders/sofa-three-seat.json"),
        "--catalog",
        &repository("tests/fixtures/broken-catalogs/wrong-type.json"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not a usable catalog"));
}

#[test]
fn count_gives_the_published_brick_figures_and_splits_them_by_height() {
    let bricks = repository("assets/catalogs/bricks.json");
    let output = snapkit(&[
        "count",
        "--catalog",
        &bricks,
        "--parts",
        "3",
        "--kind",
        "brick-2x4",
        "--by-height",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Interlocking bricks: 1,560 distinct products of 3 parts (Brick 2 × 4)"),
        "{text}"
    );
    assert!(
        text.contains("  2 layer(s): 500\n  3 layer(s): 1,060\n"),
        "{text}"
    );
    assert!(text.contains(" assemblies visited in "), "{text}");

    let output = snapkit(&[
        "count",
        "--catalog",
        &bricks,
        "--parts",
        "1",
        "--kind",
        "brick-2x4",
        "--fixed-base",
        "--json",
        "--by-height",
    ]);
    let document = json(&output);
    assert_eq!(document["products"], 46);
    assert_eq!(document["by_height"]["2"], 46);
    assert_eq!(document["fixed_base"], true);
    assert!(document["visited"].as_u64() > Some(46));
}

#[test]
fn count_follows_the_shipped_catalogs_rules() {
    // Sofas: both ends need an arm or a chaise. Two parts: a chaise with an arm or with the
    // other chaise (3). Three parts: one of 3 seats between the 2 × 2 ways to close the ends
    // (12), or a corner closed by arm and arm, chaise and arm, or arm and chaise (3: two
    // chaises on one corner collide).
    let sofa = repository("assets/catalogs/sofa.json");
    for (parts, products) in [("2", 3), ("3", 15), ("4", 59)] {
        let output = snapkit(&["count", "--catalog", &sofa, "--parts", parts, "--json"]);
        assert_eq!(json(&output)["products"], products, "{parts} sofa parts");
    }
    // Shelving, three 750 frames (a frame turned round is the same frame): a row (1); two
    // layers: one on a pair, or a pair on one, the other hanging on its side joint (2, a mirror
    // image is the same unit turned round); a stack (1).
    let shelving = repository("assets/catalogs/shelving.json");
    let output = snapkit(&[
        "count",
        "--catalog",
        &shelving,
        "--parts",
        "3",
        "--kind",
        "frame-750x350x350",
        "--json",
        "--by-height",
    ]);
    let document = json(&output);
    assert_eq!(document["by_height"]["1"], 1);
    assert_eq!(document["by_height"]["2"], 2);
    assert_eq!(document["by_height"]["3"], 1);
}

#[test]
fn count_refuses_impossible_questions_with_a_reason() {
    let bricks = repository("assets/catalogs/bricks.json");
    let output = snapkit(&[
        "count",
        "--catalog",
        &bricks,
        "--parts",
        "2",
        "--kind",
        "brick-9x9",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("the catalog has no part kind 'brick-9x9'")
    );
    let output = snapkit(&["count", "--catalog", &bricks, "--parts", "0"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_link_exports_as_binary_gltf_and_a_broken_one_is_refused() {
    let link = share_link_of("tests/fixtures/orders/sofa-three-seat.json");
    let catalog = repository("assets/catalogs/sofa.json");
    let out = std::env::temp_dir().join(format!("snapkit-test-{}.glb", std::process::id()));
    let out_arg = out.to_str().expect("a UTF-8 temp path");
    let output = snapkit(&[
        "export-gltf",
        "--link",
        &link,
        "--catalog",
        &catalog,
        "--out",
        out_arg,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("5 parts"), "{}", stdout(&output));
    let glb = std::fs::read(&out).expect("the file was written");
    assert_eq!(&glb[..4], b"glTF");
    std::fs::remove_file(&out).expect("cleaned up");
    let output = snapkit(&[
        "export-gltf",
        "--link",
        "#c=AUWLQbroken",
        "--catalog",
        &catalog,
        "--out",
        out_arg,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("no glTF file: "),
        "{}",
        stdout(&output)
    );
    assert!(!out.exists(), "nothing written for a broken link");
}

#[test]
fn a_catalog_whose_model_is_missing_fails_its_check_but_still_exports_boxes() {
    let folder = std::env::temp_dir().join(format!("snapkit-models-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    let catalog = folder.join("sofa.json");
    std::fs::copy(repository("assets/catalogs/sofa.json"), &catalog).expect("copied");
    let catalog_arg = catalog.to_str().expect("a UTF-8 temp path");

    let output = snapkit(&["check-catalog", catalog_arg]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains(
            ": .: The 3D model “models/rolled-arm.glb” cannot be used (No such file or directory"
        ),
        "{}",
        stdout(&output)
    );

    let out = folder.join("sofa.glb");
    let output = snapkit(&[
        "export-gltf",
        "--link",
        &share_link_of("tests/fixtures/orders/sofa-three-seat.json"),
        "--catalog",
        catalog_arg,
        "--out",
        out.to_str().expect("a UTF-8 temp path"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("warning: The 3D model “models/rolled-arm.glb” cannot be used"),
        "the missing model is said on stderr"
    );
    assert!(out.exists(), "exported with boxes for the arms");
    std::fs::remove_dir_all(&folder).expect("cleaned up");
}
