/// <reference lib="dom" />
/**
 * An editor with a Run button: runs the edited program in the worker and hands the new view to
 * its owner (a handout output or the playground), or shows the error rustc-style under the
 * editor with its line marked. Nothing typed leaves the page: the program goes to a worker made
 * from a Blob URL, and back.
 */
import type { ViewDocument } from '../format/view';
import { rustcMessage } from './diagnostic';
import { SourceEditor } from './editor';
import type { RustRunner } from './runner';

export interface RunSettings {
  policy?: string;
  stackLimit?: number;
  title?: string;
}

export interface RunPanelOptions {
  source: string;
  settings: () => RunSettings;
  runner: () => RustRunner;
  /** A successful run's view (resolves when drawn). */
  onView: (view: ViewDocument) => Promise<void>;
  /** Says whether what is drawn is older than the editor's program (the last Run failed). */
  onStale?: (stale: boolean) => void;
}

function node<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export class RunPanel {
  readonly element: HTMLElement;
  readonly editor: SourceEditor;
  private readonly button: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly stdout: HTMLElement;

  constructor(private readonly options: RunPanelOptions) {
    this.element = node('div', 'memscope-run');
    this.editor = new SourceEditor({ source: options.source, onRun: () => void this.run() });
    const bar = node('div', 'memscope-run-bar');
    this.button = node('button', 'memscope-run-button', 'Run');
    this.button.type = 'button';
    this.button.title = 'Run the program in this page (Ctrl+Enter)';
    this.button.addEventListener('click', () => void this.run());
    this.status = node('span', 'memscope-run-status');
    this.status.setAttribute('role', 'status');
    bar.append(this.button, this.status);
    this.problem = node('pre', 'memscope-run-error');
    this.problem.setAttribute('role', 'alert');
    this.problem.hidden = true;
    this.stdout = node('pre', 'memscope-run-stdout');
    this.stdout.hidden = true;
    this.element.append(this.editor.element, bar, this.problem, this.stdout);
    this.editor.textarea.addEventListener('focus', () => options.runner().warm(), { once: true });
  }

  /** Runs what the editor holds; resolves when the result (view or error) is on the page. */
  async run(): Promise<void> {
    const source = this.editor.value;
    this.element.dataset.state = 'running';
    this.status.textContent = 'running…';
    const reply = await this.options.runner().run(source, this.options.settings());
    if (reply.ok) {
      this.problem.hidden = true;
      this.problem.textContent = '';
      this.editor.markError(null);
      this.stdout.hidden = reply.stdout.length === 0;
      this.stdout.textContent = reply.stdout;
      try {
        await this.options.onView(reply.view);
      } catch (err) {
        this.fail(`memscope could not draw the run: ${err instanceof Error ? err.message : String(err)}`, 'error');
        return;
      }
      this.options.onStale?.(false);
      this.status.textContent = `ran in ${Math.round(reply.ms)} ms: ${reply.view.meta.steps} steps${reply.view.meta.ended ? ` (${reply.view.meta.ended})` : ''}`;
      this.element.dataset.state = 'ok';
    } else {
      this.editor.markError(reply.failure.line);
      this.stdout.hidden = true;
      this.fail(rustcMessage(reply.failure, source), reply.failure.kind);
    }
  }

  private fail(message: string, kind: string): void {
    this.options.onStale?.(true);
    this.problem.textContent = message;
    this.problem.hidden = false;
    this.status.textContent = kind === 'steps' || kind === 'timeout' || kind === 'cancelled' ? 'stopped' : 'did not run';
    this.element.dataset.state = kind;
  }
}
