import { Anchor, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { expertSkill, gender } from '../../../../server/features/experts/experts.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ListPagination } from '../../../components/list-pagination.tsx';
import { PageLoader } from '../../../components/page-loader.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { countryName, languageName } from '../../../lib/format.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { toOptions, useTaxonomy } from '../../../lib/taxonomy.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import { useExperts } from '../api/experts.ts';
import { ExpertForm } from '../components/expert-form.tsx';

const keys = ['q', 'topic', 'language', 'country', 'skill', 'gender'] as const;

/** The roster, filtered in the URL; the staff add experts to it. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useStaffUser();
  const navigate = useNavigate();
  const taxonomy = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) || undefined]));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const experts = useExperts({ ...filters, page, pageSize: 25 });
  const [query, setQuery] = useState(filters.q ?? '');
  usePageTitle(t('experts.roster.title'));
  const set = (key: string, value: string | number | null | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, String(value));
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: key !== 'page' },
    );
  const commitQuery = useDebouncedCallback((q: string) => set('q', q.trim()), 350);
  const selectProps = {
    clearable: true,
    clearButtonProps: { 'aria-label': t('filters.clear') },
    nothingFoundMessage: t('filters.nothingFound'),
    w: { base: '100%', xs: 180 },
  };
  const caption = experts.data ? t('experts.roster.count', { count: experts.data.total }) : '';

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('experts.roster.title')}</Title>
        {isStaffRole(user.role) && <Button onClick={() => setAdding(true)}>{t('experts.roster.add')}</Button>}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('experts.roster.filters')}>
        <TextInput
          type="search"
          label={t('filters.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            commitQuery(e.currentTarget.value);
          }}
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          {...selectProps}
          searchable
          label={t('filters.topic')}
          placeholder={t('filters.allTopics')}
          data={toOptions(taxonomy.data?.topics, language)}
          value={filters.topic ?? null}
          onChange={(v) => set('topic', v)}
        />
        <Select
          {...selectProps}
          searchable
          label={t('experts.roster.language')}
          placeholder={t('experts.roster.allLanguages')}
          data={['en', 'fr', 'es', 'pt', 'ar', 'ru', 'de'].map((code) => ({
            value: code,
            label: languageName(code, language),
          }))}
          value={filters.language ?? null}
          onChange={(v) => set('language', v)}
        />
        <Select
          {...selectProps}
          searchable
          label={t('filters.country')}
          placeholder={t('filters.allCountries')}
          data={toOptions(
            (taxonomy.data?.countries ?? []).map((c) => ({
              code: c.code,
              name: countryName(c.code, language),
            })),
            language,
          )}
          value={filters.country ?? null}
          onChange={(v) => set('country', v)}
        />
        <Select
          {...selectProps}
          label={t('experts.roster.skill')}
          placeholder={t('experts.roster.allSkills')}
          data={expertSkill.options.map((value) => ({ value, label: t(`experts.skill.${value}`) }))}
          value={filters.skill ?? null}
          onChange={(v) => set('skill', v)}
        />
        <Select
          {...selectProps}
          label={t('experts.form.gender')}
          placeholder={t('experts.roster.allGenders')}
          data={gender.options.map((value) => ({ value, label: t(`experts.gender.${value}`) }))}
          value={filters.gender ?? null}
          onChange={(v) => set('gender', v)}
        />
      </Group>
      {experts.isPending && <PageLoader />}
      {experts.isError && <ErrorAlert error={experts.error} />}
      {experts.data && (
        <TableScroller label={caption} minWidth={860}>
          <Table striped captionSide="top" verticalSpacing="sm">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('experts.roster.name')}</Table.Th>
                <Table.Th scope="col">{t('experts.form.country')}</Table.Th>
                <Table.Th scope="col">{t('experts.form.administration')}</Table.Th>
                <Table.Th scope="col">{t('experts.form.languages')}</Table.Th>
                <Table.Th scope="col">{t('experts.roster.deployments')}</Table.Th>
                <Table.Th scope="col">{t('experts.roster.feedback')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {experts.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/app/experts/${e.id}`}>
                      {e.fullName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{countryName(e.countryCode, language)}</Table.Td>
                  <Table.Td>{e.administration}</Table.Td>
                  <Table.Td>{e.languages.map((l) => languageName(l.language, language)).join(', ')}</Table.Td>
                  <Table.Td>{e.deployments}</Table.Td>
                  <Table.Td>
                    {e.feedback.average === null
                      ? t('experts.feedback.none')
                      : t('experts.roster.average', { average: e.feedback.average, count: e.feedback.count })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      {experts.data && experts.data.total === 0 && <Text role="status">{t('experts.roster.empty')}</Text>}
      {experts.data && experts.data.total > 0 && (
        <ListPagination
          page={experts.data.page}
          pageSize={experts.data.pageSize}
          total={experts.data.total}
          onChange={(p) => set('page', p)}
        />
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('experts.common.close') }}
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('experts.roster.add')}
        size="lg"
      >
        <ExpertForm onCancel={() => setAdding(false)} onCreated={(id) => navigate(`/app/experts/${id}`)} />
      </Modal>
    </Stack>
  );
}
