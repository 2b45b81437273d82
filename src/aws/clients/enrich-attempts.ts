/** Service Catalog and CloudFormation reads for a catalog alert: attempts in all before a gap is shown. */
export const ENRICH_MAX_ATTEMPTS = 4;
