import { useId, useState } from 'react';
import { i18n } from '#i18n';
import type { Hint } from '@/lib/hints';
import type { Indicator, TemplateNode } from '@/lib/lke/schema';
import type { Answers, ScoreSheet } from '@/lib/lke/scoring';
import { LKE } from '@/lib/lke/template';
import { readableName } from '@/lib/ui/presentation';
import { hintText } from '../hints/hintText';
import { formatDateTime, formatDecimal } from '../localeFormat';
import { FILTERS, type Filter, type ItemGroup, groupVisible, groupsOf } from './model';

export interface IndicatorTreeProps {
  answers: Answers;
  sheet: ScoreSheet;
  hintsByCode: ReadonlyMap<string, readonly Hint[]>;
  lastChange: ReadonlyMap<string, number>;
  /** The what-if answers and their sheet, when the sandbox is on. */
  sandbox: { answers: Answers; sheet: ScoreSheet; onChange: (code: string, value: string | null) => void } | null;
  onOpen: (code: string) => void;
}

interface View {
  props: IndicatorTreeProps;
  visible: (group: ItemGroup) => boolean;
}

/** Nodes under `node` (itself included) that score items directly, in template order. */
function scoringNodes(node: TemplateNode): TemplateNode[] {
  return [...(groupsOf(node).length > 0 ? [node] : []), ...node.children.flatMap(scoringNodes)];
}

const isArea = (node: TemplateNode): boolean => node.level === 'area_perubahan' || groupsOf(node).length > 0;

/** Score against weight as words and a bar, for a node of any level. */
function Progress({ node, sheet, labelId }: { node: TemplateNode; sheet: ScoreSheet; labelId: string }) {
  const score = sheet.nodes.get(node.code);
  if (!score) return null;
  const share = Math.round((score.score / score.weight) * 100);
  return (
    <div className="progress">
      <progress max={score.weight} value={score.score} aria-labelledby={labelId} aria-valuetext={`${share}%`} />
      <span>
        {i18n.t('dashboard.tree.progress', [formatDecimal(score.score), formatDecimal(score.weight), share])}
        {' · '}
        {i18n.t('dashboard.tree.answered', [score.answered, score.items])}
      </span>
    </div>
  );
}

function HintStatus({ hints, answered }: { hints: readonly Hint[]; answered: boolean }) {
  const serious = hints.filter((hint) => hint.severity !== 'info');
  if (serious.length === 0) {
    return (
      <span className="hint-status hint-status--ok">
        <span aria-hidden="true">✓ </span>
        {i18n.t(answered ? 'dashboard.tree.hintsNone' : 'dashboard.tree.hintsNoneYet')}
      </span>
    );
  }
  return (
    <ul className="hint-status">
      {serious.map((hint) => (
        <li key={hint.rule} className={`hint hint--${hint.severity}`}>
          <span aria-hidden="true">{hint.severity === 'error' ? '✗ ' : '! '}</span>
          <span className="visually-hidden">{i18n.t(`hints.severity.${hint.severity}`)}: </span>
          {hintText(hint, 'title')}
        </li>
      ))}
    </ul>
  );
}

function SandboxPicker({ indicator, value, onChange }: { indicator: Indicator; value: string | null; onChange: (value: string | null) => void }) {
  const label = i18n.t('dashboard.sandbox.pickerLabel', [indicator.code]);
  if (indicator.options.length > 0) {
    return (
      <select aria-label={label} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{i18n.t('dashboard.sandbox.blank')}</option>
        {indicator.options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.key}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      type="text"
      inputMode="decimal"
      size={6}
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value.trim() === '' ? null : event.target.value)}
    />
  );
}

const valueText = (value: number | null | undefined): string =>
  value === null || value === undefined ? i18n.t('dashboard.tree.notScored') : formatDecimal(value);

function IndicatorRow({ indicator, view, input }: { indicator: Indicator; view: View; input: boolean }) {
  const { answers, sheet, hintsByCode, lastChange, sandbox, onOpen } = view.props;
  const computed = indicator.formula !== null;
  const answer = answers.get(indicator.code) ?? null;
  const members = [indicator.code, ...indicator.inputs];
  const changed = Math.max(...members.map((code) => lastChange.get(code) ?? -Infinity));
  const hints = hintsByCode.get(indicator.code) ?? [];
  const answered = computed ? sheet.values.get(indicator.code) !== null : answer !== null && answer.trim() !== '';
  return (
    <tr data-code={indicator.code} className={input ? 'row row--input' : 'row'}>
      <th scope="row">
        <button type="button" className="code" onClick={() => onOpen(indicator.code)} aria-label={i18n.t('dashboard.tree.open', [indicator.code])}>
          {indicator.code}
        </button>
      </th>
      <td className="question">{indicator.question}</td>
      <td className="answer">
        {computed ? i18n.t('dashboard.tree.computed') : answer?.trim() ? answer : <span className="muted">{i18n.t('dashboard.tree.blank')}</span>}
      </td>
      <td className="value">{input ? '' : valueText(sheet.values.get(indicator.code))}</td>
      <td className="hints">
        <HintStatus hints={hints} answered={answered} />
      </td>
      <td className="changed">{Number.isFinite(changed) ? formatDateTime(changed) : '—'}</td>
      {sandbox && (
        <td className="sandbox">
          {computed ? (
            valueText(sandbox.sheet.values.get(indicator.code))
          ) : (
            <SandboxPicker indicator={indicator} value={sandbox.answers.get(indicator.code) ?? null} onChange={(value) => sandbox.onChange(indicator.code, value)} />
          )}
        </td>
      )}
    </tr>
  );
}

function AreaTable({ area, view, level }: { area: TemplateNode; view: View; level: number }) {
  const headingId = useId();
  const { sheet, sandbox } = view.props;
  const blocks = scoringNodes(area)
    .map((node) => ({ node, groups: groupsOf(node).filter(view.visible) }))
    .filter((block) => block.groups.length > 0);
  if (blocks.length === 0) return null;
  const Heading = `h${level}` as 'h4';
  const columns = sandbox ? 7 : 6;
  return (
    <section className="area" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {readableName(area.name)} <span className="muted code-tag">{area.code}</span>
      </Heading>
      <Progress node={area} sheet={sheet} labelId={headingId} />
      <table className="indicators">
        <thead>
          <tr>
            <th scope="col">{i18n.t('dashboard.tree.column.code')}</th>
            <th scope="col">{i18n.t('dashboard.tree.column.question')}</th>
            <th scope="col">{i18n.t('dashboard.tree.column.answer')}</th>
            <th scope="col">{i18n.t('dashboard.tree.column.value')}</th>
            <th scope="col">{i18n.t('dashboard.tree.column.hints')}</th>
            <th scope="col">{i18n.t('dashboard.tree.column.changed')}</th>
            {sandbox && <th scope="col">{i18n.t('dashboard.tree.column.sandbox')}</th>}
          </tr>
        </thead>
        {blocks.map(({ node, groups }) => (
          <tbody key={node.code}>
            {node !== area && (
              <tr className="subarea">
                <th scope="colgroup" colSpan={columns}>
                  {readableName(node.name)} <span className="muted">{node.code}</span>
                  <span className="subarea__score">
                    {i18n.t('dashboard.tree.progress', [
                      formatDecimal(sheet.nodes.get(node.code)?.score ?? 0),
                      formatDecimal(node.weight),
                      Math.round(((sheet.nodes.get(node.code)?.score ?? 0) / node.weight) * 100),
                    ])}
                  </span>
                </th>
              </tr>
            )}
            {groups.flatMap((group) => [
              <IndicatorRow key={group.item.code} indicator={group.item} view={view} input={false} />,
              ...group.inputs.map((input) => <IndicatorRow key={input.code} indicator={input} view={view} input />),
            ])}
          </tbody>
        ))}
      </table>
    </section>
  );
}

function NodeSection({ node, view, level }: { node: TemplateNode; view: View; level: number }) {
  if (isArea(node)) return <AreaTable area={node} view={view} level={level} />;
  const Heading = `h${Math.min(level, 6)}` as 'h3';
  const headingId = `node-${node.code}`;
  return (
    <section className={`node node--${node.level}`} aria-labelledby={headingId}>
      <Heading id={headingId}>{readableName(node.name)}</Heading>
      <Progress node={node} sheet={view.props.sheet} labelId={headingId} />
      {node.children.map((child) => (
        <NodeSection key={child.code} node={child} view={view} level={level + 1} />
      ))}
    </section>
  );
}

/** The whole LKE tree with every indicator's answer, value, hints and last change; filters and search. */
export function IndicatorTree(props: IndicatorTreeProps) {
  const [filters, setFilters] = useState<ReadonlySet<Filter>>(new Set());
  const [search, setSearch] = useState('');
  const visible = (group: ItemGroup) => groupVisible(group, filters, search, props.hintsByCode);
  const view: View = { props, visible };
  // Counted as the form counts questions: Jumlah inputs are questions, computed percentages are not.
  const shown = LKE.template.tree
    .flatMap(scoringNodes)
    .flatMap((node) => groupsOf(node).filter(visible))
    .reduce((count, group) => count + [group.item, ...group.inputs].filter((member) => member.soalId !== null).length, 0);
  const toggle = (filter: Filter) =>
    setFilters((current) => {
      const next = new Set(current);
      if (!next.delete(filter)) next.add(filter);
      return next;
    });

  return (
    <section className="card tree" aria-labelledby="tree-heading">
      <h2 id="tree-heading">{i18n.t('dashboard.tree.heading')}</h2>
      <div className="tree__tools">
        <fieldset className="filters">
          <legend>{i18n.t('dashboard.tree.filters')}</legend>
          {FILTERS.map((filter) => (
            <label key={filter} className="chip">
              <input type="checkbox" checked={filters.has(filter)} onChange={() => toggle(filter)} />
              {i18n.t(`dashboard.tree.filter.${filter}`)}
            </label>
          ))}
        </fieldset>
        <label className="search">
          <span>{i18n.t('dashboard.tree.search')}</span>
          <input type="search" value={search} placeholder={i18n.t('dashboard.tree.searchPlaceholder')} onChange={(event) => setSearch(event.target.value)} />
        </label>
      </div>
      <p role="status" className="muted" data-testid="tree-count">
        {shown === 0 ? i18n.t('dashboard.tree.noMatch') : i18n.t('dashboard.tree.shown', [shown])}
      </p>
      {LKE.template.tree.map((node) => (
        <NodeSection key={node.code} node={node} view={view} level={3} />
      ))}
    </section>
  );
}
