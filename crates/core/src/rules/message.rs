//! Reasons in the customer's language: message templates with `{name}` parameters, and
//! figures written the way the locale writes them ("3,150 mm", "3 150 mm", "3.150 mm").

use super::rule::Selector;
use crate::assembly::Assembly;
use crate::catalog::{Catalog, PartKind};
use crate::{FinishId, Locale, LocalizedText, PartId, PartKindId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A value filled into a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Param {
    /// A whole number (a count, millimetres).
    Number(i64),
    /// A mass in grams, written in kilograms with one decimal.
    Grams(i64),
    /// Text already in the customer's language (a part's name).
    Text(String),
}

/// The parameters of one message, by name.
pub type Params = BTreeMap<&'static str, Param>;

/// Fills `{name}` placeholders of `template` (in `locale`) with `params`; unknown names stay
/// as written so a catalog typo shows instead of vanishing.
pub fn render(template: &LocalizedText, locale: &Locale, params: &Params) -> String {
    let text = template.get(locale);
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.get(name) {
                    Some(param) => out.push_str(&format_param(param, locale)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// "Frame 750 × 350 #3": a placed part as the customer sees it.
pub fn part_label(kind: &PartKind, id: PartId, locale: &Locale) -> String {
    format!("{} {id}", kind.name.get(locale))
}

/// Part `id` of `assembly` as the customer sees it, or its bare id if it is not there.
pub fn placed_part_label(assembly: &Assembly, id: PartId, locale: &Locale) -> String {
    assembly
        .kind_of(id)
        .map_or_else(|| id.to_string(), |kind| part_label(kind, id, locale))
}

/// A part kind's name in the locale (its id if the catalog lacks it).
pub fn kind_label(catalog: &Catalog, kind: &PartKindId, locale: &Locale) -> String {
    catalog.part(kind).map_or_else(
        || kind.to_string(),
        |known| known.name.get(locale).to_owned(),
    )
}

/// A finish's name in the locale (its id if the catalog lacks it).
pub fn finish_label(catalog: &Catalog, finish: &FinishId, locale: &Locale) -> String {
    catalog.finish(finish).map_or_else(
        || finish.to_string(),
        |known| known.name.get(locale).to_owned(),
    )
}

/// What a selector picks, in words: its kinds' names, else its categories or tags.
pub fn selector_label(catalog: &Catalog, selector: &Selector, locale: &Locale) -> String {
    let names: Vec<String> = if selector.kinds.is_empty() {
        selector
            .categories
            .iter()
            .chain(&selector.tags)
            .cloned()
            .collect()
    } else {
        selector
            .kinds
            .iter()
            .map(|id| kind_label(catalog, id, locale))
            .collect()
    };
    if names.is_empty() {
        "parts".to_owned()
    } else {
        names.join(" / ")
    }
}

/// One parameter as the locale writes it.
pub fn format_param(param: &Param, locale: &Locale) -> String {
    match param {
        Param::Number(value) => format_number(*value, locale),
        Param::Grams(grams) => {
            let tenths = (grams.unsigned_abs() + 50) / 100;
            let sign = if *grams < 0 { "-" } else { "" };
            let whole = i64::try_from(tenths / 10).unwrap_or(i64::MAX);
            format!(
                "{sign}{}{}{} kg",
                format_number(whole, locale),
                decimal_separator(locale),
                tenths % 10
            )
        }
        Param::Text(text) => text.clone(),
    }
}

/// A whole number with the locale's thousands separator.
pub fn format_number(value: i64, locale: &Locale) -> String {
    let digits = value.unsigned_abs().to_string();
    let separator = group_separator(locale);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// The language part of a tag: `nb` for `nb-NO`.
fn language(locale: &Locale) -> &str {
    locale.as_str().split(['-', '_']).next().unwrap_or("")
}

fn group_separator(locale: &Locale) -> &'static str {
    match language(locale) {
        // A no-break space, as these languages write 3 150.
        "nb" | "nn" | "no" | "sv" | "fi" | "fr" | "pl" | "cs" => "\u{a0}",
        "de" | "da" | "nl" | "it" | "es" | "pt" => ".",
        _ => ",",
    }
}

fn decimal_separator(locale: &Locale) -> &'static str {
    match group_separator(locale) {
        "," => ".",
        _ => ",",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_the_way_the_locale_writes_them() {
        assert_eq!(format_number(3_150, &Locale::english()), "3,150");
        assert_eq!(format_number(-1_234_567, &Locale::english()), "-1,234,567");
        assert_eq!(format_number(999, &Locale::english()), "999");
        assert_eq!(format_number(3_150, &Locale::new("nb-NO")), "3\u{a0}150");
        assert_eq!(format_number(3_150, &Locale::new("de")), "3.150");
    }

    #[test]
    fn grams_are_written_as_kilograms_with_one_decimal() {
        assert_eq!(
            format_param(&Param::Grams(41_250), &Locale::english()),
            "41.3 kg"
        );
        assert_eq!(
            format_param(&Param::Grams(1_234_000), &Locale::new("de")),
            "1.234,0 kg"
        );
    }

    #[test]
    fn templates_fill_known_parameters_and_keep_unknown_ones() {
        let template =
            LocalizedText::english("Width {actual} mm exceeds the {limit} mm limit {oops}").with(
                Locale::new("nb"),
                "Bredden {actual} mm er over grensen på {limit} mm",
            );
        let params = Params::from([
            ("actual", Param::Number(3_150)),
            ("limit", Param::Number(3_000)),
        ]);
        assert_eq!(
            render(&template, &Locale::english(), &params),
            "Width 3,150 mm exceeds the 3,000 mm limit {oops}"
        );
        assert_eq!(
            render(&template, &Locale::new("nb"), &params),
            "Bredden 3\u{a0}150 mm er over grensen på 3\u{a0}000 mm"
        );
        assert_eq!(
            render(
                &LocalizedText::english("a { b"),
                &Locale::english(),
                &params
            ),
            "a { b"
        );
    }
}
