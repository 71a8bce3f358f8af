import { Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDetail } from '../../../../server/features/actions/actions.contract.ts';
import type {
  DuplicateCandidate,
  PersonInput,
  RegistrationInput,
} from '../../../../server/features/participants/participants.contract.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useDuplicateCheck, useRegisterParticipant } from '../api/participants.ts';

const SEXES = ['female', 'male', 'other'] as const;
const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_plus'] as const;
const LEVELS = ['junior', 'mid_level', 'senior', 'trainer'] as const;
const ROLES = ['participant', 'trainer', 'speaker', 'observer'] as const;
const BASES = ['consent', 'public_task'] as const;
const OTHER = 'other';

type Institution = ActionDetail['institutions'][number];

/**
 * Registers one person: the duplicate check runs first, and if people with the same name and
 * institution are on record the user says whether it is one of them or someone new.
 */
export function ParticipantForm({
  activityId,
  institutions,
  partner,
  onDone,
  onCancel,
}: {
  activityId: string;
  institutions: Institution[];
  /** A partner registers its own institution's officials: no institution to choose. */
  partner: boolean;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const check = useDuplicateCheck(activityId);
  const save = useRegisterParticipant(activityId);
  const [fullName, setFullName] = useState('');
  const [institution, setInstitution] = useState<string | null>(institutions[0]?.id ?? OTHER);
  const [institutionName, setInstitutionName] = useState('');
  const [sex, setSex] = useState<string | null>(null);
  const [ageBand, setAgeBand] = useState<string | null>(null);
  const [positionLevel, setPositionLevel] = useState<string | null>(null);
  const [position, setPosition] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<string>('participant');
  const [lawfulBasis, setLawfulBasis] = useState<string>('public_task');
  const [consentTextVersion, setConsentTextVersion] = useState('');
  const [consentGivenOn, setConsentGivenOn] = useState('');
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const otherInstitution = !partner && institution === OTHER;
  const person = (): PersonInput => ({
    fullName: fullName.trim(),
    institutionId: partner || otherInstitution ? null : institution,
    institutionName: otherInstitution ? institutionName.trim() : null,
    sex: (sex ?? 'other') as PersonInput['sex'],
    ageBand: (ageBand as PersonInput['ageBand']) ?? null,
    positionLevel: (positionLevel ?? 'junior') as PersonInput['positionLevel'],
    position: position.trim() || null,
    email: email.trim() || null,
    phone: phone.trim() || null,
    lawfulBasis: lawfulBasis as PersonInput['lawfulBasis'],
    consentTextVersion: lawfulBasis === 'consent' ? consentTextVersion.trim() || null : null,
    consentGivenOn: lawfulBasis === 'consent' ? consentGivenOn || null : null,
  });
  const submit = (extra: Partial<RegistrationInput>) =>
    save.mutate(
      { role: role as RegistrationInput['role'], ...extra },
      { onSuccess: (item) => onDone(item.person.fullName) },
    );

  const options = <T extends string>(keys: readonly T[], prefix: string) =>
    keys.map((value) => ({ value, label: t(`participants.${prefix}.${value}`) }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const p = person();
        check.mutate(
          { fullName: p.fullName, institutionId: p.institutionId, institutionName: p.institutionName },
          {
            onSuccess: ({ candidates: found }) => {
              if (found.length > 0) setCandidates(found);
              else submit({ person: p, confirmNew: true });
            },
          },
        );
      }}
    >
      <Stack>
        {(check.isError || save.isError) && <ErrorAlert error={check.error ?? save.error} />}
        <TextInput
          label={t('participants.add.fullName')}
          required
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          dir="auto"
        />
        {!partner && (
          <Select
            label={t('participants.add.institution')}
            required
            data={[
              ...institutions.map((i) => ({
                value: i.id,
                label: i.acronym ? `${i.name} (${i.acronym})` : i.name,
              })),
              { value: OTHER, label: t('participants.add.otherInstitution') },
            ]}
            value={institution}
            onChange={setInstitution}
            allowDeselect={false}
          />
        )}
        {otherInstitution && (
          <TextInput
            label={t('participants.add.institutionName')}
            required
            value={institutionName}
            onChange={(e) => setInstitutionName(e.currentTarget.value)}
          />
        )}
        <Group grow align="flex-start">
          <Select
            label={t('participants.add.sex')}
            required
            data={options(SEXES, 'sex')}
            value={sex}
            onChange={setSex}
          />
          <Select
            label={t('participants.add.ageBand')}
            data={options(AGE_BANDS, 'ageBand')}
            value={ageBand}
            onChange={setAgeBand}
            clearable
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('participants.add.positionLevel')}
            required
            data={options(LEVELS, 'positionLevel')}
            value={positionLevel}
            onChange={setPositionLevel}
          />
          <Select
            label={t('participants.add.role')}
            required
            data={options(ROLES, 'role')}
            value={role}
            onChange={(v) => setRole(v ?? 'participant')}
            allowDeselect={false}
          />
        </Group>
        <TextInput
          label={t('participants.add.position')}
          value={position}
          onChange={(e) => setPosition(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <TextInput
            type="email"
            label={t('participants.add.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            type="tel"
            label={t('participants.add.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
        </Group>
        <Radio.Group
          label={t('participants.add.lawfulBasis')}
          required
          value={lawfulBasis}
          onChange={setLawfulBasis}
        >
          <Group mt="xs">
            {BASES.map((basis) => (
              <Radio key={basis} value={basis} label={t(`participants.lawfulBasis.${basis}`)} />
            ))}
          </Group>
        </Radio.Group>
        {lawfulBasis === 'consent' && (
          <Group grow align="flex-start">
            <TextInput
              label={t('participants.add.consentTextVersion')}
              required
              value={consentTextVersion}
              onChange={(e) => setConsentTextVersion(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('participants.add.consentGivenOn')}
              required
              value={consentGivenOn}
              onChange={(e) => setConsentGivenOn(e.currentTarget.value)}
            />
          </Group>
        )}
        {candidates ? (
          <Stack gap="xs" role="group" aria-labelledby="duplicate-question">
            <Text id="duplicate-question" fw={600}>
              {t('participants.add.duplicates')}
            </Text>
            {candidates.map((c) => (
              <Button
                key={c.id}
                variant="default"
                loading={save.isPending}
                onClick={() => submit({ existingPersonId: c.id })}
              >
                {t('participants.add.samePerson', {
                  name: c.fullName,
                  institution: c.institutionName,
                  activities: c.activityCount,
                })}
              </Button>
            ))}
            <Button loading={save.isPending} onClick={() => submit({ person: person(), confirmNew: true })}>
              {t('participants.add.newPerson')}
            </Button>
          </Stack>
        ) : (
          <Group>
            <Button type="submit" loading={check.isPending || save.isPending}>
              {t('participants.add.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('participants.add.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
