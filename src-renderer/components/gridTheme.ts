// AG Grid's look in the app's design tokens.
import { themeQuartz } from 'ag-grid-community';
import { cssVar } from '../styles/tokens';

/** AG Grid's Quartz theme in the app's tokens: the params become CSS, so `var(--vl-…)` resolves there. */
export const gridTheme = themeQuartz.withParams({
  accentColor: cssVar('color-primary'),
  fontFamily: 'inherit',
  fontSize: cssVar('font-size-sm'),
  headerFontSize: cssVar('font-size-sm'),
  headerBackgroundColor: cssVar('color-surface-muted'),
  headerFontWeight: 600,
  borderColor: cssVar('color-border'),
  rowHoverColor: cssVar('color-primary-faint'),
  selectedRowBackgroundColor: cssVar('color-selected'),
  oddRowBackgroundColor: cssVar('color-surface-soft'),
  spacing: cssVar('space-3'),
  wrapperBorderRadius: cssVar('radius-sm'),
  browserColorScheme: 'light',
});
