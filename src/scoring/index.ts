// Public API of src/scoring/ — re-exports only.
export {};
