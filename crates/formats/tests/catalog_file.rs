//! Boundary tests of the catalog file format: the shipped catalogs load, and broken files are reported precisely.

use snapkit_core::{FinishId, PartKindId};
use snapkit_formats::{CatalogError, CatalogProblem, load_catalog};

fn shipped(name: &str) -> String {
    let path = format!(
        "{}/../../assets/catalogs/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"))
}

#[test]
fn shelving_catalog_loads() {
    let catalog = load_catalog(&shipped("shelving")).expect("shelving catalog is valid");
    assert_eq!(catalog.meta.id, "shelving");
    assert_eq!(catalog.meta.currency, "NOK");
    let frame = catalog
        .part(&PartKindId::new("frame-750x350x350"))
        .expect("750 frame exists");
    assert_eq!(
        frame.shape.bounding_size().to_array(),
        [750.0, 350.0, 350.0]
    );
    let finish = catalog
        .default_finish(frame)
        .expect("frame has a default finish");
    assert_eq!(finish.id, FinishId::new("powder-gentian"));
}

#[test]
fn syntax_errors_carry_path_line_and_column() {
    let text = shipped("shelving").replacen("\"price\": 129000", "\"price\": \"cheap\"", 1);
    let Err(CatalogError::Syntax { path, line, .. }) = load_catalog(&text) else {
        panic!("a string price must be a syntax error");
    };
    let expected_line = 1 + text
        .lines()
        .position(|l| l.contains("cheap"))
        .expect("edited");
    assert_eq!(path, "parts[0].price");
    assert_eq!(line, expected_line);
}

#[test]
fn every_resolution_problem_is_reported_at_once() {
    let text = shipped("shelving")
        .replacen("\"schema\": \"snapkit.catalog/1\"", "\"schema\": \"snapkit.catalog/9\"", 1)
        .replacen("\"#2b2c2e\"", "\"graphite\"", 1)
        .replacen(
            "[\"powder-white\", \"powder-graphite\", \"powder-gentian\", \"powder-orange\", \"chrome\"],\n      \"price\": 109000",
            "[\"powder-white\", \"gold\"],\n      \"price\": -1",
            1,
        );
    let Err(CatalogError::Invalid(problems)) = load_catalog(&text) else {
        panic!("the catalog must be rejected");
    };
    let paths: Vec<&str> = problems
        .iter()
        .map(|p: &CatalogProblem| p.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "schema",
            "finishes[1].colour",
            "parts[1].finishes[1]",
            "parts[1].price"
        ]
    );
    assert!(problems[2].message.contains("unknown finish 'gold'"));
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let text = " ".repeat(snapkit_formats::catalog_file::MAX_CATALOG_BYTES + 1);
    assert!(matches!(
        load_catalog(&text),
        Err(CatalogError::TooLarge { .. })
    ));
}
