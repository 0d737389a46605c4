export const IPC_CHANNEL = 'visit-ledger:call';
