import { memo } from 'react';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  formatValue,
  isFlagged,
  labelOf,
  noteLines,
  type Cube,
  type Labeller,
  type NoteLabels,
  type Pivot,
} from './model';
import styles from './Analytics.module.css';

/** Lines drawn at most; the exports hold every line. */
export const MAX_PIVOT_LINES = 2_000;

/**
 * The pivot as an accessible table: headers of columns and rows (`scope`), the unit of measure
 * under each indicator, synthetic cells in italics with a `*`, and cells with a note marked and
 * explained in a tooltip that also opens from the keyboard.
 */
export const PivotTable = memo(function PivotTable({
  cube,
  pivot,
  labels,
  noteLabels,
}: {
  cube: Cube;
  pivot: Pivot;
  labels: Labeller;
  noteLabels: NoteLabels;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const yesNo = { yes: t('statistics.grid.yes'), no: t('statistics.grid.no') };
  const dim = (d: Pivot['columns']) => t(`statistics.analytics.pivot.dim.${d}`);
  const [outer, inner] = pivot.rows;
  const view = cube.view;
  const isAggregate = (d: Pivot['columns'], index: number) =>
    d === 'row' && view.rows[index]?.level !== 'unit';
  const lines = pivot.lines.slice(0, MAX_PIVOT_LINES);

  const header = (d: Pivot['columns'], index: number) => (
    <>
      {labelOf(labels, d, index)}
      {d === 'indicator' && <span className={styles.measure}>{labels.measure(index)}</span>}
    </>
  );

  return (
    <table className={styles.pivot} data-testid="analytics-pivot">
      <caption>
        {t('statistics.analytics.pivot.caption', {
          rows: `${dim(outer)} × ${dim(inner)}`,
          columns: dim(pivot.columns),
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={styles.stub}>
            {dim(outer)}
          </th>
          <th scope="col" className={styles.stub}>
            {dim(inner)}
          </th>
          {Array.from({ length: pivot.columnCount }, (_, c) => (
            <th key={c} scope="col">
              {header(pivot.columns, c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const aggregate = isAggregate(outer, line.keys[0]) || isAggregate(inner, line.keys[1]);
          const cls = aggregate ? styles.aggregate : undefined;
          return (
            <tr key={`${line.keys[0]}:${line.keys[1]}`} data-aggregate={aggregate || undefined}>
              {line.outerSpan > 0 && (
                <th
                  scope="rowgroup"
                  rowSpan={line.outerSpan}
                  className={`${styles.outer} ${isAggregate(outer, line.keys[0]) ? styles.aggregate : ''}`}
                >
                  {header(outer, line.keys[0])}
                </th>
              )}
              <th scope="row" className={cls}>
                {header(inner, line.keys[1])}
              </th>
              {line.cells.map(([i, r, p]) => {
                const cell = cube.cell(i, r, p);
                if (cell.none) {
                  return (
                    <td
                      key={cell.at}
                      className={`${styles.none} ${cls ?? ''}`}
                      title={t('statistics.analytics.pivot.noRow')}
                    />
                  );
                }
                const text = formatValue(cell.value, locale, yesNo);
                const body = (
                  <>
                    {text}
                    {cell.synthetic && (
                      <span className={styles.synthMark} aria-hidden>
                        *
                      </span>
                    )}
                  </>
                );
                const lines = noteLines(cube, cell, locale, noteLabels);
                const classes = [cls, cell.synthetic ? styles.synthetic : undefined]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td
                    key={cell.at}
                    className={classes || undefined}
                    data-flagged={isFlagged(cell) || undefined}
                    data-synthetic={cell.synthetic || undefined}
                  >
                    {isFlagged(cell) ? (
                      <Tooltip
                        title={
                          <div data-testid="analytics-cell-note">
                            {lines.map((l) => (
                              <div key={l}>{l}</div>
                            ))}
                          </div>
                        }
                      >
                        <span
                          className={styles.flag}
                          tabIndex={0}
                          aria-label={[text, ...lines].join('. ')}
                        >
                          <span className={styles.flagMark} aria-hidden>
                            ▲
                          </span>
                          {body}
                        </span>
                      </Tooltip>
                    ) : lines.length > 0 ? (
                      <span title={lines.join('\n')}>{body}</span>
                    ) : (
                      body
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
