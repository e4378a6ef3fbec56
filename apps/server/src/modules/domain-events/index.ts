export {
  recordDomainEvents,
  recordDomainEventsWithQuery,
  listDomainEvents,
  onDomainEventsRecorded,
  type DomainEventType,
  type NewDomainEvent,
} from './record-domain-events';
