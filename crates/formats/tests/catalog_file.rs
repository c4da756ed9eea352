//! Boundary tests of the catalog file format: the shipped catalogs load, and broken files are reported precisely.

use serde_json::{Value, json};
use snapkit_core::{FinishId, Locale, PartKindId};
use snapkit_formats::{CatalogError, CatalogProblem, SyntaxError, load_catalog};

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
        [750_000, 350_000, 350_000]
    );
    let finish = catalog
        .default_finish(frame)
        .expect("frame has a default finish");
    assert_eq!(finish.id, FinishId::new("powder-gentian"));
}

#[test]
fn syntax_errors_carry_path_line_and_column() {
    let text = shipped("shelving").replacen("\"price\": 129000", "\"price\": \"cheap\"", 1);
    let Err(CatalogError::Syntax(SyntaxError { path, line, .. })) = load_catalog(&text) else {
        panic!("a string price must be a syntax error");
    };
    let expected_line = 1 + text
        .lines()
        .position(|l| l.contains("cheap"))
        .expect("edited");
    assert_eq!(path, "parts[0].price");
    assert_eq!(line, expected_line);
}

/// The shelving catalog with `edit` applied to its JSON.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&shipped("shelving")).expect("valid JSON");
    edit(&mut value);
    value.to_string()
}

fn problem_paths(text: &str) -> Vec<CatalogProblem> {
    match load_catalog(text) {
        Err(CatalogError::Invalid(problems)) => problems,
        other => panic!("the catalog must be rejected as invalid, got {other:?}"),
    }
}

#[test]
fn every_resolution_problem_is_reported_at_once() {
    let text = edited(|catalog| {
        catalog["schema"] = json!("snapkit.catalog/9");
        catalog["finishes"][1]["colour"] = json!("graphite");
        catalog["parts"][1]["finishes"] = json!(["powder-white", "gold"]);
        catalog["parts"][1]["price"] = json!(-1);
        catalog["hardware"][0]["joins"][1] = json!("frame-middle");
        catalog["rules"][0]["check"]["bounds"]["max_width"] = json!(-5);
        catalog["rules"][4]["check"]["count"]["parts"] = json!({ "kinds": ["frame-9000"] });
    });
    let problems = problem_paths(&text);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "schema",
            "finishes[1].colour",
            "parts[1].finishes[1]",
            "parts[1].price",
            "parts[1].finish_prices.chrome",
            "hardware[0].joins[1]",
            "rules[0].check.bounds.max_width",
            "rules[4].check.count.parts.kinds[0]",
        ]
    );
    assert!(problems[2].message.contains("unknown finish 'gold'"));
}

#[test]
fn a_hardware_item_says_what_needs_it_joins_or_caps_but_not_both() {
    let text = edited(|catalog| {
        let caps = json!({
            "id": "cap", "sku": "CAP", "name": { "en": "Cap", "nb": "Hette" }, "price": 100,
        });
        catalog["hardware"] = json!([
            caps.clone(),
            { "caps": ["frame-top"], "joins": ["frame-top", "frame-bottom"] },
            { "caps": ["frame-middle"], "per_open_end": 0, "per_connection": 2 },
            { "caps": [] },
            { "joins": ["frame-top", "frame-bottom"], "per_open_end": 1 },
        ]);
        for (at, item) in catalog["hardware"]
            .as_array_mut()
            .expect("hardware list")
            .iter_mut()
            .enumerate()
            .skip(1)
        {
            for field in ["sku", "name", "price"] {
                item[field] = caps[field].clone();
            }
            item["id"] = json!(format!("cap-{at}"));
        }
    });
    let problems = problem_paths(&text);
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "hardware[0]",
                "say what needs this item: `joins` (two connector types) or `caps` (connector types whose open ends it covers)"
            ),
            (
                "hardware[1]",
                "a hardware item either `joins` two connector types or `caps` open ends, not both"
            ),
            ("hardware[2].per_open_end", "must be at least 1"),
            (
                "hardware[2].per_connection",
                "only an item that `joins` connector types counts per connection"
            ),
            (
                "hardware[2].caps[0]",
                "unknown connector type 'frame-middle'"
            ),
            ("hardware[3].caps", "name at least one connector type"),
            (
                "hardware[4].per_open_end",
                "only an item that `caps` open ends counts per open end"
            ),
        ]
    );
}

#[test]
fn categories_are_named_in_each_language_and_must_be_used() {
    let catalog = load_catalog(&shipped("sofa")).expect("the shipped sofa");
    assert_eq!(
        catalog.category_name("seats", &Locale::new("nb-NO")),
        "Seter"
    );
    assert_eq!(catalog.category_name("seats", &Locale::english()), "Seats");
    assert_eq!(
        catalog.category_name("unnamed", &Locale::english()),
        "unnamed"
    );
    let text = edited(|catalog| {
        catalog["categories"]["shelves"] = json!({ "en": "Shelves" });
        catalog["categories"]["frames"] = json!({ "nb": "Rammer" });
    });
    let problems = problem_paths(&text);
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|problem| (problem.path.as_str(), problem.message.as_str()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "categories.frames");
    assert_eq!(
        found[1],
        ("categories.shelves", "no part has the category 'shelves'")
    );
}

#[test]
fn guided_start_questions_are_checked_and_located() {
    let catalog = load_catalog(&shipped("sofa")).expect("the shipped sofa");
    let guide = catalog.guided_start.expect("the sofa has a guided start");
    assert_eq!(guide.questions.len(), 3);
    assert_eq!(
        guide.questions[1].text.get(&Locale::new("nb")),
        "Hvor mange skal den ha plass til?"
    );
    let text = edited(|catalog| {
        let questions = &mut catalog["guided_start"]["questions"];
        questions[0]["figure"]["default"] = json!(9000);
        questions[1]["id"] = json!("wall-width");
        questions[2]["choice"][1]["requires"][0]["measure"] =
            json!({ "count": { "tags": ["cushion"] } });
        questions[3]["choice"] = json!([]);
        catalog["guided_start"]["best_first"][0]["measure"] =
            json!({ "count": { "kinds": ["frame-9000"] } });
    });
    let found: Vec<(String, String)> = problem_paths(&text)
        .into_iter()
        .map(|problem| (problem.path, problem.message))
        .collect();
    let expected = [
        (
            "guided_start.questions[0].figure.default",
            "9000 is not between 350 and 3000",
        ),
        (
            "guided_start.questions[1].id",
            "duplicate question id 'wall-width'",
        ),
        (
            "guided_start.questions[2].choice[1].requires[0].measure.count.tags[0]",
            "no part has the tag 'cushion'",
        ),
        (
            "guided_start.questions[3]",
            "needs exactly one of \"figure\" and \"choice\"",
        ),
        (
            "guided_start.best_first[0].measure.count.kinds[0]",
            "unknown part kind 'frame-9000'",
        ),
    ];
    assert_eq!(
        found,
        expected.map(|(path, message)| (path.to_owned(), message.to_owned()))
    );
}

#[test]
fn inconsistent_connectors_are_refused_naming_part_and_field() {
    let text = edited(|catalog| {
        catalog["connector_types"][0]["mates"] = json!([]);
        let connectors = &mut catalog["parts"][2]["connectors"];
        connectors[0]["type"] = json!("stud2");
        connectors[1]["rotations"] = json!([0, 1]);
        connectors[2]["up"] = json!("+x");
        connectors[3]["name"] = json!("right");
        catalog["parts"][0]["shape"] = json!({ "box": [750, -350, 350] });
        catalog["parts"][1]["id"] = json!("frame-750x350x350");
        catalog["parts"][1]["shape"]["pieces"][0] = json!({ "box": [1, 1, 1], "cylinder": [1, 1] });
        catalog["parts"][1]["shape"]["pieces"][1]["cylinder"] = json!([0, 350]);
        catalog["parts"][2]["shape"] = json!({ "pieces": [] });
    });
    let problems: Vec<String> = problem_paths(&text)
        .iter()
        .map(|problem| format!("{}: {}", problem.path, problem.message))
        .collect();
    assert_eq!(
        problems,
        [
            "connector_types[0].mates: connector type 'frame-top' mates with nothing",
            "connector_types[1].mates: connector type 'frame-bottom' mates with nothing",
            "parts[0].shape.box: every side must be a positive number of millimetres",
            "parts[1].id: duplicate part id 'frame-750x350x350'",
            "parts[1].shape.pieces[0]: a piece is a box, a cylinder or a model (give one of them)",
            "parts[1].shape.pieces[1].cylinder: every side must be a positive number of millimetres",
            "parts[2].shape.pieces: needs at least one piece",
            "parts[2].connectors[0].type: unknown connector type 'stud2'",
            "parts[2].connectors[1].rotations: must be [0], [0, 2] or [0, 1, 2, 3] (a closed set of quarter turns)",
            "parts[2].connectors[2].up: '+x' is not at right angles to the normal '+x'",
            "parts[2].connectors: duplicate connector name 'right'",
        ]
    );
}

#[test]
fn model_files_stay_beside_the_catalog_and_fill_one_box() {
    let text = edited(|catalog| {
        let model = |file: &str, size: [u32; 3]| json!({ "model": { "file": file, "size": size } });
        catalog["parts"][0]["shape"] = json!({ "pieces": [
            model("models/frame.glb", [750, 350, 350]),
            model("../secrets/frame.glb", [750, 350, 350]),
            model("https://elsewhere.example/frame.glb", [750, 350, 350]),
            model("models/Frame.GLB", [750, 350, 350]),
        ] });
        catalog["parts"][1]["shape"] =
            json!({ "pieces": [model("models/frame.glb", [750, 350, 400])] });
    });
    let problems: Vec<String> = problem_paths(&text)
        .iter()
        .map(|problem| format!("{}: {}", problem.path, problem.message))
        .collect();
    let rule = "a path relative to the catalog ending in .glb, of lower-case letters, digits, \
                '-', '_', '.' and '/'";
    assert_eq!(
        problems,
        [
            format!("parts[0].shape.pieces[1].model.file: “../secrets/frame.glb” is not a model file name: {rule}"),
            format!("parts[0].shape.pieces[2].model.file: “https://elsewhere.example/frame.glb” is not a model file name: {rule}"),
            format!("parts[0].shape.pieces[3].model.file: “models/Frame.GLB” is not a model file name: {rule}"),
            "parts[1].shape.pieces[0].model.size: “models/frame.glb” is declared with another size at \
             parts[0].shape.pieces[0].model.size"
                .to_owned(),
        ]
    );
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let text = " ".repeat(snapkit_formats::catalog_file::MAX_CATALOG_BYTES + 1);
    assert!(matches!(
        load_catalog(&text),
        Err(CatalogError::TooLarge { .. })
    ));
}

#[test]
fn resolution_problems_point_at_their_line_and_column() {
    let compact = edited(|catalog| {
        catalog["parts"][2]["connectors"][0]["type"] = json!("stud2");
    });
    let text =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(&compact).expect("JSON"))
            .expect("prints");
    let problems = problem_paths(&text);
    let problem = &problems[0];
    let line = text
        .lines()
        .position(|line| line.contains("\"stud2\""))
        .expect("the edit is in the text")
        + 1;
    assert_eq!(problem.line, line);
    let column = text
        .lines()
        .nth(line - 1)
        .expect("line")
        .find("\"stud2\"")
        .expect("on it")
        + 1;
    assert_eq!(problem.column, column);
    assert!(
        problem.to_string().ends_with(&format!(
            "unknown connector type 'stud2' (line {line}, column {column})"
        )),
        "{problem}"
    );
}
