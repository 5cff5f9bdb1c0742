import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/lists.css';
import './styles/badges.css';
import './styles/letter.css';
import './styles/import.css';
import './styles/dialogs.css';
import './styles/summary.css';
import './styles/analysis.css';
import './styles/removals.css';
import './styles/print-preview.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
