import { useLayoutEffect } from 'react';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export interface ShortcutOptions {
  enabled?: boolean;
  /** Alt+key: works even while typing in a field. */
  alt?: boolean;
  /** With alt: Alt+Shift+key (and then Alt+key alone does not fire it, nor Alt+Shift+key an Alt+key shortcut). */
  shift?: boolean;
}

/**
 * A keyboard shortcut for the clerk: a single key (e.g. "n" for a new meeting), ignored while
 * typing in a field unless it is Escape; or Alt+key, which works anywhere. The handler may return
 * false to decline the key.
 */
export const useShortcut = (key: string, handler: (event: KeyboardEvent) => void | false, options: ShortcutOptions | boolean = {}): void => {
  const { enabled = true, alt = false, shift = false } = typeof options === 'boolean' ? { enabled: options } : options;
  // A layout effect: the key works from the moment the screen is painted, not a frame later.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey !== alt) return;
      if (alt && event.shiftKey !== shift) return;
      const pressed = alt ? event.code.replace(/^Key/, '').toLowerCase() : event.key;
      if (pressed !== key && event.key !== key) return;
      if (!alt && key !== 'Escape' && isTyping(event.target)) return;
      // A handler that returns false declines the key, leaving it to the browser.
      if (handler(event) !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, handler, enabled, alt, shift]);
};
