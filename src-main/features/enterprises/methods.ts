import { defineMethod } from '../../registry/define';
import {
  checkDuplicates,
  checkedEnterprise,
  createEnterprise,
  deleteEnterprise,
  listEnterprises,
  updateEnterprise,
} from './service';
import { enterpriseTimeline } from './timeline';

export const enterprisesMethods = [
  defineMethod({ name: 'enterprises.create', handler: createEnterprise }),
  defineMethod({ name: 'enterprises.get', handler: (c, i) => checkedEnterprise(c, i.id) }),
  defineMethod({ name: 'enterprises.update', handler: updateEnterprise }),
  defineMethod({ name: 'enterprises.delete', handler: (c, i) => deleteEnterprise(c, i.id) }),
  defineMethod({ name: 'enterprises.list', handler: listEnterprises }),
  defineMethod({ name: 'enterprises.timeline', handler: (c, i) => enterpriseTimeline(c, i.id) }),
  defineMethod({ name: 'enterprises.checkDuplicates', handler: checkDuplicates }),
] as const;
