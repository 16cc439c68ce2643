/**
 * JavaScript source that teaches a fresh Node (a child process or a worker thread started
 * from a test) to require the TypeScript sources, compiling each .ts file on load with
 * TypeScript's transpileModule, as ts-jest does for the test itself. Put it first in the
 * script given to `node -e` or `new Worker(…, { eval: true })`.
 */
export function tsRequireHook(): string {
  return `
    require.extensions['.ts'] = (module, filename) => {
      const ts = require(${JSON.stringify(require.resolve('typescript'))});
      const out = ts.transpileModule(require('fs').readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(out.outputText, filename);
    };`;
}
