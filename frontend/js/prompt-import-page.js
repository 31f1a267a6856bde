import { browserApi } from './api.js';
import { startPage } from './prompt-import.js';

startPage(document, browserApi());
