import { Alert, Anchor, Button, Checkbox, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantRegister } from '../../../../server/features/participants/participants.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { formatDate } from '../../../lib/format.ts';
import { isStaffRole, useStaffUser } from '../../../lib/staff-user.ts';
import { useLanguage } from '../../../lib/use-language.ts';
import {
  certificatesUrl,
  certificateUrl,
  useActionInstitutions,
  useRecordAttendance,
  useRegister,
} from '../api/participants.ts';
import { ParticipantForm } from './participant-form.tsx';
import { ParticipantsImport } from './participants-import.tsx';

type Marks = Record<string, Record<string, boolean>>;

/**
 * The register of an activity: the counts for everyone who sees the activity; for the staff (and a
 * partner, for its own officials) the names, an attendance grid per day, registration with the
 * duplicate check, the import of a list and the certificates.
 */
export function ParticipantsPanel({ activity }: { activity: { id: string; actionId: string } }) {
  const { t } = useTranslation();
  const user = useStaffUser();
  const register = useRegister(activity.id);
  const data = register.data;
  return (
    <section aria-labelledby="participants-title">
      <Title order={2} size="h4" id="participants-title">
        {t('participants.title')}
      </Title>
      {register.isError && <ErrorAlert error={register.error} />}
      {data && (
        <Stack gap="sm" mt="xs">
          <Summary register={data} />
          {!data.seesNames && <Text size="sm">{t('participants.countsOnly')}</Text>}
          {data.seesNames && !isStaffRole(user.role) && <Text size="sm">{t('participants.ownOnly')}</Text>}
          {data.seesNames && (
            <Register register={data} actionId={activity.actionId} partner={user.role === 'partner'} />
          )}
        </Stack>
      )}
    </section>
  );
}

function Summary({ register }: { register: ParticipantRegister }) {
  const { t } = useTranslation();
  const a = register.aggregate;
  if (a.total === 0) return <Text>{t('participants.empty')}</Text>;
  const parts = (counts: Record<string, number>, prefix: string) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([key, n]) => `${t(`participants.${prefix}.${key}`)}: ${n}`)
      .join(', ');
  return (
    <Stack gap={2}>
      <Text fw={600}>{t('participants.summary', { total: a.total, ...a.bySex })}</Text>
      <Text size="sm">
        {t('participants.byRole')}: {parts(a.byRole, 'role')}
      </Text>
      <Text size="sm">
        {t('participants.byLevel')}: {parts(a.byPositionLevel, 'positionLevel')}
      </Text>
    </Stack>
  );
}

function Register({
  register,
  actionId,
  partner,
}: {
  register: ParticipantRegister;
  actionId: string;
  partner: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useRecordAttendance(register.activityId);
  const institutions = useActionInstitutions(actionId, register.canRegister && !partner);
  const [edits, setEdits] = useState<Marks>({});
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const changes = Object.entries(edits).flatMap(([participationId, days]) =>
    Object.entries(days).map(([day, present]) => ({ participationId, day, present })),
  );
  const caption = t('participants.title');
  const shortDay = (day: string) => formatDate(day, language);

  return (
    <Stack gap="sm">
      {notice && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel={t('participants.import.close')}
        >
          {notice}
        </Alert>
      )}
      {register.canRegister && (
        <Group>
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('participants.add.open')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setImporting(true)}>
            {t('participants.import.open')}
          </Button>
          {register.items.some((i) => i.daysPresent > 0) && (
            <Anchor href={certificatesUrl(register.activityId)} download size="sm">
              {t('participants.certificates.all')}
            </Anchor>
          )}
        </Group>
      )}
      {register.items.length > 0 && (
        <TableScroller label={caption} minWidth={640 + register.days.length * 90}>
          <Table captionSide="top" verticalSpacing="xs" striped>
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('participants.table.name')}</Table.Th>
                <Table.Th scope="col">{t('participants.table.institution')}</Table.Th>
                <Table.Th scope="col">{t('participants.table.sex')}</Table.Th>
                <Table.Th scope="col">{t('participants.table.level')}</Table.Th>
                <Table.Th scope="col">{t('participants.table.role')}</Table.Th>
                {register.days.map((day) => (
                  <Table.Th scope="col" key={day}>
                    {shortDay(day)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('participants.table.days')}</Table.Th>
                <Table.Th scope="col">{t('participants.table.certificate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {register.items.map((item) => {
                const name = item.person.fullName;
                return (
                  <Table.Tr key={item.id}>
                    <Table.Th scope="row" fw={500} dir="auto">
                      {name}
                      {(item.person.erased || item.person.pseudonymised) && (
                        <Text component="span" size="xs" c="dimmed">
                          {' '}
                          ({t('participants.table.anonymised')})
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{item.person.institutionLabel}</Table.Td>
                    <Table.Td>{t(`participants.sex.${item.person.sex}`)}</Table.Td>
                    <Table.Td>{t(`participants.positionLevel.${item.person.positionLevel}`)}</Table.Td>
                    <Table.Td>{t(`participants.role.${item.role}`)}</Table.Td>
                    {register.days.map((day) => {
                      const edited = edits[item.id]?.[day];
                      const present = edited ?? item.attendance[day] ?? false;
                      return (
                        <Table.Td key={day}>
                          <Checkbox
                            aria-label={t('participants.table.present', { name, day: shortDay(day) })}
                            checked={present}
                            disabled={!register.canRegister}
                            onChange={(e) => {
                              const checked = e.currentTarget.checked;
                              setEdits((current) => ({
                                ...current,
                                [item.id]: { ...current[item.id], [day]: checked },
                              }));
                            }}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td>{item.daysPresent}</Table.Td>
                    <Table.Td>
                      {item.daysPresent > 0 && (
                        <Anchor
                          href={certificateUrl(item.id)}
                          download
                          aria-label={t('participants.certificates.oneLabel', { name })}
                        >
                          {t('participants.certificates.one')}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      {register.canRegister && register.items.length > 0 && (
        <Group>
          <Button
            size="xs"
            disabled={changes.length === 0}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { entries: changes },
                {
                  onSuccess: () => {
                    setEdits({});
                    setNotice(t('participants.attendance.saved'));
                  },
                },
              )
            }
          >
            {t('participants.attendance.save')}
          </Button>
          {changes.length > 0 && (
            <Text size="sm">{t('participants.attendance.unsaved', { count: changes.length })}</Text>
          )}
        </Group>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      <Modal
        closeButtonProps={{ 'aria-label': t('participants.add.cancel') }}
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('participants.add.title')}
        size="lg"
      >
        {adding && (
          <ParticipantForm
            activityId={register.activityId}
            institutions={institutions.data ?? []}
            partner={partner}
            onCancel={() => setAdding(false)}
            onDone={(name) => {
              setAdding(false);
              setNotice(t('participants.add.added', { name }));
            }}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('participants.import.close') }}
        opened={importing}
        onClose={() => setImporting(false)}
        title={t('participants.import.title')}
        size="xl"
      >
        {importing && (
          <ParticipantsImport activityId={register.activityId} onClose={() => setImporting(false)} />
        )}
      </Modal>
    </Stack>
  );
}
