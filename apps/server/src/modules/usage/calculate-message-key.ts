import crypto from 'node:crypto';

/** The de-duplication key: md5 of workspace and messageId, shaped as a uuid (16 bytes). */
export function calculateMessageKey(workspaceId: string, messageId: string): string {
  const hex = crypto.hash('md5', `${workspaceId}:${messageId}`, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
