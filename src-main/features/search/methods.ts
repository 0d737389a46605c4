import { defineMethod } from '../../registry/define';
import { searchGlobal } from './service';

export const searchMethods = [defineMethod({ name: 'search.global', handler: searchGlobal })] as const;
