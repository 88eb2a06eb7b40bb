import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

interface Place {
  element: HTMLElement;
  ancestors: HTMLElement[];
  path: string;
}

function firstFocusable(root: Element): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => el.getClientRects().length > 0);
}

/** The page's own h1 when it has one, else the title react-admin shows in the app bar. */
function pageHeading(): HTMLElement | null {
  const heading =
    document.querySelector<HTMLElement>('#main-content h1') ?? document.getElementById('react-admin-title');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

/**
 * Keeps the keyboard focus on the page when the focused element disappears: a dialog's opener replaced after a
 * confirm (Pause becomes Resume), a form left after a save. The browser would drop the focus to <body>, and a
 * keyboard or screen-reader user would start again from the top. The focus goes to the first control left where
 * the element was, or, after a change of page, to the page's heading. A dialog's opener is the place remembered
 * while the dialog is open: MUI returns the focus to it on close when it still exists.
 */
export function FocusKeeper() {
  const { pathname } = useLocation();
  const path = useRef(pathname);
  // Updated in the commit, before the observer below sees that commit's DOM changes.
  useLayoutEffect(() => {
    path.current = pathname;
  }, [pathname]);

  useEffect(() => {
    let last: Place | null = null;
    let lostAt = 0;
    const onFocusIn = (e: FocusEvent) => {
      const element = e.target as HTMLElement;
      if (element === document.body || element.closest('.MuiModal-root')) return;
      const ancestors: HTMLElement[] = [];
      for (let p = element.parentElement; p && p !== document.body; p = p.parentElement) ancestors.push(p);
      last = { element, ancestors, path: path.current };
      lostAt = 0;
    };
    const check = () => {
      if (document.activeElement && document.activeElement !== document.body) return;
      if (!last || last.element.isConnected) return;
      // While a dialog or menu is open (or closing), the focus is its business.
      if (document.querySelector('.MuiModal-root:not(.MuiModal-hidden)')) return;
      const main = document.getElementById('main-content');
      const samePage = last.path === path.current;
      const anchor = samePage ? last.ancestors.find((a) => a.isConnected) : undefined;
      const near = anchor && main && anchor !== main && main.contains(anchor) ? firstFocusable(anchor) : undefined;
      const target = near ?? pageHeading();
      // A new page's title arrives with its record: wait for it (up to a second), so a screen reader reads it.
      if (target && !near && !target.textContent?.trim()) {
        if (!lostAt) {
          lostAt = Date.now();
          setTimeout(check, 1000);
        }
        if (Date.now() - lostAt < 1000) return;
      }
      last = null;
      target?.focus();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
  return null;
}
