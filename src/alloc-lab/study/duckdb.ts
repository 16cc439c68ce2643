/**
 * DuckDB for a study's Parquet file and for queries over it. @duckdb/node-api is ~70 MB of
 * native code: it is loaded on first use only, never for a run that does not ask for Parquet
 * or a query, and a missing install is a clear error rather than a crash at startup.
 */
import * as fs from 'fs';
import { ROW_COLUMNS } from './store';

/**
 * The few calls used here, typed locally: the package is optional at build time (a checkout
 * whose node_modules predates it still type-checks and builds), required only when used.
 */
interface DuckDB {
  DuckDBInstance: { create(path: string): Promise<DuckInstance> };
}
interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}
interface DuckConnection {
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
  closeSync(): void;
}

const PACKAGE = '@duckdb/node-api';
let loaded: DuckDB | undefined;

function duckdb(): DuckDB {
  if (loaded === undefined) {
    try {
      loaded = require(PACKAGE) as DuckDB;
    } catch (err) {
      throw new Error(`Parquet output and queries need DuckDB's Node package (npm install ${PACKAGE}): ${(err as Error).message}`);
    }
  }
  return loaded;
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Runs SQL on an in-memory DuckDB and returns the rows as plain JS values (BIGINTs as numbers
 * when they fit, as DuckDB's JS conversion gives them otherwise). Parquet and JSON files are
 * read by path in the SQL: `SELECT * FROM 'out/results.parquet'`.
 */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const { DuckDBInstance } = duckdb();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' && Number.isSafeInteger(Number(v)) ? Number(v) : v;
      return out;
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** results.jsonl → results.parquet (zstd), with the row schema's column types, written whole (temporary name, then rename). */
export async function writeParquet(jsonl: string, parquet: string): Promise<void> {
  const columns = `{${Object.entries(ROW_COLUMNS).map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ')}}`;
  const tmp = `${parquet}.${process.pid}.tmp`;
  await query(
    `COPY (SELECT * FROM read_json(${sqlString(jsonl)}, format = 'newline_delimited', columns = ${columns})) ` +
      `TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  fs.renameSync(tmp, parquet);
}
