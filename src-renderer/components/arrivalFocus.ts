import { useCallback } from 'react';
import { takeArrivalFocus } from '../router';

/**
 * A ref for a record screen's heading: when the screen was opened from the keyboard, the
 * heading takes the focus as soon as it is drawn (after the record has loaded). Give the
 * heading tabIndex={-1}.
 */
export function useArrivalFocus<T extends HTMLElement>(): (el: T | null) => void {
  return useCallback((el: T | null) => {
    if (el && takeArrivalFocus()) el.focus();
  }, []);
}
