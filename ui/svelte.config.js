import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Styles are emitted to a CSS file: the CSP forbids inline <style>.
    css: 'external',
  },
};
