import { mount } from 'svelte';
import './app.css';
import { markPlatform } from './lib/platform';
import { keepsContextMenu } from './lib/contextMenu';
import App from './App.svelte';

markPlatform(document.documentElement, navigator.userAgent);
document.addEventListener('contextmenu', (e) => {
  if (!keepsContextMenu(e.target as HTMLElement | null)) e.preventDefault();
});

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

export default mount(App, { target });
