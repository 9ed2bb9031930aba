// Quick contact entry for a client or an employer: date, kind, summary and an optional follow-up
// date. With `resolves` it also marks an earlier follow-up as handled (from Mijn werk).
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { RecordForm, type FormField } from '../../components/RecordForm.js';
import { todayNl } from '../../format.js';

/** The fields of a contact as the contact forms show them (registering and correcting). */
export function useContactFields(): FormField[] {
  const { t } = useTranslation();
  return [
    { name: 'date', label: t('contact.date') },
    { name: 'kind', label: t('contact.kind') },
    { name: 'summary', label: t('contact.summary'), multiline: true },
    { name: 'follow_up_date', label: t('contact.followUp') },
  ];
}

export function QuickContact(props: {
  party: { clientId: string } | { employerId: string };
  resolves?: string;
  idPrefix: string;
  onDone(message: string): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const call = useCommand();
  const fields = useContactFields();
  return (
    <RecordForm
      kind="contacts"
      idPrefix={props.idPrefix}
      title={t('contact.form')}
      fields={fields}
      initial={{ date: todayNl(), kind: 'phone' }}
      submitLabel={t('contact.save')}
      onSubmit={async (f) => {
        const r = await call('contacts.create', {
          ...props.party,
          date: f.date ?? '',
          kind: f.kind ?? '',
          summary: f.summary,
          follow_up_date: f.follow_up_date ?? null,
          resolves: props.resolves ?? null,
        });
        if (r.ok) props.onDone(t('contact.saved'));
        return r;
      }}
      onDone={() => undefined}
      onCancel={() => props.onCancel?.()}
    />
  );
}
