import { contextBridge, ipcRenderer } from 'electron';
import type { VaxlaBridge } from './api';

/**
 * The renderer's only door to the main process: a small, namespaced object. ipcRenderer itself is never exposed;
 * the channel names are fixed here.
 */
const api: VaxlaBridge = {
  transport: 'ipc',
  call: (procedure, input, token) => ipcRenderer.invoke('vaxla:rpc', procedure, input, token),
  openExternal: (url) => ipcRenderer.invoke('vaxla:open-external', url),
};

contextBridge.exposeInMainWorld('api', api);
