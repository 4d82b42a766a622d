import { useEffect, useRef } from 'react';

/**
 * H5: a dialog drawn by the app behaves as a modal — focus moves into it (to `initialFocus`), Tab
 * cannot leave it, Esc closes it, and focus returns to where it was when it closes. The
 * mini-program has no keyboard focus, so nothing happens there.
 */
export function useModal(selector: string, onClose: () => void, initialFocus = '[tabindex]'): void {
  // The latest callback, read when Esc is pressed: a new function each render must not reopen the modal.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const before = document.activeElement as HTMLElement | null;
    const box = () => document.querySelector<HTMLElement>(selector);
    const focusInside = () => {
      const target = box()?.querySelector<HTMLElement>(initialFocus);
      target?.focus();
      return Boolean(target);
    };
    // Taro draws the dialog's elements a frame or more after this render is committed: try each
    // frame until they are there (a one-off timeout found nothing, and focus stayed behind it).
    let frames = 0;
    let timer = 0;
    const tryFocus = () => {
      if (!focusInside() && ++frames < 30) timer = requestAnimationFrame(tryFocus);
    };
    timer = requestAnimationFrame(tryFocus);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close.current();
      }
    };
    const onFocus = (event: FocusEvent) => {
      const dialog = box();
      if (dialog && event.target instanceof Node && !dialog.contains(event.target)) focusInside();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      cancelAnimationFrame(timer);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
      if (before && document.contains(before)) before.focus();
    };
  }, [selector, initialFocus]);
}
