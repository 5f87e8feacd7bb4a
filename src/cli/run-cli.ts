// Runs a command's body, turning configuration errors into one clear line.
import { ConfigError } from "../config.ts";
import { visible } from "../util/visible.ts";

export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof ConfigError) {
      // Messages may quote settings and arguments: one line each, no escape reaching the terminal.
      console.error(error.message.split("\n").map(visible).join("\n"));
      process.exitCode = 1;
    } else throw error;
  }
}
