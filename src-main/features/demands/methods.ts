import { defineMethod } from '../../registry/define';
import {
  applyTransition,
  createDemand,
  deleteDemand,
  getDemand,
  listDemands,
  openBoard,
  reassign,
  recordReply,
  recordUnitReply,
  reply,
  transitionDemand,
  unitReply,
  updateDemand,
} from './service';
import { decideExtension, requestExtension } from './extensions';
import { supervise, urge } from './supervision';

export const demandsMethods = [
  defineMethod({ name: 'demands.create', handler: createDemand }),
  defineMethod({ name: 'demands.get', handler: (c, i) => getDemand(c, i.id) }),
  defineMethod({ name: 'demands.update', handler: updateDemand }),
  defineMethod({ name: 'demands.delete', handler: (c, i) => deleteDemand(c, i.id) }),
  defineMethod({ name: 'demands.list', handler: listDemands }),
  // Not `handler: transitionDemand`: its third parameter (the move's origin) is the system's, not the caller's.
  defineMethod({
    name: 'demands.transition',
    handler: (c, i) => transitionDemand(c, i),
    write: (c, i) => void applyTransition(c, i),
  }),
  defineMethod({ name: 'demands.openBoard', handler: openBoard }),
  defineMethod({ name: 'demands.reassign', handler: reassign }),
  defineMethod({ name: 'demands.requestExtension', handler: requestExtension }),
  defineMethod({ name: 'demands.decideExtension', handler: decideExtension }),
  defineMethod({ name: 'demands.supervise', handler: supervise }),
  defineMethod({ name: 'demands.urge', handler: urge }),
  defineMethod({ name: 'demands.unitReply', handler: unitReply, write: recordUnitReply }),
  defineMethod({ name: 'demands.reply', handler: reply, write: recordReply }),
] as const;
