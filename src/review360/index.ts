// Public API of src/review360/ — re-exports only.
export {};
