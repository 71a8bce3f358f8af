import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRequestLimits as limits } from '../../../../server/features/account-requests/account-requests.limits.ts';
import type { TaxonomyBody } from '../../../../server/features/taxonomy/taxonomy.contract.ts';
import { apiRequest, isApiError } from '../../../lib/api-client.ts';

type Field = 'name' | 'email' | 'institution' | 'position' | 'country' | 'message' | 'consent';
type Problems = Partial<Record<Field, string>>;
const fields: Field[] = ['name', 'email', 'institution', 'position', 'country', 'message', 'consent'];

/** The checks of the server's contract, said in the reader's language before anything is sent. */
function check(form: FormData, t: (key: string, options?: Record<string, unknown>) => string): Problems {
  const value = (name: Field) => String(form.get(name) ?? '').trim();
  const problems: Problems = {};
  const length = (name: 'name' | 'institution' | 'message') => {
    const text = value(name);
    if (!text) problems[name] = t('portal.request.form.required');
    else if (text.length < limits[name].min)
      problems[name] = t('portal.request.form.tooShort', { min: limits[name].min });
  };
  length('name');
  if (!value('email')) problems.email = t('portal.request.form.required');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value('email')))
    problems.email = t('portal.request.form.emailInvalid');
  length('institution');
  if (!value('country')) problems.country = t('portal.request.form.chooseCountry');
  length('message');
  if (form.get('consent') !== 'on') problems.consent = t('portal.request.form.consentRequired');
  return problems;
}

/**
 * Asks the facility for a partner account. Our own messages rather than the browser's bubbles (which
 * speak the browser's language); each is tied to its field, and focus goes to the first problem.
 */
export function AccountRequestForm({ taxonomy }: { taxonomy: TaxonomyBody | undefined }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed' | 'limited'>('idle');

  const focusFirst = (found: Problems) => {
    const first = fields.find((field) => found[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const found = check(data, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    setState('sending');
    const text = (name: Field) => String(data.get(name) ?? '').trim();
    try {
      await apiRequest('/api/public/account-requests', {
        method: 'POST',
        body: {
          name: text('name'),
          email: text('email'),
          institution: text('institution'),
          ...(text('position') ? { position: text('position') } : {}),
          country: text('country'),
          message: text('message'),
          consent: true,
        },
      });
      form.reset();
      setState('sent');
    } catch (error) {
      if (isApiError(error, 429)) return setState('limited');
      if (isApiError(error, 400) && error.details.length > 0) {
        const fromServer: Problems = {};
        for (const detail of error.details) {
          if ((fields as string[]).includes(detail.field)) fromServer[detail.field as Field] = detail.message;
        }
        setProblems(fromServer);
        focusFirst(fromServer);
      }
      setState('failed');
    }
  };

  const describedBy = (field: Field, hint?: boolean) =>
    [hint ? `${field}-hint` : '', problems[field] ? `${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const error = (field: Field) =>
    problems[field] ? (
      <p className="field-error" id={`${field}-error`}>
        {problems[field]}
      </p>
    ) : null;
  const input = (
    field: 'name' | 'email' | 'institution' | 'position',
    type = 'text',
    autoComplete?: string,
  ) => (
    <div className="field">
      <label htmlFor={`request-${field}`}>
        {t(`portal.request.form.${field}`)}
        {field !== 'position' && <span className="required"> {t('portal.request.form.requiredMark')}</span>}
      </label>
      <input
        id={`request-${field}`}
        name={field}
        type={type}
        autoComplete={autoComplete}
        maxLength={limits[field].max}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={describedBy(field)}
      />
      {error(field)}
    </div>
  );

  return (
    <form
      ref={formRef}
      className="request-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="request-form-heading"
    >
      <p>{t('portal.request.form.intro')}</p>
      {input('name', 'text', 'name')}
      {input('email', 'email', 'email')}
      {input('institution', 'text', 'organization')}
      {input('position', 'text', 'organization-title')}
      <div className="field">
        <label htmlFor="request-country">
          {t('portal.request.form.country')}
          <span className="required"> {t('portal.request.form.requiredMark')}</span>
        </label>
        <select
          id="request-country"
          name="country"
          defaultValue=""
          aria-invalid={problems.country ? true : undefined}
          aria-describedby={describedBy('country')}
        >
          <option value="">{t('portal.request.form.chooseCountry')}</option>
          {(taxonomy?.countries ?? []).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {error('country')}
      </div>
      <div className="field">
        <label htmlFor="request-message">
          {t('portal.request.form.message')}
          <span className="required"> {t('portal.request.form.requiredMark')}</span>
        </label>
        <p className="field-hint" id="message-hint">
          {t('portal.request.form.messageHint')}
        </p>
        <textarea
          id="request-message"
          name="message"
          rows={5}
          maxLength={limits.message.max}
          aria-invalid={problems.message ? true : undefined}
          aria-describedby={describedBy('message', true)}
        />
        {error('message')}
      </div>
      <div className="field field-check">
        <input
          id="request-consent"
          name="consent"
          type="checkbox"
          aria-invalid={problems.consent ? true : undefined}
          aria-describedby={describedBy('consent')}
        />
        <label htmlFor="request-consent">{t('portal.request.form.consent')}</label>
        {error('consent')}
      </div>
      <button type="submit" className="button" disabled={state === 'sending'}>
        {state === 'sending' ? t('portal.request.form.sending') : t('portal.request.form.submit')}
      </button>
      <div aria-live="polite" className="form-status">
        {state === 'sent' && (
          <p className="notice notice-success" role="status">
            {t('portal.request.form.sent')}
          </p>
        )}
        {state === 'failed' && Object.keys(problems).length === 0 && (
          <p className="notice notice-error">{t('errors.tryAgain')}</p>
        )}
        {state === 'limited' && <p className="notice notice-error">{t('portal.request.form.limited')}</p>}
      </div>
    </form>
  );
}
