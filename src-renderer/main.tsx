import './zodConfig';
import { createRoot } from 'react-dom/client';
import './i18n';
// The global sheets, in cascade order; each component imports its own CSS module. A plain class
// name beside a module's (`kpi`, `grid-search`…) is a stable name tests and scripts select by.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/shell.css';
import './styles/ag-grid.css';
import './styles/print.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App />);
