// The library at scale: 100,000 documents of realistic length (a few hundred to several thousand
// words) in English, French, Spanish, Portuguese and Arabic, deterministic from a seed, bulk-loaded
// into a PostgreSQL database: one created for the library benchmark and dropped after it, or the
// full portfolio's (bench/generate.ts), where the documents belong to its Actions. Words follow a Zipf
// law over each language's vocabulary, so that the commonest words ("the", "de", "la", and the
// field's own: "trafficking", "migrantes") occur in most documents, as they do in a real library.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bootstrapFacility } from '../server/db/bootstrap.ts';
import { deliverableTypes } from '../server/features/deliverables/deliverables.values.ts';
import { openDatabase } from '../server/kernel/db/database.ts';
import { DiskStorage } from '../server/kernel/files/file-storage.ts';

export const SERVER_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const LIBRARY_DOCUMENTS = Number(process.env.BENCH_LIBRARY_DOCUMENTS || 100_000);
const ACTIONS = 2_000;
export const LIBRARY_SEED = Number(process.env.BENCH_SEED || 20_261_129);
const BATCH = 250;

/** Function words first (the commonest), then the field's vocabulary, roughly by frequency. */
export const VOCABULARY: Record<string, { config: string; words: string[] }> = {
  en: {
    config: 'english',
    words: `the of and to in a for is that on by with as be are or from at this which officers
      trafficking victims migrants border persons protection smuggling authorities assistance national
      case cases procedures training should must police investigation referral identification shelter
      support children labour data information cooperation law legal rights services staff return
      reception asylum application interview evidence prosecution court judges inspectors exploitation
      recruitment agencies employers workers documents passport visa residence permit registration
      database analysis report recommendations indicators risk vulnerable women men family community
      health psychological interpreter language safe confidential consent statement witness network
      regional international ministry institution partner experts mission workshop handbook guidelines
      operating standard practice practical notes checklist airport crossing post patrol coast maritime
      desert route routes smugglers traffickers organised crime money financial investigation seizure
      fraud forged identity biometric screening profiling questioning detention alternatives release
      integration employment skills diaspora remittances investment development policy strategy plan
      monitoring evaluation indicators budget coordination committee meeting minutes annex chapter`.split(
      /\s+/,
    ),
  },
  fr: {
    config: 'french',
    words: `de la le les et des à en du un une pour dans par sur est que qui au avec aux
      traite victimes migrants frontière personnes protection trafic autorités assistance nationale
      agents police enquête orientation identification accueil centre soutien enfants travail données
      coopération droit droits services personnel retour asile demande entretien preuves poursuites
      tribunal juges inspecteurs exploitation recrutement agences employeurs travailleurs documents
      passeport visa séjour titre enregistrement analyse rapport recommandations indicateurs risque
      vulnérables femmes hommes famille communauté santé psychologique interprète langue sécurité
      confidentiel consentement déclaration témoin réseau régional international ministère institution
      partenaire experts mission atelier manuel lignes directrices procédures pratiques notes poste
      aéroport passage patrouille côte désert route itinéraires passeurs trafiquants criminalité
      argent financière saisie fraude faux identité biométrique contrôle rétention libération
      intégration emploi compétences diaspora transferts investissement politique stratégie plan suivi`.split(
      /\s+/,
    ),
  },
  es: {
    config: 'spanish',
    words: `de la que el en y a los las del se por un para con una su al es lo como
      trata víctimas migrantes frontera personas protección tráfico autoridades asistencia nacional
      funcionarios policía investigación derivación identificación albergue apoyo niños niñas trabajo
      datos cooperación derecho derechos servicios personal retorno asilo solicitud entrevista pruebas
      fiscalía tribunal jueces inspectores explotación reclutamiento agencias empleadores trabajadores
      documentos pasaporte visa residencia registro análisis informe recomendaciones indicadores riesgo
      vulnerables mujeres hombres familia comunidad salud psicológica intérprete idioma seguridad
      confidencial consentimiento declaración testigo red regional internacional ministerio institución
      socio expertos misión taller manual lineamientos procedimientos prácticas notas puesto aeropuerto
      paso patrulla costa ruta rutas traficantes tratantes delincuencia organizada dinero financiera
      incautación fraude falsificación identidad biométrica control detención liberación integración
      empleo habilidades diáspora remesas inversión desarrollo política estrategia plan seguimiento`.split(
      /\s+/,
    ),
  },
  pt: {
    config: 'portuguese',
    words: `de a o que e do da em um para com não uma os no se na por mais as dos
      tráfico vítimas migrantes fronteira pessoas proteção auxílio autoridades assistência nacional
      agentes polícia investigação encaminhamento identificação abrigo apoio crianças trabalho dados
      cooperação direito direitos serviços pessoal regresso asilo pedido entrevista prova ministério
      tribunal juízes inspetores exploração recrutamento agências empregadores trabalhadores documentos
      passaporte visto residência registo análise relatório recomendações indicadores risco vulneráveis
      mulheres homens família comunidade saúde psicológico intérprete língua segurança confidencial
      consentimento declaração testemunha rede regional internacional instituição parceiro peritos
      missão seminário manual orientações procedimentos práticas notas posto aeroporto passagem
      patrulha costa rota rotas traficantes criminalidade organizada dinheiro financeira apreensão
      fraude falsificação identidade biométrica controlo detenção libertação integração emprego
      competências diáspora remessas investimento desenvolvimento política estratégia plano`.split(/\s+/),
  },
  ar: {
    config: 'arabic',
    words: `في من على إلى أن عن مع التي الذي هذا هذه و أو كما بين
      الاتجار بالبشر الضحايا المهاجرين الحدود الأشخاص الحماية تهريب السلطات المساعدة الوطنية
      الموظفين الشرطة التحقيق الإحالة تحديد الإيواء الدعم الأطفال العمل البيانات التعاون القانون
      الحقوق الخدمات العودة اللجوء طلب المقابلة الأدلة النيابة المحكمة القضاة المفتشين الاستغلال
      التوظيف الوكالات أصحاب العمال الوثائق جواز التأشيرة الإقامة التسجيل التحليل التقرير التوصيات
      المؤشرات المخاطر الفئات النساء الرجال الأسرة المجتمع الصحة النفسي المترجم اللغة السلامة السرية
      الموافقة الإفادة الشاهد الشبكة الإقليمي الدولي الوزارة المؤسسة الشريك الخبراء البعثة ورشة الدليل
      المبادئ الإجراءات العملية ملاحظات المركز المطار المعبر الدورية الساحل الصحراء الطريق المهربين
      المتاجرين الجريمة المنظمة الأموال المالي الحجز الاحتيال التزوير الهوية البيومترية الفحص الاحتجاز
      الإفراج الإدماج التشغيل المهارات الجالية التحويلات الاستثمار التنمية السياسة الاستراتيجية الخطة`.split(
      /\s+/,
    ),
  },
};
const LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar'] as const;
/** The library's languages are not equally represented; English and Spanish lead. */
const LANGUAGE_WEIGHTS = [0.34, 0.22, 0.24, 0.12, 0.08];
const TYPES = deliverableTypes;

/** A version-4 shaped UUID from the seed and a document's number, so that a seed gives the same ids. */
function documentId(seed: number, index: number): string {
  const h = createHash('md5').update(`${seed}:deliverable:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: a small, fast, seeded generator, so that every run loads the same library. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Zipf weights over a vocabulary, and a draw from them. */
function zipf(size: number, s = 1.05) {
  const weights = Array.from({ length: size }, (_, i) => 1 / (i + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  return (r: number) => {
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'su',
  'te',
  'no',
  'ba',
  'di',
  'ge',
  'ho',
  'ja',
  'ku',
  'za',
  'ri',
  'vo',
];

/** A document: its language, title and text of `words` words, in sentences and paragraphs. */
export function makeDocument(next: () => number, index: number) {
  let pick = next();
  let li = 0;
  while (li < LANGUAGE_WEIGHTS.length - 1 && pick > (LANGUAGE_WEIGHTS[li] ?? 0))
    pick -= LANGUAGE_WEIGHTS[li++] ?? 0;
  const language = LANGUAGES[li] ?? 'en';
  const { config, words } = VOCABULARY[language] as { config: string; words: string[] };
  const draw = zipf(words.length);
  // Lengths from a one-page aide-mémoire (150 words) to a long chapter (3,000), log-uniform: about
  // 950 words on average, six to seven kilobytes of text.
  const length = Math.round(150 * 20 ** next());
  const paragraphs: string[] = [];
  let sentence: string[] = [];
  let paragraph: string[] = [];
  for (let w = 0; w < length; w++) {
    // One word in forty is a name (a place, a person, an institution): the long tail of a real index.
    const word =
      next() < 0.025
        ? Array.from({ length: 2 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * 16)]).join(
            '',
          )
        : (words[draw(next())] as string);
    sentence.push(word);
    if (sentence.length > 8 + next() * 14) {
      paragraph.push(`${sentence.join(' ')}.`);
      sentence = [];
      if (paragraph.length > 3 + next() * 4) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
  }
  if (sentence.length) paragraph.push(`${sentence.join(' ')}.`);
  if (paragraph.length) paragraphs.push(paragraph.join(' '));
  const title = Array.from({ length: 4 + Math.floor(next() * 6) }, () => words[draw(next())]).join(' ');
  return { language, config, title: `${title} ${index}`, body: paragraphs.join('\n\n'), words: length };
}

/** Actions, their topics and countries, made by the database itself. */
const ACTION_STATEMENTS = [
  `insert into actions (code, name, title, summary, status, planned_start)
     select 'lib-' || g, 'Library bench ' || g, '{"en":"Bench Action"}', '{}',
            (case when g % 20 = 0 then 'design' when g % 3 = 0 then 'completed' else 'implementation' end)::action_status,
            date '2015-01-01' + (g % 3650)
       from generate_series(1, ${ACTIONS}) g`,
  `insert into action_topics (action_id, topic_code)
     select a.id, t.codes[1 + (row_number() over (order by a.id))::int % array_length(t.codes, 1)]
       from actions a, (select array_agg(code order by code) codes from topics) t where a.code like 'lib-%'`,
  `insert into action_countries (action_id, country_code)
     select a.id, c.codes[1 + (row_number() over (order by a.id))::int * 7 % array_length(c.codes, 1)]
       from actions a, (select array_agg(code order by code) codes from countries where region_code <> 'eu') c
      where a.code like 'lib-%'`,
];

export interface GeneratedLibrary {
  url: string;
  documents: number;
  published: number;
  averageWords: number;
  megabytes: number;
  loadSeconds: number;
}

export interface LibraryOptions {
  /** How many documents; the library benchmark's 100,000 by default. */
  documents?: number;
  seed?: number;
  /**
   * `own`: the library benchmark's 2,000 Actions are made first and hold the documents. `existing`:
   * the documents are shared among the Actions already in the database (the full portfolio's).
   */
  actions?: 'own' | 'existing';
}

/** Loads the library into `url`'s database: deliverables, then their text and search documents. */
export async function generateLibrary(url: string, options: LibraryOptions = {}): Promise<GeneratedLibrary> {
  const documents = options.documents ?? LIBRARY_DOCUMENTS;
  const seed = options.seed ?? LIBRARY_SEED;
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const own = (options.actions ?? 'own') === 'own';
    if (own) for (const statement of ACTION_STATEMENTS) await client.query(statement);
    const actionIds = (
      await client.query(
        own
          ? "select id from actions where code like 'lib-%' order by code"
          : 'select id from actions order by code',
      )
    ).rows.map((r: { id: string }) => r.id);
    if (!actionIds.length) throw new Error('the library needs Actions to hold its documents');
    // Bulk loading: the search index is built once at the end rather than row by row.
    await client.query('drop index if exists library_documents_search_idx');
    const next = random(seed);
    let words = 0;
    let bytes = 0;
    let published = 0;
    // Two connections load in turn: one builds search documents while the other's batch is generated.
    const loaders = [client, new pg.Client({ connectionString: url })];
    await loaders[1]?.connect();
    const pending: Promise<unknown>[] = [];
    for (let start = 0, turn = 0; start < documents; start += BATCH, turn++) {
      const rows: unknown[][] = [];
      for (let i = start; i < Math.min(documents, start + BATCH); i++) {
        const doc = makeDocument(next, i);
        words += doc.words;
        bytes += Buffer.byteLength(doc.body);
        // Nine in ten are published; of those, most for general consultation.
        const roll = next();
        const status = roll < 0.9 ? 'published' : roll < 0.95 ? 'validated' : 'draft';
        const visibility = next() < 0.8 ? 'public' : next() < 0.75 ? 'partner' : 'internal';
        // A library fills up over the years: documents arrive in order of publication (a day within
        // each one's share of the 4,000), so the newest lie together, as they do in a real one.
        const day = Math.floor(((i + next()) / documents) * 4000);
        if (status === 'published') published++;
        rows.push([
          documentId(seed, i),
          actionIds[Math.floor(next() * actionIds.length)],
          TYPES[Math.floor(next() * TYPES.length)],
          JSON.stringify({ [doc.language]: doc.title }),
          doc.language,
          status,
          visibility,
          day,
          doc.config,
          doc.body,
        ]);
      }
      const values = rows
        .map((_, r) => `(${Array.from({ length: 10 }, (_, c) => `$${r * 10 + c + 1}`).join(', ')})`)
        .join(', ');
      const loader = loaders[turn % loaders.length] as pg.Client;
      await pending[turn % loaders.length];
      pending[turn % loaders.length] = loader.query(
        `with input (id, action_id, type, title, language, status, visibility, day, config, body) as (values ${values}),
         inserted as (
           insert into deliverables (id, action_id, type, title, languages, status, visibility, published_at, validated_at,
                                     created_at, updated_at)
           select id::uuid, action_id::uuid, type::deliverable_type, title::jsonb, array[language], status::deliverable_status,
                  visibility::deliverable_visibility,
                  case when status = 'published' then timestamptz '2015-06-01' + day::int * interval '1 day' end,
                  timestamptz '2015-05-01' + day::int * interval '1 day',
                  timestamptz '2015-03-01' + day::int * interval '1 day',
                  timestamptz '2015-06-01' + day::int * interval '1 day'
             from input
           returning id, title, status, published_at, languages[1] as language)
         insert into library_documents (deliverable_id, version_number, language, text_config, body, extraction, search, published_at)
         select d.id, 1, d.language, i.config, i.body, 'extracted',
                setweight(to_tsvector(i.config::regconfig, d.title ->> d.language), 'A')
                  || setweight(to_tsvector(i.config::regconfig, i.body), 'D'),
                d.published_at
           from inserted d join input i on i.id::uuid = d.id
          where d.status = 'published'`,
        rows.flat(),
      );
    }
    await Promise.all(pending);
    await loaders[1]?.end();
    await client.query("set maintenance_work_mem = '256MB'");
    await client.query('create index library_documents_search_idx on library_documents using gin (search)');
    await client.query('analyze');
    return {
      url,
      documents,
      published,
      averageWords: Math.round(words / documents),
      megabytes: Math.round(bytes / 1_000_000),
      loadSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

/** Creates a database, migrates it, loads the library, runs `use`, and drops the database. */
export async function withLibraryDatabase<T>(use: (library: GeneratedLibrary) => Promise<T>): Promise<T> {
  const name = `tandem_bench_library_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const filesDir = mkdtempSync(path.join(tmpdir(), 'tandem-bench-library-'));
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    try {
      await database.migrate();
      await bootstrapFacility(database.db, { demo: false, storage: new DiskStorage(filesDir) });
    } finally {
      await database.close();
    }
    return await use(await generateLibrary(url.toString()));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(filesDir, { recursive: true, force: true });
  }
}
