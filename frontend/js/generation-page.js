import { browserApi } from './api.js';
import { startPage } from './generation.js';

startPage(document, browserApi());
