import { defineMethod } from '../../registry/define';
import {
  createVisit,
  deleteVisit,
  getVisit,
  insertVisit,
  listVisits,
  patchVisit,
  updateVisit,
} from './service';

export const visitsMethods = [
  defineMethod({ name: 'visits.create', handler: createVisit, write: insertVisit }),
  defineMethod({ name: 'visits.get', handler: (c, i) => getVisit(c, i.id) }),
  defineMethod({ name: 'visits.update', handler: updateVisit, write: patchVisit }),
  defineMethod({ name: 'visits.delete', handler: (c, i) => deleteVisit(c, i.id) }),
  defineMethod({ name: 'visits.list', handler: listVisits }),
] as const;
