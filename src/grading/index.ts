// Public API of src/grading/ — re-exports only.
export {};
