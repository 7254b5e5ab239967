import { mount } from 'svelte';
import './app.css';
import { markPlatform } from './lib/platform';
import App from './App.svelte';

markPlatform(document.documentElement, navigator.userAgent);

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

export default mount(App, { target });
