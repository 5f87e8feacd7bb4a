// Preloaded into a measured process (node --import): writes its peak resident
// memory in bytes to the file named by PEAK_MEMORY_FILE when it exits.
import { writeFileSync } from "node:fs";

const file = process.env.PEAK_MEMORY_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
