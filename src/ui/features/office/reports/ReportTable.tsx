/**
 * One table of the Overview or funnel (reportTables.ts) with a caption, column and row headers,
 * sideways scrolling on a narrow screen, and "Export CSV" of the same rows. The export button
 * names its table, since a screen has several.
 */
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18n';
import { saveTextFile } from '../../admin/saveTextFile';
import { tableCsv, type ReportTableModel } from './reportTables';
import { REPORTS_TEXT } from './reportsText';

export function ReportTable({ table, dataAsOf }: { table: ReportTableModel; dataAsOf: string }) {
  const { locale } = useI18n();
  const words = REPORTS_TEXT[locale];
  const [saved, setSaved] = useState(false);

  function exportCsv() {
    saveTextFile(tableCsv(table), `${words.fileName[table.id]}-${dataAsOf.slice(0, 10)}.csv`, 'text/csv;charset=utf-8');
    setSaved(true);
  }

  return (
    <div className="report-table">
      {table.rows.length === 0 ? (
        <p className="muted">
          <strong>{table.caption}</strong>: {words.empty}
        </p>
      ) : (
        <>
          <div className="admin-table-wrap" role="region" aria-label={words.tableScroll(table.caption)} tabIndex={0}>
            <table className="admin-table report-table__table">
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((c, i) => (
                    <th key={i} scope="col" className={i > 0 ? 'report-table__number' : undefined}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row">
                          {cell.text}
                        </th>
                      ) : (
                        <td key={i} className={cell.numeric ? 'report-table__number' : undefined}>
                          {cell.text}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="button" aria-label={words.exportCsvOf(table.caption)} onClick={exportCsv}>
            {words.exportCsv}
          </button>
          {saved && (
            <p role="status" className="admin-notice">
              {words.csvReady(table.caption)}
            </p>
          )}
        </>
      )}
    </div>
  );
}
