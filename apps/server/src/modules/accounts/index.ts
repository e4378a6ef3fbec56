export {
  createAccountsService,
  type AccountsService,
  type AccountPage,
  type AccountFilterQuery,
  type AccountLifecycleHooks,
} from './accounts.service';
export { accountsRoutes } from './accounts.routes';
export { contactsRoutes } from './contacts.routes';
export { customFieldsRoutes } from './custom-fields.routes';
export { toAccountDto } from './to-account-dto';
export { normaliseTags } from './calculate-tags';
export { validateCustomFieldValues, type CustomFieldRule } from './validate-custom-field-values';
export { markContactsContacted } from './mark-contacts-contacted';
