// How large the class sees text: the smallest rendered font size inside an element.
import type { Page } from '@playwright/test';

/**
 * The smallest rendered text in `selector` (the stage by default), in CSS pixels of the viewport:
 * the font size times any CSS zoom on the way up, SVG text scaled by its transform. Hidden text,
 * the teacher's controls (buttons, menus, inputs, the overview's zoom tools, the log's filter) and
 * tooltips are not what the class reads, except the controls matching `include` (the timeline's
 * flags are buttons the class reads). Infinity when `selector` holds no visible text.
 */
export async function smallestText(
  page: Page,
  selector = '.stage',
  include?: string,
): Promise<{ px: number; text: string }> {
  return page.evaluate(
    ([sel, inc]) => {
      let px = Infinity;
      let text = '';
      const root = document.querySelector(sel);
      if (!root) throw new Error(`no element matches ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim()) continue;
        if (
          el.closest(
            'button, select, input, option, title, .view-toggle, .overview-tools, .eventlog-head',
          ) &&
          !(inc && el.closest(inc))
        )
          continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility !== 'visible')
          continue;
        let size = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGElement) {
          const m = (el as unknown as SVGGraphicsElement).getScreenCTM?.();
          if (m) size *= Math.hypot(m.a, m.b);
        } else {
          // the computed font size leaves out CSS zoom (a zoomed panel renders larger than it says)
          size *= (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
        }
        if (size < px) {
          px = size;
          text = n.textContent.trim().slice(0, 40);
        }
      }
      return { px, text };
    },
    [selector, include] as const,
  );
}
