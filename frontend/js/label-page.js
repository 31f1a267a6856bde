import Sortable from '/webjars/sortablejs/modular/sortable.esm.js';
import { browserApi } from './api.js';
import { startPage } from './label.js';

startPage(document, browserApi(), { Sortable });
