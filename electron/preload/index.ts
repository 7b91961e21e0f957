/**
 * Desktop preload (sandboxed, bundled to one CommonJS file that requires only 'electron').
 * Exposes the console API to the page as `window.sigap`: one named method per contract
 * channel plus event subscription, and nothing else — no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopClient } from './console-client';

contextBridge.exposeInMainWorld('sigap', createDesktopClient(ipcRenderer));
