import { defineMethod } from '../../registry/define';
import {
  checkDuplicates,
  checkedEnterprise,
  createEnterprise,
  deleteEnterprise,
  insertEnterprise,
  listEnterprises,
  patchEnterprise,
  updateEnterprise,
} from './service';
import { enterpriseTimeline } from './timeline';

export const enterprisesMethods = [
  defineMethod({
    name: 'enterprises.create',
    handler: createEnterprise,
    write: (c, i) => ({ id: insertEnterprise(c, i), with: [] }),
  }),
  defineMethod({ name: 'enterprises.get', handler: (c, i) => checkedEnterprise(c, i.id) }),
  defineMethod({ name: 'enterprises.update', handler: updateEnterprise, write: patchEnterprise }),
  defineMethod({ name: 'enterprises.delete', handler: (c, i) => deleteEnterprise(c, i.id) }),
  defineMethod({ name: 'enterprises.list', handler: listEnterprises }),
  defineMethod({ name: 'enterprises.timeline', handler: (c, i) => enterpriseTimeline(c, i.id) }),
  defineMethod({ name: 'enterprises.checkDuplicates', handler: checkDuplicates }),
] as const;
