import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/database.ts';
import { pageLanguage } from '../../kernel/http/language.ts';
import type { Language } from '../../kernel/localized.ts';
import { participationActivity } from '../participants/participants.for-learning.ts';
import { hashToken } from './learning.service.ts';
import { type TestPhase, testLinks, testScores, trainingTests } from './learning.table.ts';

/**
 * The page a participant opens from a one-time link, without signing in: the test's questions and
 * nothing else (no name, no training, no other data). Plain HTML with one form, no script, so that
 * it works on any phone. Submitting it scores the answers and spends the link.
 */

const texts: Record<
  Language,
  {
    title: Record<TestPhase, string>;
    intro: string;
    question: string;
    submit: string;
    done: string;
    gone: string;
    missing: string;
  }
> = {
  en: {
    title: { pre: 'Test before the training', post: 'Test after the training' },
    intro: 'Choose one answer for each question, then send your answers. The link works once.',
    question: 'Question',
    submit: 'Send my answers',
    done: 'Thank you: your answers were recorded. You can close this page.',
    gone: 'This link has already been used or has expired. Ask the organisers for a new one.',
    missing: 'Answer every question before sending.',
  },
  fr: {
    title: { pre: 'Test avant la formation', post: 'Test après la formation' },
    intro:
      'Choisissez une réponse par question, puis envoyez vos réponses. Le lien ne fonctionne qu’une fois.',
    question: 'Question',
    submit: 'Envoyer mes réponses',
    done: 'Merci : vos réponses ont été enregistrées. Vous pouvez fermer cette page.',
    gone: 'Ce lien a déjà été utilisé ou a expiré. Demandez-en un nouveau aux organisateurs.',
    missing: 'Répondez à chaque question avant d’envoyer.',
  },
  es: {
    title: { pre: 'Prueba antes de la formación', post: 'Prueba después de la formación' },
    intro: 'Elija una respuesta para cada pregunta y envíe sus respuestas. El enlace funciona una sola vez.',
    question: 'Pregunta',
    submit: 'Enviar mis respuestas',
    done: 'Gracias: sus respuestas se han registrado. Puede cerrar esta página.',
    gone: 'Este enlace ya se ha utilizado o ha caducado. Pida uno nuevo a los organizadores.',
    missing: 'Responda a todas las preguntas antes de enviar.',
  },
  pt: {
    title: { pre: 'Teste antes da formação', post: 'Teste depois da formação' },
    intro:
      'Escolha uma resposta para cada pergunta e envie as suas respostas. A ligação funciona uma só vez.',
    question: 'Pergunta',
    submit: 'Enviar as minhas respostas',
    done: 'Obrigado: as suas respostas foram registadas. Pode fechar esta página.',
    gone: 'Esta ligação já foi utilizada ou expirou. Peça uma nova aos organizadores.',
    missing: 'Responda a todas as perguntas antes de enviar.',
  },
  ar: {
    title: { pre: 'اختبار قبل التدريب', post: 'اختبار بعد التدريب' },
    intro: 'اختر إجابة واحدة لكل سؤال، ثم أرسل إجاباتك. يعمل الرابط مرة واحدة فقط.',
    question: 'السؤال',
    submit: 'أرسل إجاباتي',
    done: 'شكرًا لك: تم تسجيل إجاباتك. يمكنك إغلاق هذه الصفحة.',
    gone: 'تم استخدام هذا الرابط من قبل أو انتهت صلاحيته. اطلب رابطًا جديدًا من المنظمين.',
    missing: 'أجب عن كل سؤال قبل الإرسال.',
  },
};

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto}h1{font-size:1.5rem}fieldset{border:1px solid #767676;border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}label{display:flex;gap:.5rem;align-items:flex-start;padding:.5rem 0;min-height:44px;cursor:pointer}
input[type=radio]{width:1.25rem;height:1.25rem;margin-top:.15rem;flex:none}button{font:inherit;font-weight:600;color:#fff;background:#1c4f8a;border:0;border-radius:.5rem;padding:.75rem 1.25rem;min-height:44px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #b35900;outline-offset:2px}.alert{border-inline-start:4px solid #b3261e;padding:.5rem 1rem;background:#fdecea}`;

function page(lang: Language, title: string, body: string) {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function send(reply: FastifyReply, status: number, html: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow')
    .send(html);
}

/** The link if it is still good: unused and not expired. */
async function liveLink(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  const [link] = await db
    .select()
    .from(testLinks)
    .where(
      and(
        eq(testLinks.tokenHash, hashToken(token)),
        isNull(testLinks.usedAt),
        gt(testLinks.expiresAt, sql`now()`),
      ),
    );
  return link;
}

async function questionsOf(db: Db, participationId: string) {
  const activityId = await participationActivity(db, participationId);
  if (!activityId) return undefined;
  const [test] = await db.select().from(trainingTests).where(eq(trainingTests.activityId, activityId));
  return test?.questions;
}

function form(
  lang: Language,
  phase: TestPhase,
  questions: { text: string; options: string[] }[],
  token: string,
  missing: boolean,
) {
  const t = texts[lang];
  const fields = questions
    .map(
      (q, i) =>
        `<fieldset><legend>${esc(t.question)} ${i + 1}. ${esc(q.text)}</legend>${q.options
          .map(
            (option, j) =>
              `<label><input type="radio" name="q${i}" value="${j}" required> <span>${esc(option)}</span></label>`,
          )
          .join('')}</fieldset>`,
    )
    .join('');
  const alert = missing ? `<p class="alert" role="alert">${esc(t.missing)}</p>` : '';
  return page(
    lang,
    t.title[phase],
    `<p>${esc(t.intro)}</p>${alert}<form method="post" action="/test/${esc(token)}?lang=${lang}">${fields}<button type="submit">${esc(t.submit)}</button></form>`,
  );
}

const HTML_SPECIAL: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_SPECIAL[c] ?? c);

const tokenParam = z.strictObject({ token: z.string().max(100) });

export function testPageRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.register(async (scope) => {
    // The form posts url-encoded answers; only this page reads them.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.get('/test/:token', { schema: { hide: true } }, async (request, reply) => {
      const lang = pageLanguage(request);
      const { token } = tokenParam.parse(request.params);
      const link = await liveLink(db, token);
      const questions = link ? await questionsOf(db, link.participationId) : undefined;
      if (!link || !questions) return send(reply, 410, page(lang, texts[lang].gone, ''));
      return send(reply, 200, form(lang, link.phase, questions, token, false));
    });

    scope.post('/test/:token', { schema: { hide: true } }, async (request, reply) => {
      const lang = pageLanguage(request);
      const { token } = tokenParam.parse(request.params);
      const answers = (request.body ?? {}) as Record<string, string>;
      const link = await liveLink(db, token);
      const questions = link ? await questionsOf(db, link.participationId) : undefined;
      if (!link || !questions) return send(reply, 410, page(lang, texts[lang].gone, ''));
      const chosen = questions.map((_, i) => {
        const value = answers[`q${i}`];
        return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
      });
      if (chosen.some((c, i) => c === null || c >= (questions[i]?.options.length ?? 0))) {
        return send(reply, 400, form(lang, link.phase, questions, token, true));
      }
      const score = questions.filter((q, i) => chosen[i] === q.answer).length;
      const spent = await db.transaction(async (tx) => {
        // Spending the link and recording the score happen together, once.
        const [used] = await tx
          .update(testLinks)
          .set({ usedAt: sql`now()` })
          .where(
            and(eq(testLinks.id, link.id), isNull(testLinks.usedAt), gt(testLinks.expiresAt, sql`now()`)),
          )
          .returning({ id: testLinks.id });
        if (!used) return false;
        // An answer changes the score sheet: a sheet being entered from paper meanwhile is stale.
        const activityId = await participationActivity(tx, link.participationId);
        if (activityId) {
          await tx
            .update(trainingTests)
            .set({ scoresVersion: sql`${trainingTests.scoresVersion} + 1` })
            .where(eq(trainingTests.activityId, activityId));
        }
        await tx
          .insert(testScores)
          .values({
            participationId: link.participationId,
            phase: link.phase,
            score,
            maxScore: questions.length,
            source: 'link',
          })
          .onConflictDoUpdate({
            target: [testScores.participationId, testScores.phase],
            set: {
              score,
              maxScore: questions.length,
              source: 'link',
              recordedBy: null,
              recordedAt: sql`now()`,
            },
          });
        await recordAudit(tx, {
          actorId: null,
          event: 'test_scores.answer',
          entityType: 'test_link',
          entityId: link.id,
          changes: { phase: link.phase },
        });
        return true;
      });
      if (!spent) return send(reply, 410, page(lang, texts[lang].gone, ''));
      return send(
        reply,
        200,
        page(lang, texts[lang].title[link.phase], `<p role="status">${esc(texts[lang].done)}</p>`),
      );
    });
  });
}
