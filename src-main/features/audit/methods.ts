import { defineMethod } from '../../registry/define';
import { recordAudit } from './service';

export const auditMethods = [defineMethod({ name: 'audit.record', handler: recordAudit })] as const;
