/** memscope's version, from its package.json (found by walking up: the path differs between src/ and dist/src/). */
import * as fs from 'fs';
import * as path from 'path';

function readVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'memscope' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

export const VERSION: string = readVersion();
