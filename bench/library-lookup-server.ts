// The library benchmark's baseline: a bare Fastify endpoint doing a plain indexed lookup (one library
// document and its deliverable by primary key) on the same database, with no sessions, validation,
// serialisation contracts or security headers.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const ids = (
  await pool.query('select deliverable_id from library_documents order by deliverable_id limit 1000')
).rows.map((r: { deliverable_id: string }) => r.deliverable_id);
let turn = 0;
const app = Fastify();
app.get('/lookup', async () => {
  const id = ids[turn++ % ids.length];
  const { rows } = await pool.query(
    `select d.id, d.title, d.type, l.language, l.published_at
       from library_documents l join deliverables d on d.id = l.deliverable_id where l.deliverable_id = $1`,
    [id],
  );
  return rows[0];
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
