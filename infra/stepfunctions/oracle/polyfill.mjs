// aws-local-stepfunctions 3.0.0 declares Node >= 22 and calls Promise.withResolvers (Node 22+).
// Load this first on older Node: node --import ./polyfill.mjs driver.mjs
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
