import { i18n } from '#i18n';

/** Column headings and a last column of row buttons, named for screen readers only. */
export function ActionsTableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">{i18n.t('team.members.actions')}</span>
        </th>
      </tr>
    </thead>
  );
}
