//! How many products the catalog's system makes from a few parts: a line under the catalog's
//! name, counted in the page (`snapkit_core::solution_space`) after the first frame is shown,
//! in slices short enough that the page keeps drawing and answering taps.

use crate::ui_text::{number, phrase, ui_count, ui_text, ui_text_with};
use snapkit_core::solution_space::{CountQuery, Counting, SolutionCount};
use snapkit_core::{Catalog, Locale};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use yew::prelude::*;

/// The most parts a product is counted with in the page.
const MOST_PARTS: usize = 5;

/// The next count is not started when the assemblies it would visit, foreseen from how fast the
/// counts grew so far, pass this: it would hold the page for a noticeable moment. Bricks stop
/// after 3 parts (about 300,000 assemblies, foreseen 76 million for 4), shelving after 3
/// (19,468 visited; 4 parts foreseen at about 490,000, each with 48 kinds to try).
const MOST_FORESEEN_VISITS: u64 = 200_000;

/// How long one slice of a count holds the page, in milliseconds: well inside a frame, so
/// drawing and taps go on while the count runs (the 3-part bricks count takes most of a second
/// natively, longer on a tablet).
const SLICE_MS: f64 = 8.0;

/// Assemblies visited between two looks at the clock.
const VISITS_PER_LOOK: u64 = 16;

/// Properties of [`CatalogReach`].
#[derive(Properties, PartialEq)]
pub(crate) struct CatalogReachProps {
    /// The catalog in use.
    pub catalog: Arc<Catalog>,
    /// The locale numbers are written for.
    pub locale: Locale,
}

/// Advances `counting` for about [`SLICE_MS`]; the count once it is complete.
fn count_a_slice(counting: &mut Counting) -> Option<SolutionCount> {
    let began = js_sys::Date::now();
    loop {
        let done = counting.advance(VISITS_PER_LOOK);
        if done.is_some() || js_sys::Date::now() - began >= SLICE_MS {
            return done;
        }
    }
}

/// "4 products from 1 part · 145 from 2 parts · 18,814 from 3 parts": filled in one count at
/// a time, each counted in slices with the page's turn between them.
#[component]
pub(crate) fn CatalogReach(props: &CatalogReachProps) -> Html {
    let counts = use_state(Vec::<(usize, u64)>::new);
    {
        let counts = counts.clone();
        let catalog = props.catalog.clone();
        use_effect_with(props.catalog.meta.content_hash.clone(), move |_| {
            let stopped = Rc::new(Cell::new(false));
            let cancelled = stopped.clone();
            counts.set(Vec::new());
            yew::platform::spawn_local(async move {
                let mut found = Vec::new();
                let mut visited_before = 0;
                for parts in 1..=MOST_PARTS {
                    // Let the page paint (and the customer act) before each count.
                    yew::platform::time::sleep(Duration::from_millis(50)).await;
                    if cancelled.get() {
                        return;
                    }
                    let query = CountQuery {
                        parts,
                        kind: None,
                        fixed_base: false,
                    };
                    let Ok(mut counting) = Counting::new(&catalog, &query) else {
                        return;
                    };
                    let result = loop {
                        if let Some(done) = count_a_slice(&mut counting) {
                            break done;
                        }
                        // Let the page draw a frame and answer the customer between slices.
                        yew::platform::time::sleep(Duration::ZERO).await;
                        if cancelled.get() {
                            return;
                        }
                    };
                    // No assembly of this many parts holds together: none of more will either.
                    if result.visited == visited_before {
                        return;
                    }
                    let growth = result.visited / visited_before.max(1);
                    visited_before = result.visited;
                    found.push((parts, result.products));
                    counts.set(found.clone());
                    if result.visited.saturating_mul(growth) > MOST_FORESEEN_VISITS {
                        return;
                    }
                }
            });
            move || stopped.set(true)
        });
    }
    if counts.is_empty() {
        return html! {};
    }
    let figures: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(at, &(parts, products))| {
            let locale = &props.locale;
            let parts = ("parts", phrase(ui_count(locale, "parts", parts, &[])));
            let products = usize::try_from(products).unwrap_or(usize::MAX);
            // The first figure names what is counted; the others only give the number.
            if at == 0 {
                ui_count(
                    locale,
                    "catalog.reach-first",
                    products,
                    &[("products", number(products)), parts],
                )
            } else {
                ui_text_with(
                    locale,
                    "catalog.reach-next",
                    &[("products", number(products)), parts],
                )
            }
        })
        .collect();
    html! {
        <p class="catalog-reach" title={ui_text(&props.locale, "catalog.reach-about")}>
            { figures.join(" · ") }
        </p>
    }
}
