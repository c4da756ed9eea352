//! Amounts as the customer reads them: integer minor units written by the browser's
//! `Intl.NumberFormat` for the locale and currency ("kr 12 900,00", "€129.00").

use js_sys::{Array, Function, Object, Reflect};
use snapkit_core::Locale;
use snapkit_core::rules::message::format_number;
use wasm_bindgen::{JsCast, JsValue};

/// How many minor-unit digits a currency has (ISO 4217): 0 for yen, 3 for dinars, else 2.
pub(crate) fn minor_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "ISK" | "CLP" | "VND" | "UGX" | "XAF" | "XOF" | "PYG" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

/// `minor` units of `currency`, written for `locale`.
pub(crate) fn format_money(minor: i64, currency: &str, locale: &Locale) -> String {
    let digits = minor_digits(currency);
    intl_format(minor, digits, currency, locale).unwrap_or_else(|| {
        // Without Intl (or with a tag it rejects), still a correct, readable amount.
        let scale = 10_i64.pow(digits);
        let whole = format_number(minor / scale, locale);
        if digits == 0 {
            format!("{currency} {whole}")
        } else {
            let width = digits as usize;
            format!("{currency} {whole}.{:0width$}", (minor % scale).abs())
        }
    })
}

fn intl_format(minor: i64, digits: u32, currency: &str, locale: &Locale) -> Option<String> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"NumberFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"style".into(), &"currency".into()).ok()?;
    Reflect::set(&options, &"currency".into(), &currency.into()).ok()?;
    let arguments = Array::of2(&locale.as_str().into(), &options);
    let formatter = Reflect::construct(&constructor, &arguments).ok()?;
    let format: Function = Reflect::get(&formatter, &"format".into())
        .ok()?
        .dyn_into()
        .ok()?;
    #[expect(
        clippy::cast_precision_loss,
        reason = "amounts stay far below 2^53 minor units"
    )]
    let value = minor as f64 / 10_f64.powi(i32::try_from(digits).ok()?);
    format
        .call1(&formatter, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}

/// `name`, followed by what choosing it adds to or takes off the price, if anything.
pub(crate) fn with_price_change(
    name: &str,
    difference: i64,
    currency: &str,
    locale: &Locale,
) -> String {
    match difference {
        0 => name.to_owned(),
        more if more > 0 => format!("{name} (+{})", format_money(more, currency, locale)),
        less => format!("{name} (−{})", format_money(-less, currency, locale)),
    }
}
