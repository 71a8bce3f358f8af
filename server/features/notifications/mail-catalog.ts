import type { Language } from '../../kernel/localized.ts';

/** What a notification tells about; the web app's catalog words the same kinds for the in-app list. */
export const notificationKinds = [
  'request.submitted',
  'request.screening',
  'request.clarification',
  'request.resubmitted',
  'request.steering_review',
  'request.approved',
  'request.declined',
  'request.withdrawn',
  'request.action_created',
  'request.message',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

type Texts = {
  subjects: Record<NotificationKind, string>;
  lines: Record<NotificationKind, string>;
  greeting: string;
  reason: string;
  open: string;
  footer: string;
};

// Placeholders: {number} {title} {actor} {action}; {reason} in the reason line, {link} in the open line.
const catalog: Record<Language, Texts> = {
  en: {
    subjects: {
      'request.submitted': 'Request {number} submitted: {title}',
      'request.screening': 'Request {number} is being screened',
      'request.clarification': 'Request {number}: a question from the facility',
      'request.resubmitted': 'Request {number} was answered and resubmitted',
      'request.steering_review': 'Request {number} is with the steering committee',
      'request.approved': 'Request {number} approved',
      'request.declined': 'Request {number} declined',
      'request.withdrawn': 'Request {number} withdrawn',
      'request.action_created': 'Request {number} became the Action {action}',
      'request.message': 'Request {number}: new message',
    },
    lines: {
      'request.submitted': '{actor} submitted the request "{title}".',
      'request.screening': 'The facility has started to screen the request "{title}".',
      'request.clarification': 'The facility asks a question about the request "{title}" before it goes on.',
      'request.resubmitted': '{actor} answered the question and resubmitted the request "{title}".',
      'request.steering_review':
        'The request "{title}" was screened and sent to the steering committee for its decision.',
      'request.approved': 'The steering committee approved the request "{title}".',
      'request.declined': 'The steering committee declined the request "{title}".',
      'request.withdrawn': '{actor} withdrew the request "{title}".',
      'request.action_created': 'The approved request "{title}" is now the Action {action}, in design.',
      'request.message': '{actor} wrote about the request "{title}".',
    },
    greeting: 'Hello,',
    reason: 'Reason: {reason}',
    open: 'Open the request: {link}',
    footer: 'You receive this mail because the request concerns you in Tandem.',
  },
  fr: {
    subjects: {
      'request.submitted': 'Demande {number} soumise : {title}',
      'request.screening': 'La demande {number} est en cours d’examen',
      'request.clarification': 'Demande {number} : une question du mécanisme',
      'request.resubmitted': 'La demande {number} a reçu une réponse et a été soumise à nouveau',
      'request.steering_review': 'La demande {number} est soumise au comité de pilotage',
      'request.approved': 'Demande {number} approuvée',
      'request.declined': 'Demande {number} refusée',
      'request.withdrawn': 'Demande {number} retirée',
      'request.action_created': 'La demande {number} est devenue l’Action {action}',
      'request.message': 'Demande {number} : nouveau message',
    },
    lines: {
      'request.submitted': '{actor} a soumis la demande « {title} ».',
      'request.screening': 'Le mécanisme a commencé l’examen de la demande « {title} ».',
      'request.clarification':
        'Le mécanisme pose une question sur la demande « {title} » avant de poursuivre.',
      'request.resubmitted': '{actor} a répondu à la question et soumis à nouveau la demande « {title} ».',
      'request.steering_review':
        'La demande « {title} » a été examinée et transmise au comité de pilotage pour décision.',
      'request.approved': 'Le comité de pilotage a approuvé la demande « {title} ».',
      'request.declined': 'Le comité de pilotage a refusé la demande « {title} ».',
      'request.withdrawn': '{actor} a retiré la demande « {title} ».',
      'request.action_created':
        'La demande approuvée « {title} » est désormais l’Action {action}, en conception.',
      'request.message': '{actor} a écrit au sujet de la demande « {title} ».',
    },
    greeting: 'Bonjour,',
    reason: 'Motif : {reason}',
    open: 'Ouvrir la demande : {link}',
    footer: 'Vous recevez ce message parce que cette demande vous concerne dans Tandem.',
  },
  es: {
    subjects: {
      'request.submitted': 'Solicitud {number} presentada: {title}',
      'request.screening': 'La solicitud {number} está en evaluación',
      'request.clarification': 'Solicitud {number}: una pregunta del mecanismo',
      'request.resubmitted': 'La solicitud {number} fue respondida y presentada de nuevo',
      'request.steering_review': 'La solicitud {number} está ante el comité directivo',
      'request.approved': 'Solicitud {number} aprobada',
      'request.declined': 'Solicitud {number} denegada',
      'request.withdrawn': 'Solicitud {number} retirada',
      'request.action_created': 'La solicitud {number} se convirtió en la Acción {action}',
      'request.message': 'Solicitud {number}: nuevo mensaje',
    },
    lines: {
      'request.submitted': '{actor} presentó la solicitud «{title}».',
      'request.screening': 'El mecanismo ha comenzado a evaluar la solicitud «{title}».',
      'request.clarification':
        'El mecanismo hace una pregunta sobre la solicitud «{title}» antes de continuar.',
      'request.resubmitted': '{actor} respondió a la pregunta y presentó de nuevo la solicitud «{title}».',
      'request.steering_review':
        'La solicitud «{title}» fue evaluada y enviada al comité directivo para su decisión.',
      'request.approved': 'El comité directivo aprobó la solicitud «{title}».',
      'request.declined': 'El comité directivo denegó la solicitud «{title}».',
      'request.withdrawn': '{actor} retiró la solicitud «{title}».',
      'request.action_created': 'La solicitud aprobada «{title}» es ahora la Acción {action}, en diseño.',
      'request.message': '{actor} escribió sobre la solicitud «{title}».',
    },
    greeting: 'Hola:',
    reason: 'Motivo: {reason}',
    open: 'Abrir la solicitud: {link}',
    footer: 'Recibe este correo porque la solicitud le concierne en Tandem.',
  },
  pt: {
    subjects: {
      'request.submitted': 'Pedido {number} apresentado: {title}',
      'request.screening': 'O pedido {number} está em análise',
      'request.clarification': 'Pedido {number}: uma pergunta do mecanismo',
      'request.resubmitted': 'O pedido {number} foi respondido e apresentado de novo',
      'request.steering_review': 'O pedido {number} está perante o comité de direção',
      'request.approved': 'Pedido {number} aprovado',
      'request.declined': 'Pedido {number} recusado',
      'request.withdrawn': 'Pedido {number} retirado',
      'request.action_created': 'O pedido {number} tornou-se a Ação {action}',
      'request.message': 'Pedido {number}: nova mensagem',
    },
    lines: {
      'request.submitted': '{actor} apresentou o pedido «{title}».',
      'request.screening': 'O mecanismo começou a analisar o pedido «{title}».',
      'request.clarification': 'O mecanismo faz uma pergunta sobre o pedido «{title}» antes de prosseguir.',
      'request.resubmitted': '{actor} respondeu à pergunta e apresentou de novo o pedido «{title}».',
      'request.steering_review':
        'O pedido «{title}» foi analisado e enviado ao comité de direção para decisão.',
      'request.approved': 'O comité de direção aprovou o pedido «{title}».',
      'request.declined': 'O comité de direção recusou o pedido «{title}».',
      'request.withdrawn': '{actor} retirou o pedido «{title}».',
      'request.action_created': 'O pedido aprovado «{title}» é agora a Ação {action}, em conceção.',
      'request.message': '{actor} escreveu sobre o pedido «{title}».',
    },
    greeting: 'Olá,',
    reason: 'Motivo: {reason}',
    open: 'Abrir o pedido: {link}',
    footer: 'Recebe este correio porque o pedido lhe diz respeito no Tandem.',
  },
  ar: {
    subjects: {
      'request.submitted': 'تم تقديم الطلب {number}: {title}',
      'request.screening': 'الطلب {number} قيد الفحص',
      'request.clarification': 'الطلب {number}: سؤال من المرفق',
      'request.resubmitted': 'تمت الإجابة على الطلب {number} وإعادة تقديمه',
      'request.steering_review': 'الطلب {number} معروض على اللجنة التوجيهية',
      'request.approved': 'تمت الموافقة على الطلب {number}',
      'request.declined': 'تم رفض الطلب {number}',
      'request.withdrawn': 'تم سحب الطلب {number}',
      'request.action_created': 'أصبح الطلب {number} الإجراء {action}',
      'request.message': 'الطلب {number}: رسالة جديدة',
    },
    lines: {
      'request.submitted': 'قدّم {actor} الطلب «{title}».',
      'request.screening': 'بدأ المرفق فحص الطلب «{title}».',
      'request.clarification': 'يطرح المرفق سؤالاً بشأن الطلب «{title}» قبل المتابعة.',
      'request.resubmitted': 'أجاب {actor} على السؤال وأعاد تقديم الطلب «{title}».',
      'request.steering_review': 'تم فحص الطلب «{title}» وإحالته إلى اللجنة التوجيهية لاتخاذ قرار.',
      'request.approved': 'وافقت اللجنة التوجيهية على الطلب «{title}».',
      'request.declined': 'رفضت اللجنة التوجيهية الطلب «{title}».',
      'request.withdrawn': 'سحب {actor} الطلب «{title}».',
      'request.action_created': 'أصبح الطلب المعتمد «{title}» الآن الإجراء {action}، في مرحلة التصميم.',
      'request.message': 'كتب {actor} بشأن الطلب «{title}».',
    },
    greeting: 'مرحباً،',
    reason: 'السبب: {reason}',
    open: 'افتح الطلب: {link}',
    footer: 'تصلك هذه الرسالة لأن الطلب يعنيك في Tandem.',
  },
};

export type MailParams = Record<string, string | number>;

const fill = (template: string, params: MailParams) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

/** The subject and text of a notification mail in the recipient's language. */
export function composeMail(
  kind: NotificationKind,
  language: Language,
  params: MailParams & { link: string },
): { subject: string; text: string } {
  const texts = catalog[language] ?? catalog.en;
  const lines = [texts.greeting, '', fill(texts.lines[kind], params)];
  if (params.reason) lines.push('', fill(texts.reason, params));
  lines.push('', fill(texts.open, params), '', '--', texts.footer);
  return { subject: fill(texts.subjects[kind], params), text: lines.join('\n') };
}

/** Every kind in every language, for the catalog's completeness test. */
export const mailCatalog = catalog;
