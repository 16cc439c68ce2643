/// <reference lib="dom" />
/**
 * A small source editor for Rust examples: a textarea with a line-number gutter, Tab indenting by
 * four spaces, Ctrl/Cmd+Enter to run, and the line of an error marked in the gutter. No library:
 * the page must work offline from one runtime file, and a textarea is what every browser, screen
 * reader and mobile keyboard already handles well.
 */
export interface EditorOptions {
  source: string;
  /** Called on Ctrl/Cmd+Enter. */
  onRun?: () => void;
  label?: string;
}

export class SourceEditor {
  readonly element: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private errorLine: number | null = null;

  constructor(options: EditorOptions) {
    this.element = document.createElement('div');
    this.element.className = 'memscope-editor';
    this.gutter = document.createElement('pre');
    this.gutter.className = 'memscope-editor-gutter';
    this.gutter.setAttribute('aria-hidden', 'true');
    this.textarea = document.createElement('textarea');
    this.textarea.className = 'memscope-editor-text';
    this.textarea.spellcheck = false;
    this.textarea.wrap = 'off';
    this.textarea.setAttribute('autocapitalize', 'off');
    this.textarea.setAttribute('autocomplete', 'off');
    this.textarea.setAttribute('aria-label', options.label ?? 'Rust source');
    this.textarea.value = options.source;
    this.element.append(this.gutter, this.textarea);

    this.textarea.addEventListener('input', () => {
      this.errorLine = null;
      this.refresh();
    });
    this.textarea.addEventListener('scroll', () => {
      this.gutter.scrollTop = this.textarea.scrollTop;
    });
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        options.onRun?.();
      } else if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
        // Indent; Escape then Tab still leaves the editor (keyboard users are not trapped).
        if (this.escaped) return;
        event.preventDefault();
        this.textarea.setRangeText('    ', this.textarea.selectionStart, this.textarea.selectionEnd, 'end');
        this.refresh();
      }
      this.escaped = event.key === 'Escape';
    });
    this.refresh();
  }

  private escaped = false;

  get value(): string {
    return this.textarea.value;
  }

  set value(text: string) {
    this.textarea.value = text;
    this.errorLine = null;
    this.refresh();
  }

  /** Marks a line (1-based) as the error's, or clears the mark. */
  markError(line: number | null): void {
    this.errorLine = line;
    this.refresh();
  }

  private refresh(): void {
    const count = this.textarea.value.split('\n').length;
    this.textarea.rows = Math.min(Math.max(count, 4), 30);
    const numbers: Node[] = [];
    for (let i = 1; i <= count; i++) {
      const span = document.createElement('span');
      span.textContent = `${String(i).padStart(3)}\n`;
      if (i === this.errorLine) span.className = 'memscope-editor-error-line';
      numbers.push(span);
    }
    this.gutter.replaceChildren(...numbers);
    this.gutter.scrollTop = this.textarea.scrollTop;
  }
}
