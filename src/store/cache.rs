//! The analysis cache (results of the entity and figure extractors, keyed by the article's
//! content hash, the analyzer's name and its version) and the article↔entity links that
//! `@name` searches filter on.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::index::unix_now;
use super::{Store, StoreError};
use crate::text::normalize_name;

/// One entity found in an article, as the entity extractor reports it for search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityLink {
    /// The entity's display name (e.g. `فلاديمير بوتين`).
    pub name: String,
    /// Its kind: `PERS`, `LOC`, `ORG`, `MISC`.
    pub kind: String,
    /// How many mentions the article has.
    pub mentions: u32,
}

impl Store {
    /// The cached result of `analyzer` (at `version`) for the article with `content_hash`.
    pub fn cache_get(
        &self,
        content_hash: u64,
        analyzer: &str,
        version: u32,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT value FROM cache WHERE content_hash = ?1 AND analyzer = ?2 AND version = ?3",
            )?
            .query_row(params![content_hash as i64, analyzer, version], |r| r.get(0))
            .optional()?)
    }

    /// Stores a result, replacing any previous one for the same key; older versions of the
    /// same analyzer for this article are dropped.
    pub fn cache_put(
        &self,
        content_hash: u64,
        analyzer: &str,
        version: u32,
        value: &[u8],
    ) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        tx.prepare_cached(
            "DELETE FROM cache WHERE content_hash = ?1 AND analyzer = ?2 AND version <> ?3",
        )?
        .execute(params![content_hash as i64, analyzer, version])?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO cache(content_hash, analyzer, version, value, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            content_hash as i64,
            analyzer,
            version,
            value,
            unix_now()
        ])?;
        tx.commit()?;
        Ok(())
    }

    /// [`Store::cache_get`] decoding JSON; a value that no longer decodes counts as missing.
    pub fn cache_get_json<T: DeserializeOwned>(
        &self,
        content_hash: u64,
        analyzer: &str,
        version: u32,
    ) -> Result<Option<T>, StoreError> {
        let bytes = self.cache_get(content_hash, analyzer, version)?;
        Ok(bytes.and_then(|b| serde_json::from_slice(&b).ok()))
    }

    /// [`Store::cache_put`] encoding `value` as JSON.
    pub fn cache_put_json<T: Serialize>(
        &self,
        content_hash: u64,
        analyzer: &str,
        version: u32,
        value: &T,
    ) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(value).map_err(|e| {
            StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
        })?;
        self.cache_put(content_hash, analyzer, version, &bytes)
    }

    /// Replaces the entities linked to the article with `content_hash` (one transaction).
    pub fn set_entities(
        &self,
        content_hash: u64,
        entities: &[EntityLink],
    ) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        tx.prepare_cached("DELETE FROM entities WHERE content_hash = ?1")?
            .execute([content_hash as i64])?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO entities(content_hash, norm, kind, last_word, name, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(content_hash, norm, kind) DO UPDATE SET mentions = mentions + excluded.mentions",
        )?;
        for e in entities {
            let norm = entity_norm(&e.name);
            let last_word = norm.split_whitespace().last().unwrap_or_default();
            insert.execute(params![
                content_hash as i64,
                norm,
                e.kind,
                last_word,
                e.name,
                e.mentions
            ])?;
        }
        drop(insert);
        tx.commit()?;
        Ok(())
    }

    /// The entities linked to an article.
    pub fn entities(&self, content_hash: u64) -> Result<Vec<EntityLink>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, kind, mentions FROM entities WHERE content_hash = ?1
             ORDER BY mentions DESC, name",
        )?;
        let rows = stmt.query_map([content_hash as i64], |r| {
            Ok(EntityLink {
                name: r.get(0)?,
                kind: r.get(1)?,
                mentions: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The normalized form entity names are stored and searched by: Arabic-insensitive (hamza
/// seats folded too, see [`normalize_name`]), without quotation marks (`الجوهرة "اف ام"` is
/// found as `@الجوهرة اف ام`), single spaces between words.
pub fn entity_norm(name: &str) -> String {
    let unquoted = name.replace(['"', '«', '»', '“', '”'], " ");
    normalize_name(&unquoted.split_whitespace().collect::<Vec<_>>().join(" "))
}
