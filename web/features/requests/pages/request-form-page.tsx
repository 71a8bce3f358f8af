import '../mantine-requests.css';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useSession } from '../../auth/api/session.ts';
import { useCreateRequest, useRequest, useUpdateRequest } from '../api/requests.ts';
import { ConflictAlert } from '../components/conflict-alert.tsx';
import { initialValues, RequestForm, type RequestFormValues, toBody } from '../components/request-form.tsx';

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
      {isApiError(update.error, 412) ? (
        <ConflictAlert onReload={reload} />
      ) : (
        update.isError && <ErrorAlert error={update.error} />
      )}
      <RequestForm
        key={`${formKey}-${request.data.version}`}
        initial={initialValues(request.data)}
        staff={staff}
        problems={fieldProblems(update.error)}
        busy={update.isPending}
        submitLabel={t('requests.form.saveChanges')}
        onSave={(values) =>
          update.mutate(
            { body: toBody(values, staff), version: request.data.version },
            { onSuccess: () => navigate(`/app/requests/${id}`) },
          )
        }
        onCancel={() => navigate(`/app/requests/${id}`)}
      />
    </Stack>
  );
}
