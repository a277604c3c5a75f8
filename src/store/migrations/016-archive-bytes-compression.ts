import { sql } from "kysely";
import type { SchemaMigration } from "./migration.js";

/**
 * How PostgreSQL stores the archive's large values. By default it compresses them with pglz, which on the import of
 * an Open Terms Archive dataset cost more time than sending the bytes: snapshot bytes (`blobs.bytes`) and version
 * text (`versions.text`) switch to lz4 (about 3× faster, nearly the same size) when the server has it, and WARC
 * records, already gzip members, are stored out of line without a second compression. Only values written from now
 * on change; older rows read as before. Nothing to do on SQLite.
 */
export const archiveBytesCompressionMigration: SchemaMigration = {
  name: "016-archive-bytes-compression",
  async up(db, dialect) {
    if (dialect !== "postgres") return;
    await sql`alter table warc_records alter column gzip set storage external`.execute(db);
    // Servers built without lz4 do not offer it (and PostgreSQL before 14 has no setting at all).
    const lz4 = await sql<{ lz4: boolean }>`
      select exists (
        select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)
      ) as lz4`.execute(db);
    if (!lz4.rows[0]?.lz4) return;
    await sql`alter table blobs alter column bytes set compression lz4`.execute(db);
    await sql`alter table versions alter column text set compression lz4`.execute(db);
  },
};
