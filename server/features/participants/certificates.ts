import { existsSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { isLanguage, type Language, pickText } from '../../kernel/localized.ts';
import { loadVisibleActivity } from '../activities/activity-access.ts';
import { participantsCatalog } from './participants.catalog.ts';
import { daysOf, hoursPerDayOf } from './participants.queries.ts';
import { requireRegistrar, seesNameOf } from './participants.scope.ts';
import { loadParticipation } from './participants.service.ts';
import { attendance, type ParticipationRole, participations, people } from './participants.table.ts';

/**
 * Certificates of attendance. PDF's standard fonts (Helvetica) only cover Latin-1, so names such as
 * "Nguyễn Thị Hồng", "Łukasz" or "ليلى حداد" and the Arabic certificate need an embedded font. The
 * first TrueType font found among TANDEM_PDF_FONT and the usual places of DejaVu Sans (Debian's
 * fonts-dejavu-core) is embedded; it covers Latin, Greek, Cyrillic and Arabic, which pdfkit shapes
 * and sets right to left. Without one, Helvetica is used and letters outside Latin-1 lose their
 * accents or become "?".
 */
const FONT_CANDIDATES = [
  process.env.TANDEM_PDF_FONT,
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/Library/Fonts/DejaVuSans.ttf',
].filter((p): p is string => Boolean(p));
const FONT_BOLD_CANDIDATES = FONT_CANDIDATES.map((p) => p.replace(/DejaVuSans\.ttf$/, 'DejaVuSans-Bold.ttf'));

const embeddedFont = FONT_CANDIDATES.find((p) => existsSync(p)) ?? null;
const embeddedBold = FONT_BOLD_CANDIDATES.find((p) => existsSync(p)) ?? embeddedFont;

/** Whether certificates can print letters beyond Latin-1 on this server. */
export const certificateFont = { embedded: embeddedFont !== null, path: embeddedFont };

const latin1 = (text: string) =>
  embeddedFont
    ? text
    : text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\x20-\xff]/g, '?');

export interface CertificateData {
  fullName: string;
  role: ParticipationRole;
  activityTitle: string;
  actionName: string;
  city: string | null;
  startDate: string;
  endDate: string;
  daysPresent: number;
  totalDays: number;
  hours: number;
  lang: Language;
}

/** The activity's working language where the catalog has it, else English. */
export function certificateLanguage(workingLanguages: string[]): Language {
  return workingLanguages.find((l): l is Language => isLanguage(l)) ?? 'en';
}

function formatDate(date: string, lang: Language) {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

function drawCertificate(doc: PDFKit.PDFDocument, c: CertificateData) {
  const t = participantsCatalog[c.lang];
  const rtl = c.lang === 'ar';
  const align = 'center' as const;
  const options = { align, ...(rtl ? { features: ['rtla'] as PDFKit.Mixins.OpenTypeFeatures[] } : {}) };
  const regular = embeddedFont ? 'body' : 'Helvetica';
  const bold = embeddedFont ? 'bold' : 'Helvetica-Bold';
  const roleLabel = participantsCatalog[c.lang].values.role[c.role].toLowerCase();
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#1f4e79');
  doc.moveDown(4);
  doc.font(bold).fontSize(28).fillColor('#1f4e79').text(latin1(t.certificate.title), options);
  doc.moveDown(1.5);
  doc.font(regular).fontSize(14).fillColor('#000000').text(latin1(t.certificate.certifies), options);
  doc.moveDown(0.6);
  doc.font(bold).fontSize(24).text(latin1(c.fullName), options);
  doc.moveDown(0.6);
  doc
    .font(regular)
    .fontSize(14)
    .text(latin1(t.certificate.attended(roleLabel)), options);
  doc.moveDown(0.6);
  doc.font(bold).fontSize(18).text(latin1(c.activityTitle), options);
  doc.moveDown(0.4);
  doc
    .font(regular)
    .fontSize(13)
    .text(latin1(t.certificate.action(c.actionName)), options);
  const when = t.certificate.dates(formatDate(c.startDate, c.lang), formatDate(c.endDate, c.lang));
  doc.text(latin1(c.city ? `${t.certificate.heldIn(c.city)}, ${when}` : when), options);
  doc.moveDown(1.2);
  doc.text(latin1(t.certificate.days(c.daysPresent, c.totalDays)), options);
  doc.text(latin1(t.certificate.hours(String(c.hours))), options);
  doc.moveDown(3);
  doc
    .fontSize(11)
    .fillColor('#333333')
    .text(latin1(t.certificate.issued(formatDate(new Date().toISOString().slice(0, 10), c.lang))), options);
  doc.text(latin1(t.certificate.facility), options);
}

/** One PDF with a page per certificate. */
export async function certificatesPdf(certificates: CertificateData[]): Promise<Buffer> {
  // pdfkit and its font metrics are loaded by the first PDF, not by every server start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    autoFirstPage: false,
    info: { Title: 'Certificates of attendance' },
  });
  if (embeddedFont) doc.registerFont('body', embeddedFont);
  if (embeddedBold) doc.registerFont('bold', embeddedBold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const certificate of certificates) {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 56 });
    drawCertificate(doc, certificate);
  }
  doc.end();
  return done;
}

async function certificateOf(
  db: Db,
  activity: Awaited<ReturnType<typeof loadVisibleActivity>>,
  participation: { id: string; role: ParticipationRole },
  fullName: string,
): Promise<CertificateData | null> {
  const a = activity.activity;
  const days = daysOf(a.startDate, a.endDate);
  const marks = await db
    .select({ day: attendance.day })
    .from(attendance)
    .where(and(eq(attendance.participationId, participation.id), eq(attendance.present, true)));
  const daysPresent = marks.filter((m) => days.includes(m.day)).length;
  if (daysPresent === 0) return null;
  const { hoursPerDay } = await hoursPerDayOf(db, a.id);
  const lang = certificateLanguage(a.workingLanguages);
  return {
    fullName,
    role: participation.role,
    activityTitle: pickText(a.title, lang),
    actionName: activity.actionName,
    city: a.city,
    startDate: a.startDate,
    endDate: a.endDate,
    daysPresent,
    totalDays: days.length,
    hours: Math.round(daysPresent * hoursPerDay * 10) / 10,
    lang,
  };
}

/** The certificate of one participation, for staff and the partner of the person's institution. */
export async function participationCertificate(db: Db, actor: Actor | null, id: string) {
  const signedIn = requireRegistrar(requireActor(actor));
  const { participation, person, activity } = await loadParticipation(db, signedIn, id);
  const data = await certificateOf(db, activity, participation, person.fullName);
  if (!data) {
    throw new AppError('NO_ATTENDANCE_RECORDED', 'No day of presence is recorded for this participant yet');
  }
  const pdf = await certificatesPdf([data]);
  await recordAudit(db, {
    actorId: signedIn.id,
    event: 'certificate.issue',
    entityType: 'participation',
    entityId: id,
    changes: { count: 1 },
  });
  return { pdf, fileName: `certificate-${slug(person.fullName)}.pdf` };
}

/** Every certificate of an activity that the caller may see by name, one page each. */
export async function activityCertificates(db: Db, actor: Actor | null, activityId: string) {
  const activity = await loadVisibleActivity(db, actor, activityId);
  const signedIn = requireRegistrar(requireActor(actor));
  const rows = await db
    .select({
      id: participations.id,
      role: participations.role,
      fullName: people.fullName,
      institutionId: people.institutionId,
    })
    .from(participations)
    .innerJoin(people, eq(people.id, participations.personId))
    .where(eq(participations.activityId, activityId))
    .orderBy(asc(people.fullName));
  const certificates: CertificateData[] = [];
  for (const row of rows.filter((r) => seesNameOf(signedIn, r))) {
    const data = await certificateOf(db, activity, row, row.fullName);
    if (data) certificates.push(data);
  }
  if (certificates.length === 0) {
    throw new AppError('NO_ATTENDANCE_RECORDED', 'No participant has a day of presence recorded yet');
  }
  const pdf = await certificatesPdf(certificates);
  await recordAudit(db, {
    actorId: signedIn.id,
    event: 'certificate.issue',
    entityType: 'activity',
    entityId: activityId,
    changes: { count: certificates.length },
  });
  return { pdf, fileName: 'certificates-of-attendance.pdf' };
}

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'participant';
