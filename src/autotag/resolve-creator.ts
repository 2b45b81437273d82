import type { UserIdentity } from './cloudtrail-event';
import { assumedRoleCreator, type Creator, creatorFromArn, rootCreator } from './creator';

export const SERVICE_CATALOG_PRINCIPAL_TAG = 'aws:servicecatalog:provisioningPrincipalArn';

/**
 * Tags AWS services put on what they launch, naming the thing that launched it, most specific first. `aws:` keys
 * can only be set by AWS, so they are always trusted; any other key can be set by whoever calls RunInstances, so
 * it counts only when the caller is one of the services in `setBy` (see `actingService`).
 */
const SERVICE_LAUNCH_TAGS: readonly {
  key: string;
  label: (value: string) => string;
  setBy?: readonly string[];
}[] = [
  {
    key: 'eks:nodegroup-name',
    label: (value) => `EKS node group ${value}`,
    setBy: ['autoscaling.amazonaws.com', 'eks.amazonaws.com', 'eks-nodegroup.amazonaws.com'],
  },
  { key: 'aws:autoscaling:groupName', label: (value) => `Auto Scaling group ${value}` },
  { key: 'aws:ec2spot:fleet-request-id', label: (value) => `Spot Fleet ${value}` },
  { key: 'aws:ec2:fleet-id', label: (value) => `EC2 Fleet ${value}` },
];

const SERVICE_NAMES: Record<string, string> = {
  'autoscaling.amazonaws.com': 'Auto Scaling',
  'cloudformation.amazonaws.com': 'CloudFormation',
  'servicecatalog.amazonaws.com': 'Service Catalog',
  'spotfleet.amazonaws.com': 'Spot Fleet',
  'ec2fleet.amazonaws.com': 'EC2 Fleet',
  'eks.amazonaws.com': 'EKS',
};

export function serviceName(invokedBy: string): string {
  return SERVICE_NAMES[invokedBy] ?? invokedBy;
}

/**
 * The readable creator of a create call. Order matters: a Service Catalog launch names the person who
 * provisioned the product (not the launch role); a launch by an AWS service names the group or fleet; otherwise
 * the identity itself, by type. `tags` are the tags of the call and of the resource (request wins).
 */
export function resolveCreator(identity: UserIdentity, tags: ReadonlyMap<string, string>): Creator {
  const provisioner = tags.get(SERVICE_CATALOG_PRINCIPAL_TAG);
  const fromCatalog = provisioner ? creatorFromArn(provisioner) : undefined;
  if (fromCatalog) return { ...fromCatalog, label: `${fromCatalog.label} via Service Catalog` };

  const service = actingService(identity);
  for (const { key, label, setBy } of SERVICE_LAUNCH_TAGS) {
    const value = tags.get(key);
    const trusted = key.startsWith('aws:') || (service !== undefined && setBy?.includes(service));
    if (value && trusted) {
      return { kind: 'AWSService', label: label(value), arn: identityArn(identity), service: true };
    }
  }
  if (service) {
    return { kind: 'AWSService', label: serviceName(service), arn: identityArn(identity), service: true };
  }
  return byIdentityType(identity);
}

function byIdentityType(identity: UserIdentity): Creator {
  const arn = identityArn(identity);
  switch (identity.type) {
    case 'IAMUser': {
      const name = identity.userName ?? arn.split('/').pop() ?? 'unknown IAM user';
      return { kind: 'IAMUser', label: name, person: name, arn, service: false };
    }
    case 'Root':
      return rootCreator(arn);
    case 'AssumedRole': {
      const fromArn = identity.arn ? creatorFromArn(identity.arn) : undefined;
      if (fromArn) return withInvoker(fromArn, identity);
      const role = identity.sessionContext?.sessionIssuer?.userName ?? 'unknown role';
      const session = identity.principalId?.split(':')[1] ?? 'unknown session';
      return withInvoker(assumedRoleCreator(role, session, arn), identity);
    }
    case 'FederatedUser': {
      const name = identity.principalId?.split(':')[1] ?? arn.split('/').pop() ?? 'unknown';
      const issuer = identity.sessionContext?.sessionIssuer?.userName;
      const via = issuer ? ` via IAM user ${issuer}` : '';
      return { kind: 'FederatedUser', label: `${name} federated${via}`, person: name, arn, service: false };
    }
    case 'IdentityCenterUser': {
      const userId = identity.onBehalfOf?.userId ?? identity.userName ?? 'unknown';
      const name = identity.userName ?? userId;
      return {
        kind: 'IdentityCenterUser',
        label: `${name} via Identity Center`,
        person: userId,
        arn,
        service: false,
      };
    }
    case 'AWSAccount': {
      const account = identity.accountId ?? 'another account';
      return { kind: 'AWSAccount', label: `account ${account}`, arn, service: false };
    }
    default:
      return { kind: identity.type ?? 'Unknown', label: arn, arn, service: false };
  }
}

/** A role session made on someone's behalf by a service, e.g. `deployer via role ci via CloudFormation`. */
function withInvoker(creator: Creator, identity: UserIdentity): Creator {
  if (!identity.invokedBy) return creator;
  return { ...creator, label: `${creator.label} via ${serviceName(identity.invokedBy)}` };
}

/**
 * The AWS service that made the call itself, if any: `AWSService` identities name it in `invokedBy`; a session of
 * a service-linked role names it in the role's path (`role/aws-service-role/<service>/…`), which only AWS can
 * create and only that service can assume. A role a person made (whatever its name) is never a service.
 */
function actingService(identity: UserIdentity): string | undefined {
  if (identity.type === 'AWSService') return identity.invokedBy ?? 'an AWS service';
  if (identity.type !== 'AssumedRole') return undefined;
  const issuer = identity.sessionContext?.sessionIssuer?.arn ?? '';
  return /^arn:[\w-]+:iam::\d{12}:role\/aws-service-role\/([^/]+)\//.exec(issuer)?.[1];
}

function identityArn(identity: UserIdentity): string {
  if (identity.arn) return identity.arn;
  if (identity.type === 'IdentityCenterUser' && identity.onBehalfOf?.identityStoreArn) {
    return `${identity.onBehalfOf.identityStoreArn}/user/${identity.onBehalfOf.userId ?? 'unknown'}`;
  }
  if (identity.invokedBy) return identity.invokedBy;
  return identity.principalId ?? 'unknown';
}
