import type { SandboxOptions } from './start-sandbox.js';

/** The usage text `--help` prints. */
export const USAGE = `Usage: thryve-sandbox [--port N] [--host H] [--session-ttl-ms N] [--latency-ms N] [--webhook-url URL]

  --port N             port to listen on (default 4010; 0 picks a free one)
  --host H             interface to listen on (default 127.0.0.1)
  --session-ttl-ms N   widget session lifetime in ms (default 900000)
  --latency-ms N       delay added to every REST call (default 0)
  --webhook-url URL    POST connect/disconnect webhooks here
  --allow-redirect U   add an origin to the redirect_uri allow-list (repeatable)`;

const integer = (flag: string, value: string | undefined): number => {
  if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${flag} needs a whole number.`);
  return Number(value);
};

/** Parses the CLI's arguments into sandbox options; throws with a readable message on bad input. */
export function parseCliArgs(argv: readonly string[]): SandboxOptions | 'help' {
  const options: SandboxOptions = { port: 4010 };
  const allowList: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port':
        options.port = integer(flag, value());
        break;
      case '--host': {
        const host = value();
        if (!host) throw new Error('--host needs a value.');
        options.host = host;
        break;
      }
      case '--session-ttl-ms':
        options.sessionTtlMs = integer(flag, value());
        break;
      case '--latency-ms':
        options.latencyMs = integer(flag, value());
        break;
      case '--webhook-url': {
        const url = value();
        if (!url) throw new Error('--webhook-url needs a value.');
        options.webhookUrl = url;
        break;
      }
      case '--allow-redirect': {
        const origin = value();
        if (!origin) throw new Error('--allow-redirect needs a value.');
        allowList.push(origin);
        break;
      }
      default:
        throw new Error(`Unknown argument: ${arg}`);
    }
  }
  if (allowList.length > 0)
    options.redirectAllowList = ['http://localhost', 'http://127.0.0.1', ...allowList];
  return options;
}
