// Public API of src/targets/ — re-exports only.
export {};
