#!/usr/bin/env node
import { parseCliArgs, USAGE } from './cli-args.js';
import { startSandbox } from './start-sandbox.js';

// The CLI entry: parse, start, announce, and close cleanly on SIGINT/SIGTERM.
async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox(options);
  console.log(`Thryve sandbox listening on ${sandbox.url}`);
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Thryve sandbox failed to start: ${(error as Error).message}`);
  process.exitCode = 1;
});
