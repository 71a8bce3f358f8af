// The baseline for the API benchmarks: a bare Fastify endpoint doing one indexed SELECT on the same
// database as Tandem, with no sessions, validation, serialisation contracts or security headers.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();
app.get('/minimal', async () => {
  const { rows } = await pool.query('select id, code, name, status from actions where code = $1', [
    'peru-iii',
  ]);
  return rows[0];
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
