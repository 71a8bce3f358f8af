import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { bootstrapFacility } from './db/bootstrap.ts';
import { disableUser } from './features/auth/account.service.ts';
import { runRetention } from './features/participants/personal-data.service.ts';
import { createUser } from './features/users/users.service.ts';
import { verifyAuditChain } from './kernel/audit/audit-chain.ts';
import { type Role, roles } from './kernel/auth/actor.ts';
import { passwordProblem } from './kernel/auth/password-policy.ts';
import { type Config, readConfig } from './kernel/config.ts';
import { backupDatabase, restoreDatabase } from './kernel/db/backup.ts';
import { type Database, openDatabase } from './kernel/db/database.ts';
import { DiskStorage } from './kernel/files/file-storage.ts';

const usage = `Usage: npm run tandem -- <command>

  migrate                         apply the database migrations
  seed                            load the taxonomies (and the demo facility in demo mode) if not yet loaded
  user create --email E --role R  create an account; asks for the password, or generates one
        [--name N] [--institution INSTITUTION_ID] [--generate-password]
        roles: ${roles.join(', ')}
  participants retention [--dry-run]
                                  pseudonymise participants past the retention rule (years after their
                                  last activity, set by an admin); --dry-run lists them and changes nothing
  user disable --email E          disable an account and end its sessions at once
  audit verify                    check the audit log's hash chain: OK, or the first broken event
  backup --out FILE               write every table to FILE (gzip'd JSON lines), PGlite or PostgreSQL
  restore --in FILE               load a backup into this database (fresh, migrated, nothing else in it)

The database is the one the server uses: DATABASE_URL, or the embedded one in TANDEM_DATA_DIR (./data).`;

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const answer = await rl.question('Password (at least 12 characters): ');
  rl.close();
  return answer;
}

/** What a command gets: the database (migrated), the configuration and its own arguments. */
interface Context {
  database: Database;
  config: Config;
  args: string[];
}
type Command = (context: Context) => Promise<number>;

/** The value of an option the command cannot do without, or undefined after saying so. */
function required(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  if (typeof value === 'string' && value !== '') return value;
  console.error(`--${name} is required\n\n${usage}`);
  return undefined;
}

const bootstrap = ({ database, config }: Context) =>
  bootstrapFacility(database.db, { demo: config.demo, storage: new DiskStorage(config.filesDir) });

const commands: Record<string, Command> = {
  async migrate({ database }) {
    console.log(`migrations applied (${database.kind})`);
    return 0;
  },

  async seed(context) {
    const loaded = await bootstrap(context);
    const demo = context.config.demo ? (loaded.demo ? 'loaded' : 'already there') : 'off';
    console.log(`taxonomies ${loaded.taxonomies ? 'loaded' : 'already there'}; demo ${demo}`);
    return 0;
  },

  async 'user create'(context) {
    const { values } = parseArgs({
      args: context.args,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        institution: { type: 'string' },
        'generate-password': { type: 'boolean' },
      },
    });
    if (!values.email || !values.role || !(roles as readonly string[]).includes(values.role)) {
      console.error(`--email and --role (${roles.join(', ')}) are required\n\n${usage}`);
      return 2;
    }
    await bootstrap(context);
    const generate = values['generate-password'] || !process.stdin.isTTY;
    const password = generate ? randomBytes(18).toString('base64url') : await askPassword();
    const problem = passwordProblem(password, { email: values.email });
    if (problem) {
      console.error(`The password ${problem}`);
      return 2;
    }
    const user = await createUser(context.database.db, null, {
      email: values.email,
      role: values.role as Role,
      name: values.name ?? values.email,
      institutionId: values.institution ?? null,
      password,
    });
    console.log(`created ${user.role} ${user.email} (${user.id})`);
    if (generate) console.log(`password: ${password}\nkeep it now: it is shown only once`);
    return 0;
  },

  async 'user disable'({ database, args }) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    const email = required(values, 'email');
    if (!email) return 2;
    const ended = await disableUser(database.db, null, { email });
    console.log(`disabled ${email}; ${ended} session(s) ended`);
    return 0;
  },

  async 'audit verify'({ database }) {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`OK: ${result.events} events, chain intact (${result.erased} pseudonymised after erasure)`);
      return 0;
    }
    console.error(
      `BROKEN at event ${result.brokenAt ?? '-'}: ${result.reason} (${result.events} events read)`,
    );
    return 1;
  },

  async backup({ database, args }) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    const file = required(values, 'out');
    if (!file) return 2;
    const summary = await backupDatabase(database.db, file);
    console.log(`backup written to ${file}: ${summary.tables} tables, ${summary.rows} rows`);
    return 0;
  },

  async restore({ database, args }) {
    const { values } = parseArgs({ args, options: { in: { type: 'string' } } });
    const file = required(values, 'in');
    if (!file) return 2;
    const summary = await restoreDatabase(database.db, file);
    console.log(`restored ${file}: ${summary.tables} tables, ${summary.rows} rows`);
    return 0;
  },

  async 'participants retention'({ database, args }) {
    const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } } });
    const report = await runRetention(database.db, { dryRun: values['dry-run'] === true, actorId: null });
    if (report.years === null) {
      console.log('no retention rule is set: nothing to do');
      return 0;
    }
    for (const person of report.people)
      console.log(`${person.id}  last activity ended ${person.lastActivityEnd}`);
    const cutoff = `(last activity before ${report.cutoff})`;
    console.log(
      report.dryRun
        ? `dry run: ${report.people.length} people would be pseudonymised ${cutoff}`
        : `${report.pseudonymised} people pseudonymised ${cutoff}`,
    );
    return 0;
  },
};

/** The command named by the first one or two words, and the arguments after it. */
function findCommand(argv: string[]): { command: Command; args: string[] } | undefined {
  const [first = '', second = ''] = argv;
  const two = commands[`${first} ${second}`];
  if (two) return { command: two, args: argv.slice(2) };
  const one = commands[first];
  return one ? { command: one, args: argv.slice(1) } : undefined;
}

async function main(argv: string[]) {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    console.log(usage);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    console.error(`unknown command: ${argv.join(' ')}\n\n${usage}`);
    return 2;
  }
  const config = readConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    await database.migrate();
    return await found.command({ database, config, args: found.args });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
