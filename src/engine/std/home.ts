import { OwnerKind } from '../../format/events';
import type { Machine } from '../memory/machine';
import { NO_OWNER, type OwnerRef } from '../timeline/recorder';
import { toValue, rcContent, vecContent } from '../memory/to-value';
import type { Home, RValue } from '../memory/rvalue';
import { mapContent } from './hash-map';

/** Who owns blocks allocated for a value living at `home`. */
export function ownerOf(home: Home): OwnerRef {
  switch (home.kind) {
    case 'local':
      return { kind: OwnerKind.Local, o1: home.local.frameId, o2: home.local.slot };
    case 'block':
      return { kind: OwnerKind.Block, o1: home.block.id, o2: -1 };
    case 'temp':
      return NO_OWNER;
  }
}

/** What a heap block shows, given the value that owns it. */
export function blockContent(container: RValue): ReturnType<typeof toValue> {
  switch (container.tag) {
    case 'vec':
      return vecContent(container, container.shown);
    case 'string':
      return { k: 'text', v: container.text, len: container.len };
    case 'box':
      return toValue(container.inner);
    case 'rc':
      return rcContent(container.cell);
    case 'map':
      return mapContent(container);
    default:
      return toValue(container);
  }
}

/** Re-records a value's home after the value changed in place. */
export function touch(m: Machine, home: Home): void {
  switch (home.kind) {
    case 'local':
      m.touchLocal(home.local);
      return;
    case 'block':
      if (home.container.tag === 'vec') home.container.shown = undefined;
      m.setContent(home.block, blockContent(home.container));
      return;
    case 'temp':
      return;
  }
}
