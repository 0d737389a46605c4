// Keeps the keyboard inside an open dialog or drawer: focus goes in when it opens, Tab and
// Shift+Tab cycle among its controls and never reach the page behind, and focus returns to the
// element that had it (the opener) when it closes. A dialog opened from a dialog traps in turn.
import { useEffect, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  '[tabindex]',
  '[contenteditable="true"]',
].join(',');

const FIELD = 'input:not([type="hidden"]), select, textarea';

/** The open traps, innermost last: only it holds focus. */
const stack: HTMLElement[] = [];

function isTabStop(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || (el as HTMLInputElement).disabled) return false;
  if (el.closest('[hidden], [inert], fieldset:disabled')) return false;
  // A radio group is one stop: its checked radio, or its first when none is.
  if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
    const group = [
      ...(el.form ?? el.ownerDocument).querySelectorAll<HTMLInputElement>(
        `input[type="radio"][name="${CSS.escape(el.name)}"]`,
      ),
    ];
    return (group.find((r) => r.checked) ?? group[0]) === el;
  }
  // Not shown (display: none, or inside a closed <details>); jsdom cannot tell, so counts it shown.
  return typeof el.checkVisibility !== 'function' || el.checkVisibility();
}

/** The elements Tab stops at inside `root`, in document order. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(isTabStop);
}

/** Where focus goes when a panel opens: a marked field, else its first field, else its first stop. */
function initialFocus(panel: HTMLElement): HTMLElement {
  const marked = panel.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
  if (marked) return marked;
  const stops = tabStops(panel);
  return stops.find((el) => el.matches(FIELD)) ?? stops[0] ?? panel;
}

/**
 * Traps focus in `ref`'s element while the calling component is mounted. The element itself
 * should have tabIndex -1, so it can hold focus while it has no control yet.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const opener = document.activeElement as HTMLElement | null;
    stack.push(panel);
    const innermost = () => stack[stack.length - 1] === panel;
    if (!panel.contains(document.activeElement)) initialFocus(panel).focus();

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.defaultPrevented || !innermost()) return;
      const stops = tabStops(panel);
      const active = document.activeElement;
      if (!stops.length || !active) {
        e.preventDefault();
        panel.focus();
        return;
      }
      // The browser moves on by itself while a stop lies that way inside the panel; at an end
      // (or from outside it) focus wraps round to the other end.
      const onward = panel.contains(active)
        ? e.shiftKey
          ? stops.some((el) => el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)
          : stops.some((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
        : false;
      if (onward) return;
      e.preventDefault();
      (e.shiftKey ? stops[stops.length - 1]! : stops[0]!).focus();
    };
    // Focus moved behind the panel some other way (a script, a click through): bring it back.
    // It goes back where it was in the panel, not to the start.
    let lastInside: HTMLElement | null = null;
    const onFocusIn = (e: FocusEvent) => {
      if (!innermost()) return;
      if (panel.contains(e.target as Node)) lastInside = e.target as HTMLElement;
      else (lastInside?.isConnected ? lastInside : initialFocus(panel)).focus();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      stack.splice(stack.indexOf(panel), 1);
      // The opener may be gone (the list re-rendered): then the dialog below, if any, keeps focus.
      if (opener?.isConnected) opener.focus();
      else stack[stack.length - 1]?.focus();
    };
  }, [ref]);
}
