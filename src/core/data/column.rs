//! A column of non-negative integer counts that keeps going past bad cells,
//! so that a file with 3,000 bad values gets 3,000 located problems, not one.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

/// Stored for `null` (not available) and for cells that failed validation.
pub const NA: u32 = u32::MAX;

/// A cell that is not a count in `0..NA`.
#[derive(Clone, Debug, PartialEq)]
pub enum BadCell {
    Negative(i64),
    TooLarge(u64),
    Fraction(f64),
    Null,
    Other(&'static str),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    pub values: Vec<u32>,
    /// (row, what was there); `null` is listed too, callers decide if it is allowed.
    pub bad: Vec<(usize, BadCell)>,
}

impl Column {
    pub fn from_values(values: Vec<u32>) -> Column {
        Column { values, bad: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

enum Cell {
    Ok(u32),
    Bad(BadCell),
}

fn count(v: u64) -> Cell {
    if v < u64::from(NA) {
        Cell::Ok(v as u32)
    } else {
        Cell::Bad(BadCell::TooLarge(v))
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a non-negative integer or null")
            }
            fn visit_u64<E>(self, v: u64) -> Result<Cell, E> {
                Ok(count(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Cell, E> {
                Ok(if v < 0 { Cell::Bad(BadCell::Negative(v)) } else { count(v as u64) })
            }
            /// An integral decimal (`120.0`, as pandas writes whole numbers
            /// once a column has a gap) is that whole number.
            fn visit_f64<E>(self, v: f64) -> Result<Cell, E> {
                Ok(if v.fract() != 0.0 || !v.is_finite() {
                    Cell::Bad(BadCell::Fraction(v))
                } else if v < 0.0 {
                    Cell::Bad(BadCell::Negative(v.max(i64::MIN as f64) as i64))
                } else {
                    count(v.min(u64::MAX as f64) as u64)
                })
            }
            fn visit_unit<E>(self) -> Result<Cell, E> {
                Ok(Cell::Bad(BadCell::Null))
            }
            fn visit_none<E>(self) -> Result<Cell, E> {
                Ok(Cell::Bad(BadCell::Null))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Cell, E> {
                Ok(Cell::Bad(BadCell::Other("a boolean")))
            }
            fn visit_str<E>(self, _: &str) -> Result<Cell, E> {
                Ok(Cell::Bad(BadCell::Other("a string")))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Cell::Bad(BadCell::Other("an array")))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Cell::Bad(BadCell::Other("an object")))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Column {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Column, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Column;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of non-negative integers")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Column, A::Error> {
                // Cap the pre-allocation: a hostile size hint must not reserve gigabytes.
                let mut col =
                    Column { values: Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20)), bad: Vec::new() };
                while let Some(cell) = seq.next_element::<Cell>()? {
                    match cell {
                        Cell::Ok(v) => col.values.push(v),
                        Cell::Bad(b) => {
                            col.bad.push((col.values.len(), b));
                            col.values.push(NA);
                        }
                    }
                }
                Ok(col)
            }
        }
        d.deserialize_seq(V)
    }
}

impl Serialize for Column {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.values.len()))?;
        for &v in &self.values {
            if v == NA {
                seq.serialize_element(&Option::<u32>::None)?;
            } else {
                seq.serialize_element(&v)?;
            }
        }
        seq.end()
    }
}

/// A column in the JSON Schema: counts, or null for "not available".
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Column {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Column".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One value per record: a whole number from 0 to 4294967294, or null for not available (null only in the four measure columns).",
            "type": "array",
            "items": {"type": ["integer", "null"], "minimum": 0, "maximum": 4294967294u64}
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_going_past_bad_cells() {
        let c: Column = serde_json::from_str("[1, -2, 3.5, null, \"4\", [1,[2]], {\"a\":1}, 4294967295, 7]").unwrap();
        assert_eq!(c.len(), 9);
        assert_eq!(c.values[0], 1);
        assert_eq!(c.values[8], 7);
        let rows: Vec<usize> = c.bad.iter().map(|b| b.0).collect();
        assert_eq!(rows, vec![1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(c.bad[0].1, BadCell::Negative(-2));
        assert_eq!(c.bad[6].1, BadCell::TooLarge(4294967295));
    }

    #[test]
    fn round_trips_with_nulls() {
        let c = Column::from_values(vec![0, NA, 12]);
        let s = serde_json::to_string(&c).unwrap();
        assert_eq!(s, "[0,null,12]");
        let back: Column = serde_json::from_str(&s).unwrap();
        assert_eq!(back.values, c.values);
    }

    #[test]
    fn not_an_array_is_a_type_error() {
        assert!(serde_json::from_str::<Column>("{\"a\": 1}").is_err());
    }
}
