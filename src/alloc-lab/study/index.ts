/** Studies: grids of replays (traces × policies × settings) run in cells, shardable, stored as JSON lines and Parquet. */
export { readStudy, parseStudy, StudyError, type Study } from './spec';
export { cells, cellId, parseShard, inShard, type Cell, type Shard } from './cells';
export { runStudy, collectStudy, type RunStudyOptions, type StudyOutcome, type StudyProgress } from './run';
export { StudyStore, readRows, studyRow, ROW_COLUMNS, MEASURED_COLUMNS, type StudyRow } from './store';
export { query, writeParquet, sqlString } from './duckdb';
