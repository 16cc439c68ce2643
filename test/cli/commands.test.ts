import { commands } from '../../src/cli/commands/index';

describe('the command list', () => {
  it("gives each command's own name and summary without loading it first", () => {
    for (const c of commands) {
      const file = `../../src/cli/commands/${c.name}`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file) as Record<string, { name: string; summary: string; usage: string }>;
      const own = Object.values(mod).find((v) => v && typeof v === 'object' && 'summary' in v && v.name === c.name)!;
      expect(own).toBeDefined();
      expect(c.summary).toBe(own.summary);
      expect(c.usage).toBe(own.usage);
    }
  });
});
