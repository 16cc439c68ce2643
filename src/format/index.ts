/** The versioned data format shared by the engine and every way out (docs/FORMAT.md). Imports nothing else of memscope. */
export { FormatError, FORMAT_NAME, FORMAT_VERSION, MIME_TYPE } from './errors';
export { EventKind, EVENT_KIND_NAMES, OwnerKind, WriteMode, EVENT_COLUMNS, METRIC_COLUMNS, METRIC_LABELS, regionOf } from './events';
export type { EventColumn, MetricColumn, Region } from './events';
export { editText } from './values';
export type { Value, Target, TextValue } from './values';
export { checkValue } from './validate-value';
export { isObject, Checker } from './check';
export { checkEnvelope, checkVersion, openDocument, parseDocument, DOCUMENT_KINDS, type DocumentKind } from './envelope';
export { encodeColumn, decodeColumn, encodedCapacity, type EncodedColumn } from './column-codec';
export { checkConsistency } from './consistency';
export { readTimeline, EVENT_COLUMN_TYPES, METRIC_COLUMN_TYPES, type TimelineDocument, type TimelineMeta, type TimelineColumns, type ColumnType } from './timeline';
export {
  checkSnapshot, readSnapshot,
  type Snapshot, type SnapshotStatic, type SnapshotLocal, type SnapshotFrame, type SnapshotBlock, type SnapshotOwner, type SnapshotPointer, type EventRecord,
} from './snapshot';
export { checkView, type ViewDocument, type ViewMeta, type ViewSeries, type ViewSnapshot, type BlockBar } from './view';
