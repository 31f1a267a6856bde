import Sortable from '/webjars/sortablejs/modular/sortable.esm.js';
import { browserApi } from './api.js';
import { startPage } from './label.js';

/** The window's localStorage, or null where the browser refuses it (drafts are then not kept). */
function localStorageOrNull() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

startPage(document, browserApi(), { Sortable, storage: localStorageOrNull() });
