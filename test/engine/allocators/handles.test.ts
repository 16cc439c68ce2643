/**
 * The handle calls (allocBlock/freeBlock/reallocBlock, what the lab's replay uses) place
 * exactly as the address calls do: the same random trace run both ways on two heaps of the
 * same policy gives the same addresses, the same failures under a limit and the same stats
 * after every step.
 */
import fc from 'fast-check';
import { createAllocator, POLICIES } from '../../../src/engine/allocators';
import { optionsArb, traceArb } from './trace';

describe.each(POLICIES.map((p) => p.name))('%s by handle', (policy) => {
  it('places, fails and counts exactly as by address', () => {
    fc.assert(
      fc.property(traceArb, optionsArb, (ops, options) => {
        const byAddress = createAllocator(policy, options);
        const byHandle = createAllocator(policy, options);
        const addresses: number[] = [];
        const handles: number[] = [];
        for (const o of ops) {
          if (o.op === 'alloc') {
            const p = byAddress.alloc(o.size, o.align);
            const h = byHandle.allocBlock(o.size, o.align);
            expect(h < 0).toBe(p === null);
            if (p !== null) {
              expect(byHandle.addressOf(h)).toBe(p);
              addresses.push(p);
              handles.push(h);
            }
          } else if (addresses.length > 0) {
            const k = o.pick % addresses.length;
            if (o.op === 'free') {
              byAddress.free(addresses[k]);
              byHandle.freeBlock(handles[k]);
              addresses.splice(k, 1);
              handles.splice(k, 1);
            } else {
              const p = byAddress.realloc(addresses[k], o.size, o.align);
              const h = byHandle.reallocBlock(handles[k], o.size, o.align);
              expect(h < 0).toBe(p === null);
              if (p !== null) {
                expect(byHandle.addressOf(h)).toBe(p);
                addresses[k] = p;
                handles[k] = h;
              }
            }
          }
          expect(byHandle.stats()).toEqual(byAddress.stats());
        }
      }),
      { numRuns: 60 },
    );
  });
});
