import { defineMethod } from '../../registry/define';
import { deleteTarget, listTargets, setTarget } from './service';

export const targetsMethods = [
  defineMethod({ name: 'targets.set', handler: setTarget }),
  defineMethod({ name: 'targets.list', handler: listTargets }),
  defineMethod({ name: 'targets.delete', handler: deleteTarget }),
] as const;
