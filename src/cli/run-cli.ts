// Runs a command's body, turning configuration errors into one clear line.
import { ConfigError } from "../config.ts";

export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  }
}
