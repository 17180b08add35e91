/** Runs axe-core in the page and returns its violations in a form that reads well in a diff. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol, not added as an inline <script>: the app's
  // Content-Security-Policy refuses inline scripts, and must not be loosened for a test.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(`${axe.source};true`);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as axe.AxeResults;
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
