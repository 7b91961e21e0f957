/**
 * Desktop preload (sandboxed, bundled to one CommonJS file). It will expose the console API
 * as one named method per channel through contextBridge; nothing else reaches the page.
 */
export {};
