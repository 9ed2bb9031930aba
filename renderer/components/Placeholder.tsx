import { useTranslation } from 'react-i18next';

export function Placeholder(props: { title: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{props.title}</h1>
      <p className="muted">{t('placeholder.text')}</p>
    </section>
  );
}
