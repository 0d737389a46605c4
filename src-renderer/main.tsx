import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>科技服务走访台账</div>);
