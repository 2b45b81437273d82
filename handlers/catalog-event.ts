import { createCatalogFunction } from '../src/catalog/catalog-function';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';

/** Service Catalog failures: SNS CloudFormation notifications and EventBridge stack status changes. */
const env = parseEnv();
export const handler = createCatalogFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
