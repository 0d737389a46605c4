import type { MethodName } from '@shared/contract/methods';
import type { AnyMethodDef, MethodDef } from './define';
import { activitiesMethods } from '../features/activities/methods';
import { appMethods } from '../features/app/methods';
import { auditMethods } from '../features/audit/methods';
import { backupsMethods } from '../features/backups/methods';
import { clinicsMethods } from '../features/clinics/methods';
import { demandsMethods } from '../features/demands/methods';
import { enterprisesMethods } from '../features/enterprises/methods';
import { expertsMethods } from '../features/experts/methods';
import { followupsMethods } from '../features/followups/methods';
import { outcomesMethods } from '../features/outcomes/methods';
import { ledgerMethods } from '../features/ledger/methods';
import { reportsMethods } from '../features/reports/methods';
import { searchMethods } from '../features/search/methods';
import { settingsMethods } from '../features/settings/methods';
import { staffMethods } from '../features/staff/methods';
import { syncMethods } from '../features/sync/methods';
import { targetsMethods } from '../features/targets/methods';
import { unitsMethods } from '../features/units/methods';
import { visitsMethods } from '../features/visits/methods';

// Every feature's methods, collected. The types below prove at compile time that each
// method of the contract is defined exactly once; dispatch looks them up by name.

export const METHOD_DEFINITIONS = [
  ...activitiesMethods,
  ...appMethods,
  ...auditMethods,
  ...backupsMethods,
  ...clinicsMethods,
  ...demandsMethods,
  ...enterprisesMethods,
  ...expertsMethods,
  ...followupsMethods,
  ...ledgerMethods,
  ...outcomesMethods,
  ...reportsMethods,
  ...searchMethods,
  ...settingsMethods,
  ...staffMethods,
  ...syncMethods,
  ...targetsMethods,
  ...unitsMethods,
  ...visitsMethods,
] as const;

type Definitions = typeof METHOD_DEFINITIONS;
type NameOf<D> = D extends { name: infer N } ? N : never;

/** The names a list of definitions holds more than once. */
type Repeated<T extends readonly unknown[], Seen = never, Found = never> = T extends readonly [
  infer D,
  ...infer Rest,
]
  ? Repeated<Rest, Seen | NameOf<D>, [NameOf<D>] extends [Seen] ? Found | NameOf<D> : Found>
  : Found;

/** Empty when every method is defined once; otherwise names what is missing or defined twice. */
type Problems = {
  missing: Exclude<MethodName, NameOf<Definitions[number]>>;
  twice: Repeated<Definitions>;
};
// An error here names the method that lacks a definition, or has two.
type OnceEach<P extends { missing: never; twice: never }> = P;
type _EveryMethodOnce = OnceEach<Problems>;

export type Registry = { readonly [M in MethodName]: MethodDef<M> };

export const registry: Registry = Object.fromEntries(METHOD_DEFINITIONS.map((d) => [d.name, d])) as Registry;

/** A method's definition, as dispatch runs it. */
export const methodDef = (name: MethodName): AnyMethodDef => registry[name];
