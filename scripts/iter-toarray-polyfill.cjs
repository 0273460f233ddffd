// Allure 3.18's quality gate calls Iterator.prototype.toArray, which Node 20 lacks (allure3 PR #977 fixes it upstream).
// render-report.sh preloads this through NODE_OPTIONS=--require, so the report's verdict gate runs on Node 20.
const P = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof P.toArray !== "function") {
  Object.defineProperty(P, "toArray", { value() { return Array.from(this); }, writable: true, configurable: true });
}
