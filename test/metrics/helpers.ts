// The shared assertions, re-exported for this folder.
export { errorOf, expectDecimal, expectFault } from "../helpers.js";
