export { recordDomainEvents, listDomainEvents, type DomainEventType, type NewDomainEvent } from './record-domain-events';
