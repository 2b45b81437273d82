import type { AppConfig } from '../config/schema';
import { DEFAULT_CATALOG_ROLE } from './config-schema';
import { CATALOG_ROLE_PURPOSE } from './enrich-failure';

/**
 * The config the account directory uses for this feature: `roles.catalog` defaults to AWSControlTowerExecution
 * (present in every Control Tower member account), so `roleFor(account, 'catalog')` answers, in order,
 * `accounts[].roles.catalog`, `roles.catalog`, AWSControlTowerExecution.
 */
export function withCatalogRoleDefault<T extends Pick<AppConfig, 'roles'>>(config: T): T {
  return { ...config, roles: { [CATALOG_ROLE_PURPOSE]: DEFAULT_CATALOG_ROLE, ...config.roles } };
}
