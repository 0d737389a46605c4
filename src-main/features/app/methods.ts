import { defineMethod } from '../../registry/define';
import { appInfo, myTasks, setMe } from './service';

export const appMethods = [
  defineMethod({ name: 'app.info', handler: (c) => appInfo(c) }),
  defineMethod({ name: 'me.set', handler: (c, i) => setMe(c, i.staffId) }),
  defineMethod({ name: 'me.tasks', handler: (c) => myTasks(c) }),
] as const;
