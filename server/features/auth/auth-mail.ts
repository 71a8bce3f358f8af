import type { Language } from '../../kernel/localized.ts';

// Placeholder: {link}.
const texts: Record<Language, { subject: string; body: string }> = {
  en: {
    subject: 'Reset your Tandem password',
    body: 'Hello,\n\nSomeone asked to reset the password of your Tandem account. To choose a new password, open this link within an hour:\n\n{link}\n\nThe link works once. If you did not ask for it, ignore this mail: your password stays as it is.\n\n--\nTandem',
  },
  fr: {
    subject: 'Réinitialiser votre mot de passe Tandem',
    body: "Bonjour,\n\nUne réinitialisation du mot de passe de votre compte Tandem a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :\n\n{link}\n\nLe lien ne fonctionne qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\n--\nTandem",
  },
  es: {
    subject: 'Restablecer su contraseña de Tandem',
    body: 'Hola:\n\nSe ha pedido restablecer la contraseña de su cuenta de Tandem. Para elegir una contraseña nueva, abra este enlace en el plazo de una hora:\n\n{link}\n\nEl enlace funciona una sola vez. Si usted no lo pidió, ignore este mensaje: su contraseña no cambia.\n\n--\nTandem',
  },
  pt: {
    subject: 'Redefinir a sua palavra-passe do Tandem',
    body: 'Olá,\n\nFoi pedida a redefinição da palavra-passe da sua conta Tandem. Para escolher uma nova palavra-passe, abra esta ligação no prazo de uma hora:\n\n{link}\n\nA ligação funciona uma única vez. Se não fez este pedido, ignore esta mensagem: a sua palavra-passe mantém-se.\n\n--\nTandem',
  },
  ar: {
    subject: 'إعادة تعيين كلمة مرور Tandem',
    body: 'مرحباً،\n\nطلب أحدهم إعادة تعيين كلمة مرور حسابك في Tandem. لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ساعة:\n\n{link}\n\nيعمل الرابط مرة واحدة فقط. إن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.\n\n--\nTandem',
  },
};

/** The password reset mail in the recipient's language. */
export function composeResetMail(language: Language, link: string): { subject: string; body: string } {
  const t = texts[language] ?? texts.en;
  return { subject: t.subject, body: t.body.replace('{link}', link) };
}

export const resetMailTexts = texts;
