#!/usr/bin/env node
// The public .d.ts in dist/ must type-check under tslab's bundled TypeScript (5.0), which
// type-checks notebook cells against them; our build uses TypeScript 5.9, whose output may use
// newer syntax or lib types. Checks every package entry (package.json "exports") and what it
// reaches, with the options tslab compiles cells with, minus skipLibCheck. Run after a build.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('@tslab/typescript-for-tslab');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const entries = Object.values(pkg.exports)
  .map((e) => (typeof e === 'object' && e.types ? path.join(root, e.types) : null))
  .filter(Boolean);
const missing = entries.filter((f) => !fs.existsSync(f));
if (missing.length) {
  console.error(`check-dts: not built: ${missing.map((f) => path.relative(root, f)).join(', ')} (run npm run build)`);
  process.exit(1);
}
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  esModuleInterop: true,
  resolveJsonModule: true,
  noEmit: true,
  types: ['node'],
});
const ours = program.getSourceFiles().filter((f) => path.resolve(f.fileName).startsWith(dist + path.sep));
const problems = ours
  .flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])
  .map((d) => `${path.relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` +
    ts.flattenDiagnosticMessageText(d.messageText, ' '));
for (const p of problems) console.error(p);
console.error(`check-dts: ${ours.length} declaration files under TypeScript ${ts.version}: ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
