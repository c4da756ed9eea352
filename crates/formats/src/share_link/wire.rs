//! The share link's byte level: LEB128 varints, zigzag integers and length-prefixed text,
//! read with limits so that no byte sequence can make the reader panic or allocate much.

use super::LinkError;

/// Longest text a link may carry (an id or a connector name), in bytes.
pub const MAX_TEXT_BYTES: usize = 500;

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// The bytes written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// One byte.
    pub fn byte(&mut self, value: u8) {
        self.bytes.push(value);
    }

    /// A fixed run of bytes.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    /// An unsigned LEB128 varint.
    pub fn unsigned(&mut self, mut value: u64) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// A signed integer, zigzag-mapped so that small magnitudes stay short.
    pub fn signed(&mut self, value: i64) {
        self.unsigned(((value << 1) ^ (value >> 63)) as u64);
    }

    /// A length-prefixed UTF-8 text.
    pub fn text(&mut self, text: &str) {
        self.unsigned(text.len() as u64);
        self.raw(text.as_bytes());
    }
}

/// Reads values back, refusing anything out of bounds with [`LinkError::Malformed`].
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads from the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    /// Whether every byte was read.
    pub fn is_at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn malformed(&self, what: &str) -> LinkError {
        LinkError::Malformed(format!("{what} at byte {}", self.at))
    }

    /// One byte.
    pub fn byte(&mut self) -> Result<u8, LinkError> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.malformed("unexpected end"))?;
        self.at += 1;
        Ok(byte)
    }

    /// A fixed run of `N` bytes.
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], LinkError> {
        let slice = self
            .bytes
            .get(self.at..self.at + N)
            .ok_or_else(|| self.malformed("unexpected end"))?;
        self.at += N;
        slice
            .try_into()
            .map_err(|_| self.malformed("unexpected end"))
    }

    /// An unsigned LEB128 varint of at most 64 bits.
    pub fn unsigned(&mut self) -> Result<u64, LinkError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(self.malformed("number too large"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.malformed("number too long"))
    }

    /// An unsigned varint that must be below `limit`, as an index or a count.
    pub fn below(&mut self, limit: usize, what: &str) -> Result<usize, LinkError> {
        let value = self.unsigned()?;
        usize::try_from(value)
            .ok()
            .filter(|&value| value < limit)
            .ok_or_else(|| self.malformed(&format!("{what} {value} out of range")))
    }

    /// A zigzag-mapped signed integer that fits in an `i32`.
    pub fn signed_i32(&mut self) -> Result<i32, LinkError> {
        let raw = self.unsigned()?;
        let value = (raw >> 1) as i64 ^ -((raw & 1) as i64);
        i32::try_from(value).map_err(|_| self.malformed("coordinate out of range"))
    }

    /// A length-prefixed UTF-8 text of at most [`MAX_TEXT_BYTES`].
    pub fn text(&mut self) -> Result<String, LinkError> {
        let length = self.below(MAX_TEXT_BYTES + 1, "text length")?;
        let slice = self
            .bytes
            .get(self.at..self.at + length)
            .ok_or_else(|| self.malformed("unexpected end"))?;
        let text = std::str::from_utf8(slice).map_err(|_| self.malformed("text is not UTF-8"))?;
        self.at += length;
        Ok(text.to_owned())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn values_read_back_as_written(
            unsigned in any::<u64>(),
            signed in any::<i32>(),
            text in "\\PC{0,40}",
        ) {
            let mut writer = Writer::default();
            writer.unsigned(unsigned);
            writer.signed(i64::from(signed));
            writer.text(&text);
            let bytes = writer.into_bytes();
            let mut reader = Reader::new(&bytes);
            prop_assert_eq!(reader.unsigned().ok(), Some(unsigned));
            prop_assert_eq!(reader.signed_i32().ok(), Some(signed));
            prop_assert_eq!(reader.text().ok(), Some(text));
            prop_assert!(reader.is_at_end());
        }
    }

    #[test]
    fn overlong_numbers_are_refused() {
        let bytes = [0xff; 11];
        assert!(Reader::new(&bytes).unsigned().is_err());
        let too_big = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02];
        assert!(Reader::new(&too_big).unsigned().is_err());
    }
}
