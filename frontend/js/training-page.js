import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { browserApi } from './api.js';
import { startPage } from './training.js';

startPage(document, browserApi(), { uPlot });
