/**
 * Desktop preload (sandboxed, bundled to one CommonJS file that requires only 'electron').
 * Exposes the console API to the page as `window.sigap`: one named method per contract
 * channel plus event subscription, and `window.sigapDesktop` with what only the desktop
 * app does (the system print dialog) — no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopClient, createDesktopExtras } from './console-client';

contextBridge.exposeInMainWorld('sigap', createDesktopClient(ipcRenderer));
contextBridge.exposeInMainWorld('sigapDesktop', createDesktopExtras(ipcRenderer));
