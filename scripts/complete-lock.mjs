// Completes package-lock.json with the platform packages that the registry this project is built
// against does not serve (rollup's native binaries for other platforms). npm 11's `npm ci` insists
// that every optional dependency named by a locked package has an entry; an entry marked with its
// foreign os/cpu is skipped on install, so nothing is fetched. Run after any `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;
const osOf = { android: "android", darwin: "darwin", freebsd: "freebsd", linux: "linux", openbsd: "openbsd", openharmony: "openharmony", win32: "win32" };
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `node_modules/${name}`;
    if (packages[where] || packages[`${path}/${where}`]) continue;
    const match = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(name);
    if (!match) continue;
    const [, os, cpu, abi] = match;
    const added_entry = { version, dev: Boolean(entry.dev), optional: true, os: [osOf[os] ?? os], cpu: [cpu === "arm" ? "arm" : cpu] };
    if (abi === "musl" || abi === "musleabihf") added_entry.libc = ["musl"];
    if (abi === "gnu" || abi === "gnueabihf") added_entry.libc = ["glibc"];
    packages[where] = added_entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} platform entries`);
