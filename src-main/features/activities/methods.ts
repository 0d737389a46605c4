import { defineMethod } from '../../registry/define';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from './service';

export const activitiesMethods = [
  defineMethod({ name: 'activities.create', handler: createActivity }),
  defineMethod({ name: 'activities.get', handler: (c, i) => getActivity(c, i.id) }),
  defineMethod({ name: 'activities.update', handler: updateActivity }),
  defineMethod({ name: 'activities.delete', handler: (c, i) => deleteActivity(c, i.id) }),
  defineMethod({ name: 'activities.list', handler: listActivities }),
] as const;
