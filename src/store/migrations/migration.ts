import type { ColumnDefinitionBuilder, Kysely } from "kysely";

/** Which SQL engine a migration runs on; the few dialect differences are isolated here. */
export type DialectName = "sqlite" | "postgres";

/** A versioned schema step. Migrations only ever move forward. */
export interface SchemaMigration {
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/**
 * Auto-increment primary key whose values are never reused, even after deletes:
 * record IDs are cited publicly, so a reused ID would silently change what a citation points to.
 */
export function idColumn(dialect: DialectName) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === "sqlite" ? col.primaryKey().autoIncrement() : col.primaryKey().generatedAlwaysAsIdentity();
}

/** 64-bit integer where values may outgrow 2^31 (byte offsets). */
export function bigIntType(dialect: DialectName): "integer" | "bigint" {
  return dialect === "sqlite" ? "integer" : "bigint";
}
