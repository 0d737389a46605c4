// The screen of a record kind that is a list and a form: the grid with its "new" button (and
// its views, the kind's own), and the record's form drawer when the address names one
// (#/kind/id, #/kind/new). A screen declares its columns, form store and fields.
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/contract/methods';
import type { RecordOf } from '../records';
import { navigate, routeHref, type Route } from '../router';
import { Grid, type GridColumn } from './Grid';
import { RecordFormDrawer, type FieldsProps, type RecordFormStore } from './RecordFormDrawer';

export interface RecordListScreenProps<K extends RecordKind, V> {
  route: Route;
  /** The record kind, which is also the screen's route. */
  kind: K & Route['screen'];
  /** i18n prefix of the kind's words: `${words}.new`, `.edit`, `.empty`. */
  words: string;
  columns: GridColumn<RecordOf<K>>[];
  form: RecordFormStore<K, V>;
  Fields: ComponentType<FieldsProps<V>>;
  /** A wide drawer, for forms with lists inside. */
  wide?: boolean;
  rowClass?: (row: RecordOf<K>) => string | undefined;
  /** Values a new record takes from the address. */
  initOf?: (route: Route) => Partial<V> | undefined;
  /** Where closing the form goes (default: back to the list). */
  closeHref?: (route: Route) => string;
}

export function RecordListScreen<K extends RecordKind, V>(props: RecordListScreenProps<K, V>) {
  const { route, kind, words, columns, form, Fields, wide, rowClass, initOf, closeHref } = props;
  const { t } = useTranslation();
  const title: string = `nav.${kind}`;
  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t(title)}</h1>
      </div>
      <Grid
        id={kind}
        kind={kind}
        columns={columns}
        routeParams={route.params}
        onOpen={(r) => navigate(routeHref(kind, r.id))}
        rowClass={rowClass}
        emptyText={t(`${words}.empty`)}
        toolbar={
          <a className="btn primary" href={routeHref(kind, 'new')} data-testid={`new-${kind}`}>
            + {t(`${words}.new`)}
          </a>
        }
      />
      {route.id && (
        <RecordFormDrawer
          kind={kind}
          store={form}
          Fields={Fields}
          id={route.id === 'new' ? null : route.id}
          init={initOf?.(route)}
          words={words}
          wide={wide}
          onClose={() => navigate(closeHref?.(route) ?? routeHref(kind), { replace: true })}
        />
      )}
    </div>
  );
}
