/** The versioned data format shared by the engine and every way out (docs/FORMAT.md). */
export { FormatError, FORMAT_NAME, FORMAT_VERSION, MIME_TYPE } from './errors';
export { EventKind, EVENT_KIND_NAMES, OwnerKind, EVENT_COLUMNS, METRIC_COLUMNS, METRIC_LABELS, regionOf } from './events';
export type { EventColumn, MetricColumn, Region } from './events';
export type { Value, Target } from './values';
export { checkValue } from './validate-value';
export { checkEnvelope, parseDocument } from './envelope';
export { encodeColumn, decodeColumn, type EncodedColumn } from './column-codec';
