// Preloaded into the payscore child by the cli scenario when /usr/bin/time is missing: prints the peak RSS on exit.
process.on("exit", () => process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`));
