// Public API of src/period/ — re-exports only.
export {};
