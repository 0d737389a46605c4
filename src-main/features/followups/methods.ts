import { defineMethod } from '../../registry/define';
import {
  createFollowup,
  deleteFollowup,
  getFollowup,
  insertFollowup,
  listFollowups,
  updateFollowup,
} from './service';

export const followupsMethods = [
  defineMethod({
    name: 'followups.create',
    handler: createFollowup,
    write: (c, i) => void insertFollowup(c, i),
  }),
  defineMethod({ name: 'followups.get', handler: (c, i) => getFollowup(c, i.id) }),
  defineMethod({ name: 'followups.update', handler: updateFollowup }),
  defineMethod({ name: 'followups.delete', handler: (c, i) => deleteFollowup(c, i.id) }),
  defineMethod({ name: 'followups.list', handler: listFollowups }),
] as const;
