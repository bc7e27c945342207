//! Tables as Arrow record batches (feature `arrow`): text as `Utf8`, codes
//! as `Dictionary(Int32, Utf8)`, integers `Int64`, floats `Float64`, dates
//! `Date32`, money `Decimal128(19, 4)` beside its currency column, booleans
//! `Boolean`; every field nullable, its meaning and kind in the field's
//! metadata (`meaning`, `kind`), the table's name and description in the
//! schema's (`table`, `description`).

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, Float64Array, Int64Array, RecordBatch,
    StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;

use crate::Amount;

use super::{Column, ColumnSpec, Kind, Table, TableName, Values};

/// Decimal digits of money columns: 15 before the point and 4 after, so
/// that every [`Amount`] fits (up to ±922337203685477.5807, 19 digits of
/// ten-thousandths); Parquet stores it as a fixed-length decimal, which
/// every reader (DuckDB, Spark, pandas) takes as a decimal.
const MONEY_PRECISION: u8 = 19;

/// A table could not become an Arrow record batch.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, Table, TableName};
///
/// let t = Source::new(&ssr_model::samples::portfolio(), &Scorer::default()).table(TableName::Transactions).0;
/// let result: Result<_, ssr_model::tables::ArrowError> = t.to_record_batch();
/// assert!(result.is_ok());
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArrowError {
    /// A money value has more than 15 digits before the decimal point,
    /// beyond the 19 digits of the money columns.
    #[error(
        "{table}.{column}: the amount {amount} has more than 15 digits before the decimal point (money columns are decimal(19, 4))"
    )]
    AmountTooLarge {
        /// The table.
        table: TableName,
        /// The column.
        column: &'static str,
        /// The amount.
        amount: Amount,
    },
    /// Arrow refused the batch.
    #[error("cannot build the Arrow batch: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
}

/// The Arrow schema of table `name`.
///
/// ```
/// use arrow_schema::DataType;
/// use ssr_model::tables;
/// use ssr_model::tables::TableName;
///
/// let schema = tables::schema(TableName::Budgets);
/// assert_eq!(schema.field_with_name("value")?.data_type(), &DataType::Decimal128(19, 4));
/// assert_eq!(schema.field_with_name("period_start")?.data_type(), &DataType::Date32);
/// assert_eq!(schema.metadata()["table"], "budgets");
/// # Ok::<(), arrow_schema::ArrowError>(())
/// ```
pub fn schema(name: TableName) -> Schema {
    let fields: Vec<Field> = name.columns().iter().map(field).collect();
    Schema::new(fields).with_metadata(HashMap::from([
        ("table".to_owned(), name.to_string()),
        ("description".to_owned(), name.describe().to_owned()),
    ]))
}

fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Text => DataType::Utf8,
        Kind::Code => DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)),
        Kind::Integer => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Date => DataType::Date32,
        Kind::Money => DataType::Decimal128(MONEY_PRECISION, Amount::DECIMAL_PLACES as i8),
        Kind::Boolean => DataType::Boolean,
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Code => "code",
        Kind::Integer => "integer",
        Kind::Float => "float",
        Kind::Date => "date",
        Kind::Money => "money",
        Kind::Boolean => "boolean",
    }
}

fn field(spec: &ColumnSpec) -> Field {
    Field::new(spec.name, data_type(spec.kind), true).with_metadata(HashMap::from([
        ("meaning".to_owned(), spec.meaning.to_owned()),
        ("kind".to_owned(), kind_name(spec.kind).to_owned()),
    ]))
}

/// Days since 1970-01-01, Arrow's `Date32`.
fn days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    // Dates the model holds are within chrono's ±262 143 years, whose day
    // counts fit an i32.
    i32::try_from(d.signed_duration_since(epoch).num_days()).unwrap_or(i32::MAX)
}

fn array(table: TableName, column: &Column) -> Result<ArrayRef, ArrowError> {
    Ok(match (column.values(), column.kind()) {
        (Values::Text(v), Kind::Code) => {
            let mut b = StringDictionaryBuilder::<Int32Type>::new();
            for x in v.iter() {
                match x {
                    Some(x) => {
                        b.append(x)?;
                    }
                    None => b.append_null(),
                }
            }
            Arc::new(b.finish())
        }
        (Values::Text(v), _) => Arc::new(v.iter().collect::<StringArray>()),
        (Values::Integer(v), _) => Arc::new(v.iter().copied().collect::<Int64Array>()),
        (Values::Float(v), _) => Arc::new(v.iter().copied().collect::<Float64Array>()),
        (Values::Date(v), _) => Arc::new(v.iter().map(|d| d.map(days)).collect::<Date32Array>()),
        (Values::Money(v), _) => {
            let limit = 10_i128.pow(u32::from(MONEY_PRECISION));
            let mut units = Vec::with_capacity(v.len());
            for a in v {
                let x = a.map(|a| i128::from(a.ten_thousandths()));
                if let (Some(amount), Some(x)) = (a, x)
                    && x.abs() >= limit
                {
                    return Err(ArrowError::AmountTooLarge {
                        table,
                        column: column.name(),
                        amount: *amount,
                    });
                }
                units.push(x);
            }
            Arc::new(
                Decimal128Array::from(units)
                    .with_precision_and_scale(MONEY_PRECISION, Amount::DECIMAL_PLACES as i8)?,
            )
        }
        (Values::Boolean(v), _) => Arc::new(v.iter().copied().collect::<BooleanArray>()),
    })
}

impl Table {
    /// The table as one Arrow record batch, with [`schema`]'s schema.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::{Source, Table, TableName};
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let t = Source::new(&portfolio, &Scorer::default()).table(TableName::Periods).0;
    /// let batch = t.to_record_batch()?;
    /// assert_eq!(batch.num_rows(), t.rows());
    /// assert_eq!(batch.schema().field(0).name(), "programme_id");
    /// # Ok::<(), ssr_model::tables::ArrowError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ArrowError::AmountTooLarge`] for a money value beyond decimal(19,
    /// 4); [`ArrowError::Arrow`] if Arrow refuses the columns.
    pub fn to_record_batch(&self) -> Result<RecordBatch, ArrowError> {
        let columns = self
            .columns()
            .iter()
            .map(|c| array(self.name(), c))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RecordBatch::try_new(
            Arc::new(schema(self.name())),
            columns,
        )?)
    }
}
