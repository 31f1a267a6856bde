// A stand-in for uPlot (served from its WebJar, which node cannot import): records every chart drawn.

export class FakeUPlot {
  static drawn = [];

  static paths = { bars: (options) => ({ bars: options }) };

  constructor(options, data, element) {
    Object.assign(this, { options, data, element, updates: [] });
    FakeUPlot.drawn.push(this);
  }

  setData(data) {
    this.data = data;
    this.updates.push(data);
  }
}
