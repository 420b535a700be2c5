// Public API of src/plan/ — re-exports only.
export {};
