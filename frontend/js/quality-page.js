import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { browserApi } from './api.js';
import { startPage } from './quality.js';

startPage(document, browserApi(), { uPlot, reload: () => window.location.reload() });
