import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { i18n } from '#i18n';
import { useDatabase } from '@/components/DatabaseProvider';
import { addInnovation, addReplication, listInnovations, removeInnovation } from '@/lib/db/repositories/innovations';
import type { Stored } from '@/lib/db/repositories/rows';
import type { Innovation, InnovationCategory } from '@/lib/db/schema';
import { CHANGE_AREAS, INNOVATION_CATEGORIES, innovationsByArea } from '@/lib/team/innovations';
import { scopeLabel } from '@/lib/team/scope';
import { ActionForm } from './ActionForm';
import { translate } from './text';

const categoryText = (category: InnovationCategory) => translate(`innovations.category.${category}`);

/** The unit's innovations by category and area, their replication by other units, and the gaps. */
export function InnovationsSection({ unitId }: { unitId: number }) {
  const database = useDatabase();
  const innovations = useLiveQuery(() => listInnovations(database, unitId), [database, unitId]);
  if (!innovations) return null;
  const gaps = innovationsByArea(innovations).filter((area) => area.gap !== null);
  return (
    <section className="card" aria-labelledby="innovations-heading">
      <h2 id="innovations-heading">{i18n.t('innovations.heading')}</h2>
      <p className="muted">{i18n.t('innovations.intro')}</p>
      {gaps.length > 0 && (
        <ul className="notice notice--warning" data-testid="innovation-gaps">
          {gaps.map(({ area, gap }) => (
            <li key={area.code}>
              <span aria-hidden="true">⚠ </span>
              {translate(`innovations.gap.${gap}`, [area.name])}
            </li>
          ))}
        </ul>
      )}
      <InnovationForm unitId={unitId} />
      <ul className="task-list">
        {innovations.map((innovation) => (
          <InnovationItem key={innovation.id} innovation={innovation} />
        ))}
      </ul>
    </section>
  );
}

function InnovationForm({ unitId }: { unitId: number }) {
  const database = useDatabase();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<InnovationCategory>('layanan_eksternal');
  const [areas, setAreas] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [evidence, setEvidence] = useState('');
  const submit = async () => {
    await addInnovation(database, unitId, { name, category, areas, description, evidenceUrls: evidence.split('\n') }, new Date());
    setName('');
    setAreas([]);
    setDescription('');
    setEvidence('');
    return null;
  };
  return (
    <ActionForm className="inline-form" action={submit} failure={() => i18n.t('innovations.invalid')}>
      <h3>{i18n.t('innovations.addHeading')}</h3>
      <label className="field field--wide">
        {i18n.t('innovations.name')}
        <input type="text" required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} />
      </label>
      <label className="field">
        {i18n.t('innovations.categoryLabel')}
        <select value={category} onChange={(event) => setCategory(event.currentTarget.value as InnovationCategory)}>
          {INNOVATION_CATEGORIES.map((option) => (
            <option key={option} value={option}>
              {categoryText(option)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field field--wide">
        <legend>{i18n.t('innovations.areas')}</legend>
        {CHANGE_AREAS.map((area) => (
          <label key={area.code}>
            <input
              type="checkbox"
              checked={areas.includes(area.code)}
              onChange={(event) => setAreas(event.currentTarget.checked ? [...areas, area.code] : areas.filter((code) => code !== area.code))}
            />{' '}
            {area.name}
          </label>
        ))}
      </fieldset>
      <label className="field field--wide">
        {i18n.t('innovations.description')}
        <textarea rows={2} maxLength={20000} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
      </label>
      <label className="field field--wide">
        {i18n.t('innovations.evidence')}
        <textarea rows={2} value={evidence} onChange={(event) => setEvidence(event.currentTarget.value)} />
      </label>
      <button type="submit">{i18n.t('innovations.add')}</button>
    </ActionForm>
  );
}

function InnovationItem({ innovation }: { innovation: Stored<Innovation> }) {
  const database = useDatabase();
  const [unit, setUnit] = useState('');
  const [proof, setProof] = useState('');
  const replicate = async () => {
    await addReplication(database, innovation.id, { unit, proofUrl: proof }, new Date());
    setUnit('');
    setProof('');
    return null;
  };
  return (
    <li className="task" data-innovation={innovation.name}>
      <div className="task__head">
        <span className="task__question">{innovation.name}</span>
        <span>
          {categoryText(innovation.category)} · {innovation.areas.map((code) => scopeLabel(code)).join(', ')}
        </span>
        {innovation.description && <span className="muted">{innovation.description}</span>}
        {innovation.evidenceUrls.map((url) => (
          <a key={url} href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </a>
        ))}
        <span>
          {innovation.replications.length === 0
            ? i18n.t('innovations.notReplicated')
            : i18n.t('innovations.replicatedBy', [innovation.replications.map((replication) => replication.unit).join(', ')])}
        </span>
      </div>
      <ActionForm className="status-control" action={replicate} failure={() => i18n.t('innovations.replicationInvalid')}>
        <label className="field">
          {i18n.t('innovations.replicatingUnit')}
          <input type="text" required maxLength={200} value={unit} onChange={(event) => setUnit(event.currentTarget.value)} />
        </label>
        <label className="field field--wide">
          {i18n.t('innovations.proof')}
          <input type="url" required value={proof} onChange={(event) => setProof(event.currentTarget.value)} />
        </label>
        <button type="submit">{i18n.t('innovations.addReplication', [innovation.name])}</button>
        <button type="button" className="secondary" onClick={() => removeInnovation(database, innovation.id)}>
          {i18n.t('innovations.remove', [innovation.name])}
        </button>
      </ActionForm>
    </li>
  );
}
