// The report's tables as on paper, with every counting cell a button that opens the records
// behind it (seed 2.4 fn 6: figures must be traceable to their source).
import type { ReportTable } from '../../../db/model/reports.js';
import { showCell } from './cells.js';
import { T } from '../../i18n/reports.js';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../stores/route.js';

type RowLink = (
  tableId: string,
  cells: Record<string, unknown>,
  total: boolean,
) => { href: string; name: string } | null;

/** "Caseload per klantmanager": each manager's row links to handing over that caseload. */
export const handoverLink: RowLink = (tableId, cells, total) => {
  const name = cells.account_manager;
  if (tableId !== 'managers' || total || typeof name !== 'string' || name.startsWith('(')) return null;
  return { href: hrefOf('mijn-werk', 'overdracht', name), name };
};

const NUMERIC = new Set(['int', 'number', 'percent']);

export function ReportTables(props: {
  tables: ReportTable[];
  selected: string | null;
  onFigure(figure: string): void;
  charts?: (t: ReportTable) => React.ReactNode;
  rowLink?: RowLink;
}) {
  const { t: tr } = useTranslation();
  return (
    <>
      {props.tables.map((t) => (
        <section key={t.id} className="report-block" aria-labelledby={`report-table-${t.id}`}>
          <h2 id={`report-table-${t.id}`}>{t.title}</h2>
          {props.charts?.(t)}
          <table className="table report-table">
            <thead>
              <tr>
                {t.columns.map((c) => (
                  <th key={c.key} scope="col" className={NUMERIC.has(c.type) ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r, i) => (
                <tr key={i} className={r.total ? 'total' : undefined}>
                  {t.columns.map((c) => {
                    const text = showCell(r.cells[c.key], c.type);
                    const figure = r.figures?.[c.key];
                    const numeric = NUMERIC.has(c.type) || typeof r.cells[c.key] === 'number';
                    return (
                      <td key={c.key} className={numeric ? 'num' : undefined}>
                        {figure ? (
                          <button
                            type="button"
                            className={`figure-link${props.selected === figure ? ' active' : ''}`}
                            aria-pressed={props.selected === figure}
                            aria-label={T.figureButton(
                              `${showCell(r.cells[t.columns[0]!.key], t.columns[0]!.type)} ${c.label}`.trim(),
                              text,
                            )}
                            onClick={() => props.onFigure(figure)}
                          >
                            {text}
                          </button>
                        ) : (
                          text
                        )}
                        {c.key === t.columns[0]!.key &&
                          (() => {
                            const link = props.rowLink?.(t.id, r.cells, Boolean(r.total));
                            return link ? (
                              <>
                                {' '}
                                <a
                                  className="no-print"
                                  href={link.href}
                                  aria-label={tr('handover.linkFor', { name: link.name })}
                                >
                                  {tr('dossier.handover.title')}
                                </a>
                              </>
                            ) : null;
                          })()}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {t.note && <p className="muted report-note">{t.note}</p>}
        </section>
      ))}
    </>
  );
}
