// Public API of src/compensation/ — re-exports only.
export {};
