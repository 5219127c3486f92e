import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readLang } from './store/lang';
import { App } from './ui/App';
import { browserStorage } from './ui/storage';
import './ui/app.css';

// Speak the remembered language from the first paint (the sandbox keeps <html lang> in step).
document.documentElement.lang = readLang(browserStorage());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
