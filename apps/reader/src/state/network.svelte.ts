/** Whether the browser thinks it is online, kept current from the window's online/offline events. */
export function createNetworkState(win: Window = window): { readonly online: boolean } {
  const state = $state({ online: win.navigator.onLine });
  win.addEventListener('online', () => { state.online = true; });
  win.addEventListener('offline', () => { state.online = false; });
  return state;
}
