import type { Touch } from '@northstar/contracts';
import type { TouchRow } from './timeline.repository';

export function toTouchDto(row: TouchRow): Touch {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    authorId: row.authorId,
    authorName: row.authorName,
    contactIds: row.contactIds,
    lifecycleStage: row.lifecycleStage,
    title: row.title,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
