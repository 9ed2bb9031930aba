// Gives or withdraws the "buitengewone werkgever" predicate (with the date it was given); a
// buitengewone werkgever then appears on Mijn werk when not contacted for 90 days.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { formatDateNl } from '../../format.js';
import { Field } from '../../components/controls.js';
import { Status } from '../../components/Card.js';
import { errorText } from '../../components/fields.js';
import { todayNl } from '../../format.js';

export function ExceptionalEditor(props: { employerId: string; since: string | null }) {
  const { t } = useTranslation();
  const call = useCommand();
  const [date, setDate] = useState(props.since ? formatDateNl(props.since) : todayNl());
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const save = async (value: string) => {
    const r = await call('employers.update', { id: props.employerId, fields: { exceptional_since: value } });
    if (!r.ok) {
      setMsg({ text: errorText(r.error, { exceptional_since: t('employers.fields.exceptional_since') }), error: true });
      return;
    }
    setMsg({ text: value ? t('employers.exceptionalSaved') : t('employers.exceptionalRemoved'), error: false });
  };
  return (
    <form
      noValidate
      className="inline-form"
      aria-label={t('employers.exceptionalTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save(date);
      }}
    >
      {msg && <Status text={msg.text} error={msg.error} />}
      <Field
        id="exceptional-date"
        label={t('employers.fields.exceptional_since')}
        value={date}
        onChange={setDate}
        date
      />
      <div className="button-row">
        <button type="submit" className="button">
          {props.since ? t('employers.exceptionalChange') : t('employers.exceptionalGive')}
        </button>
        {props.since && (
          <button type="button" className="button" onClick={() => void save('')}>
            {t('employers.exceptionalWithdraw')}
          </button>
        )}
      </div>
    </form>
  );
}
