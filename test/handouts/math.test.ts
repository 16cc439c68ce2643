/** Export-time math (scripts/handouts-math.js): KaTeX on markdown text, never inside code. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { typesetPage } = require('../../scripts/handouts-math.js') as { typesetPage(html: string, problems: string[]): string };

const cell = (html: string) => `<div><!--memscope-math-->${html}<!--/memscope-math--></div>`;

describe('handouts-math', () => {
  test('inline and display math become KaTeX with the TeX kept as annotation', () => {
    const problems: string[] = [];
    const out = typesetPage(cell('<p>cost $O(n^2)$ and \\(a &lt; b\\)</p><p>$$\\sum_i i$$</p>'), problems);
    expect(problems).toEqual([]);
    expect(out).toContain('<annotation encoding="application/x-tex">O(n^2)</annotation>');
    // HTML entities are decoded before KaTeX sees the formula.
    expect(out).toContain('<annotation encoding="application/x-tex">a &lt; b</annotation>');
    expect(out).toContain('katex-display');
  });

  test('dollars in prose, code and text outside the markers stay as written', () => {
    const problems: string[] = [];
    const html = cell('<p>$5 and $10</p><pre>let x = $y$;</pre><code>$z$</code>') + '<p>$q$</p>';
    // The markers go; nothing else changes.
    expect(typesetPage(html, problems)).toBe(html.replace(/<!--\/?memscope-math-->/g, ''));
    expect(problems).toEqual([]);
  });

  test('a formula KaTeX cannot parse is left as written, marked and reported', () => {
    const problems: string[] = [];
    const out = typesetPage(cell('<p>$\\frac{1$</p>'), problems);
    expect(out).toContain('class="memscope-math-error"');
    expect(out).toContain('$\\frac{1$');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\$\\frac\{1\$: KaTeX parse error/);
  });
});
