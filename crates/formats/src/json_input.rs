//! Stage one for every JSON input: size limit, then a typed parse that says where it failed.

use serde::de::DeserializeOwned;
use std::fmt;

/// Where and why a JSON text does not have the expected shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// JSON path of the value that failed to parse (empty for the document itself).
    pub path: String,
    /// What was wrong there.
    pub message: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem.
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "."
        } else {
            &self.path
        };
        write!(
            f,
            "{path}: {} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

/// Parses `text` as a `T`, reporting the JSON path, line and column of the first problem.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, SyntaxError> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        // serde_json ends its message with the position, which is reported apart.
        let message = inner.to_string();
        let position = format!(" at line {} column {}", inner.line(), inner.column());
        SyntaxError {
            path: if path == "." { String::new() } else { path },
            message: message
                .strip_suffix(&position)
                .unwrap_or(&message)
                .to_owned(),
            line: inner.line(),
            column: inner.column(),
        }
    })
}
