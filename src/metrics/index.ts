// Public API of src/metrics/ — re-exports only.
export {};
