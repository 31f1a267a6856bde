import { startPage } from './generation.js';

startPage(document, window.fetch.bind(window));
