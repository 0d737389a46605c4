import { defineMethod } from '../../registry/define';
import { getCalendar, getSettings, setCalendar, setSettings } from './service';

export const settingsMethods = [
  defineMethod({ name: 'settings.get', handler: getSettings }),
  defineMethod({ name: 'settings.set', handler: setSettings }),
  defineMethod({ name: 'calendar.get', handler: getCalendar }),
  defineMethod({ name: 'calendar.set', handler: setCalendar }),
] as const;
