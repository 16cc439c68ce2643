/** A Timeline to and from its JSON document (the format's `timeline` kind, docs/FORMAT.md). */
import { encodeColumn, type EncodedColumn } from '../../format/column-codec';
import { FORMAT_NAME, FORMAT_VERSION } from '../../format/errors';
import { EVENT_COLUMNS, METRIC_COLUMNS, type EventColumn, type MetricColumn } from '../../format/events';
import { readTimeline, type TimelineDocument } from '../../format/timeline';
import { eventStoreOf, formatColumn } from './event-store';
import { metricColumn, metricStepsOf } from './metrics';
import { valueTableOf } from './value-table';
import { Timeline } from './timeline';

export type { TimelineDocument } from '../../format/timeline';

export function encodeTimeline(timeline: Timeline): TimelineDocument {
  const events = {} as Record<EventColumn, EncodedColumn>;
  for (const name of EVENT_COLUMNS) events[name] = encodeColumn(formatColumn(timeline.store, name), timeline.length);
  const metrics = {} as Record<MetricColumn, EncodedColumn>;
  for (const name of METRIC_COLUMNS) metrics[name] = encodeColumn(metricColumn(timeline.metricSteps, name, timeline.length), timeline.length);
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    kind: 'timeline',
    meta: { ...timeline.meta },
    strings: [...timeline.strings],
    // Built for the document only: a long run's values stay integers in the timeline.
    values: Array.from({ length: timeline.valueTable.count }, (_, i) => timeline.value(i)!),
    events: { count: timeline.length, columns: events },
    metrics: { columns: metrics },
  };
}

/**
 * Reads and validates a timeline document (an object, or JSON text) into a Timeline. The format
 * checks every index and count (src/format/timeline.ts); errors name the JSON path.
 */
export function decodeTimeline(input: unknown, source = 'payload'): Timeline {
  const doc = readTimeline(input, source);
  return new Timeline(doc.meta, eventStoreOf(doc.events, doc.count), metricStepsOf(doc.metrics, doc.count), doc.strings, valueTableOf(doc.values));
}
