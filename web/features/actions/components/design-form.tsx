import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionDesign } from '../../../../server/features/actions/action-design.contract.ts';
import { deliverableType } from '../../../../server/features/deliverables/deliverables.contract.ts';
import { SaveConflict } from '../../../components/save-conflict.tsx';
import { usePartnerOrganisations, useUpdateDesign } from '../api/action-workspace.ts';

type Props = { design: ActionDesign; onDone: () => void; onReload: () => void };

const numberOrNull = (value: string | number) => (value === '' ? null : Number(value));

/** The fields the form changes, as it sends them; also how a merge reads the design it meets. */
function designBody(design: ActionDesign) {
  return {
    overallObjective: design.overallObjective,
    specificObjectives: design.specificObjectives,
    plannedDeliverables: design.plannedDeliverables,
    plannedActivities: design.plannedActivities,
    plannedExpertDays: design.plannedExpertDays,
    partnerIds: design.partners.map((p) => p.id),
    lessonsLearnt: design.lessonsLearnt,
    closingSummary: design.closingSummary,
  };
}
type DesignBody = ReturnType<typeof designBody>;

/** The staff's form for an Action's design; it saves against the version it was opened on. */
export function DesignForm({ design, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const save = useUpdateDesign(design.actionId);
  const partners = usePartnerOrganisations(true);
  const [overall, setOverall] = useState(design.overallObjective);
  const [specific, setSpecific] = useState(design.specificObjectives.join('\n'));
  const [deliverables, setDeliverables] = useState(design.plannedDeliverables);
  const [activities, setActivities] = useState<string | number>(design.plannedActivities ?? '');
  const [days, setDays] = useState<string | number>(design.plannedExpertDays ?? '');
  const [partnerIds, setPartnerIds] = useState(design.partners.map((p) => p.id));
  const [lessons, setLessons] = useState(design.lessonsLearnt);
  const [closing, setClosing] = useState(design.closingSummary);

  const send = (patch: DesignBody, version: number) => save.mutate({ version, patch }, { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(
      {
        overallObjective: overall.trim(),
        specificObjectives: specific
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        plannedDeliverables: deliverables
          .filter((d) => d.title.trim())
          .map((d) => ({ ...d, title: d.title.trim() })),
        plannedActivities: numberOrNull(activities),
        plannedExpertDays: numberOrNull(days),
        partnerIds,
        lessonsLearnt: lessons.trim(),
        closingSummary: closing.trim(),
      },
      design.version,
    );
  };
  const partnerName = new Map<string, string>(
    [...design.partners, ...(partners.data?.items ?? [])].map((p) => [
      p.id,
      p.acronym ? `${p.name} (${p.acronym})` : p.name,
    ]),
  );
  // Each field's label, shown on the field and, after a conflicting save, beside its two values.
  const labels = {
    overallObjective: t('actionWorkspace.design.overallObjective'),
    specificObjectives: t('actionWorkspace.design.specificObjectives'),
    plannedDeliverables: t('actionWorkspace.design.plannedDeliverables'),
    plannedActivities: t('actionWorkspace.design.plannedActivities'),
    plannedExpertDays: t('actionWorkspace.design.plannedExpertDays'),
    partnerIds: t('actionWorkspace.design.partners'),
    lessonsLearnt: t('actionWorkspace.design.lessonsLearnt'),
    closingSummary: t('actionWorkspace.design.closingSummary'),
  };
  const typeOptions = deliverableType.options.map((value) => ({
    value,
    label: t(`actionWorkspace.deliverableType.${value}`),
  }));

  return (
    <form onSubmit={submit} aria-label={t('actionWorkspace.design.editTitle')}>
      <Stack>
        <SaveConflict
          error={save.error}
          base={designBody(design)}
          sent={save.variables?.patch as DesignBody | undefined}
          toValues={designBody}
          labels={labels}
          show={{
            plannedDeliverables: (items) =>
              items.map((d) => `${t(`actionWorkspace.deliverableType.${d.type}`)}: ${d.title}`).join('\n'),
            partnerIds: (ids) => ids.map((id) => partnerName.get(id) ?? id).join('\n'),
          }}
          busy={save.isPending}
          onSave={send}
          onReload={onReload}
        />
        <Textarea
          label={labels.overallObjective}
          autosize
          minRows={2}
          value={overall}
          onChange={(e) => setOverall(e.currentTarget.value)}
        />
        <Textarea
          label={labels.specificObjectives}
          description={t('actionWorkspace.design.onePerLine')}
          autosize
          minRows={3}
          value={specific}
          onChange={(e) => setSpecific(e.currentTarget.value)}
        />
        <Fieldset legend={labels.plannedDeliverables}>
          <Stack gap="xs">
            {deliverables.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
                <Select
                  label={t('actionWorkspace.design.deliverableType')}
                  data={typeOptions}
                  value={item.type}
                  allowDeselect={false}
                  onChange={(value) =>
                    setDeliverables(
                      deliverables.map((d, i) => (i === index ? { ...d, type: value ?? d.type } : d)),
                    )
                  }
                  w={220}
                />
                <TextInput
                  label={t('actionWorkspace.design.deliverableTitle')}
                  value={item.title}
                  onChange={(e) => {
                    const title = e.currentTarget.value;
                    setDeliverables(deliverables.map((d, i) => (i === index ? { ...d, title } : d)));
                  }}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('actionWorkspace.design.removeDeliverable', {
                    title: item.title || index + 1,
                  })}
                  onClick={() => setDeliverables(deliverables.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              w="fit-content"
              onClick={() => setDeliverables([...deliverables, { type: 'handbook', title: '' }])}
            >
              {t('actionWorkspace.design.addDeliverable')}
            </Button>
          </Stack>
        </Fieldset>
        <Group grow>
          <NumberInput
            label={labels.plannedActivities}
            min={0}
            max={100}
            value={activities}
            onChange={setActivities}
          />
          <NumberInput label={labels.plannedExpertDays} min={0} max={10000} value={days} onChange={setDays} />
        </Group>
        <MultiSelect
          label={labels.partnerIds}
          data={(partners.data?.items ?? []).map((p) => ({
            value: p.id,
            label: p.acronym ? `${p.name} (${p.acronym})` : p.name,
          }))}
          value={partnerIds}
          onChange={setPartnerIds}
          searchable
          clearable
        />
        <Textarea
          label={labels.lessonsLearnt}
          autosize
          minRows={2}
          value={lessons}
          onChange={(e) => setLessons(e.currentTarget.value)}
        />
        <Textarea
          label={labels.closingSummary}
          autosize
          minRows={2}
          value={closing}
          onChange={(e) => setClosing(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actionWorkspace.common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('actionWorkspace.common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
