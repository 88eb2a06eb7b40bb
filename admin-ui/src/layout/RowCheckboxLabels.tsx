import { useEffect } from 'react';

/**
 * react-admin 5.15's DatagridRow puts the row checkbox's aria-label on MUI's wrapping <span> (where ARIA forbids
 * it) and leaves the <input> itself unnamed: axe reports `label` (critical) and `aria-prohibited-attr` on every
 * row, and a screen reader announces "checkbox, not checked" with no name. Until the row takes input props, this
 * names each input after its row ("Select Abdi, Zara") and takes the label off the span. Render it inside a
 * `<List>` whose Datagrid has bulk actions.
 */
export function RowCheckboxLabels() {
  useEffect(() => {
    const root = document.getElementById('main-content') ?? document.body;
    const fix = () => {
      for (const span of root.querySelectorAll<HTMLElement>('.RaDatagrid-checkbox[aria-label]')) {
        const input = span.querySelector('input');
        if (!input) continue;
        const row = span.closest('tr');
        const name = row?.querySelector('a')?.textContent?.trim();
        input.setAttribute('aria-label', name ? `Select ${name}` : (span.getAttribute('aria-label') ?? 'Select'));
        span.removeAttribute('aria-label');
      }
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return null;
}
