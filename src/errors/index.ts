export { PayscoreError, PAYSCORE_ERROR_CODES } from "./PayscoreError.js";
export type { PayscoreErrorCode, ErrorPath, PayscoreIssue, PayscoreErrorOptions } from "./PayscoreError.js";
export { fromZodError } from "./fromZodError.js";
export { formatPath } from "./formatPath.js";
export { describeValue } from "./describeValue.js";
export { parseWith } from "./parseWith.js";
export { pathTo, fault, readRecord, readOptions, readList, readName, hasOwn } from "./readShape.js";
