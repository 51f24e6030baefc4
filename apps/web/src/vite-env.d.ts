/// <reference types="vite/client" />

// The repository type-checks with `moduleResolution: node`, which cannot see the export maps of the
// ESM-only Vite plugin; this gives its default export its real shape.
declare module '@vitejs/plugin-react' {
  type PluginOption = import('vite', { with: { 'resolution-mode': 'import' } }).PluginOption;
  export default function react(options?: Record<string, unknown>): PluginOption[];
}
