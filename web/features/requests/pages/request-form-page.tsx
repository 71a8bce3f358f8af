import '../mantine-requests.css';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { RequestDetail } from '../../../../server/features/requests/requests.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { SaveConflict } from '../../../components/save-conflict.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useSession } from '../../auth/api/session.ts';
import { useCreateRequest, useRequest, useUpdateRequest } from '../api/requests.ts';
import {
  initialValues,
  RequestForm,
  type RequestFormValues,
  requestFieldLabels,
  toBody,
} from '../components/request-form.tsx';

function fieldProblems(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.details.map((d) => [d.field.replace(/\[\d+\].*$/, ''), d.message]));
}

/** A new request: the partner writes in its own language; an officer enters one on an institution's behalf. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = useLanguage();
  const staff = ['officer', 'admin'].includes(useSession().data?.user.role ?? '');
  const create = useCreateRequest();
  usePageTitle(t('requests.form.newTitle'));
  const save = (values: RequestFormValues) =>
    create.mutate(
      { ...toBody(values, staff), language },
      { onSuccess: (created) => navigate(`/app/requests/${created.id}`) },
    );
  return (
    <Stack>
      <Anchor component={Link} to="/app/requests" w="fit-content">
        {t('requests.backToList')}
      </Anchor>
      <Title order={1}>{t('requests.form.newTitle')}</Title>
      <Text maw={760}>{t('requests.form.intro')}</Text>
      {create.isError && <ErrorAlert error={create.error} />}
      <RequestForm
        initial={initialValues()}
        staff={staff}
        problems={fieldProblems(create.error)}
        busy={create.isPending}
        submitLabel={t('requests.form.saveDraft')}
        onSave={save}
        onCancel={() => navigate('/app/requests')}
      />
    </Stack>
  );
}

export function EditRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const staff = ['officer', 'admin'].includes(useSession().data?.user.role ?? '');
  const request = useRequest(id);
  const update = useUpdateRequest(id);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(t('requests.form.editTitle'));
  if (request.isPending) return <PageLoader />;
  if (request.isError) return <ErrorAlert error={request.error} />;
  const bodyOf = (detail: RequestDetail) => toBody(initialValues(detail), staff);
  type Body = ReturnType<typeof bodyOf>;
  // Names for the institutions a merge shows, from the version opened and the one met.
  const met = isApiError(update.error, 412)
    ? (update.error.current?.record as RequestDetail | undefined)
    : undefined;
  const institutionName = new Map(
    [request.data, met]
      .flatMap((r) =>
        r ? [...r.jointInstitutions, ...(r.requestingInstitution ? [r.requestingInstitution] : [])] : [],
      )
      .map((i) => [i.id, i.name]),
  );
  const names = (ids: string[]) => ids.map((id) => institutionName.get(id) ?? id).join('\n');
  const save = (body: Body, version: number) =>
    update.mutate({ body, version }, { onSuccess: () => navigate(`/app/requests/${id}`) });
  const reload = async () => {
    update.reset();
    await queryClient.invalidateQueries({ queryKey: ['requests', 'detail', id] });
    setFormKey((key) => key + 1);
  };
  return (
    <Stack>
      <Anchor component={Link} to={`/app/requests/${id}`} w="fit-content">
        {t('requests.number', { number: request.data.number })}
      </Anchor>
      <Title order={1}>{t('requests.form.editTitle')}</Title>
      <SaveConflict
        error={update.error}
        base={bodyOf(request.data)}
        sent={update.variables?.body as Body | undefined}
        toValues={bodyOf}
        labels={requestFieldLabels(t)}
        show={{
          requestingInstitutionId: (value) => (value ? names([value]) : ''),
          jointInstitutionIds: names,
        }}
        busy={update.isPending}
        onSave={save}
        onReload={reload}
      />
      <RequestForm
        key={`${formKey}-${request.data.version}`}
        initial={initialValues(request.data)}
        staff={staff}
        problems={fieldProblems(update.error)}
        busy={update.isPending}
        submitLabel={t('requests.form.saveChanges')}
        onSave={(values) => save(toBody(values, staff), request.data.version)}
        onCancel={() => navigate(`/app/requests/${id}`)}
      />
    </Stack>
  );
}
