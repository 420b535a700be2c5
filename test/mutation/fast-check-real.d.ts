// The real fast-check under the name vitest.stryker.config.ts gives it (see fastCheckCapped.ts).
declare module "fast-check-real" {
  import fc from "fast-check";
  export default fc;
}
