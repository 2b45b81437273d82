import { describe, expect, it } from 'vitest';
import { resolveCreator, SERVICE_CATALOG_PRINCIPAL_TAG } from '../../src/autotag/resolve-creator';

const none = new Map<string, string>();

describe('resolveCreator edge cases', () => {
  it('reads an assumed role from principalId and session issuer when the ARN is missing', () => {
    const creator = resolveCreator(
      {
        type: 'AssumedRole',
        principalId: 'AROAX:deploy-7',
        sessionContext: { sessionIssuer: { userName: 'ci' } },
      },
      none,
    );

    expect(creator).toMatchObject({ label: 'deploy-7 via role ci', person: 'deploy-7', service: false });
  });

  it('names another account when a principal of another account made the call', () => {
    expect(
      resolveCreator({ type: 'AWSAccount', accountId: '444444444444', principalId: 'AIDA' }, none).label,
    ).toBe('account 444444444444');
  });

  it('falls back to the identity when the Service Catalog tag is not an ARN it can read', () => {
    const tags = new Map([[SERVICE_CATALOG_PRINCIPAL_TAG, 'not-an-arn']]);

    const creator = resolveCreator(
      { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::1:user/alice' },
      tags,
    );

    expect(creator.label).toBe('alice');
  });

  it('keeps an unknown identity type readable by its ARN', () => {
    expect(resolveCreator({ type: 'SAMLUser', arn: 'arn:aws:sts::1:x/y' }, none)).toMatchObject({
      kind: 'SAMLUser',
      label: 'arn:aws:sts::1:x/y',
    });
  });

  const forgedEks = new Map([['eks:nodegroup-name', 'not-me']]);
  const serviceLinkedSession = (service: string, role: string) => ({
    type: 'AssumedRole',
    arn: `arn:aws:sts::222222222222:assumed-role/${role}/session`,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        arn: `arn:aws:iam::222222222222:role/aws-service-role/${service}/${role}`,
      },
    },
    invokedBy: service,
  });

  it('ignores a service tag a person set and names the person', () => {
    const creator = resolveCreator(
      { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::222222222222:user/alice' },
      forgedEks,
    );

    expect(creator).toMatchObject({ label: 'alice', person: 'alice', service: false });
  });

  it('does not take a role named like a service-linked role for the service', () => {
    const creator = resolveCreator(
      {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::222222222222:assumed-role/AWSServiceRoleForAutoScaling/mallory',
        invokedBy: 'cloudformation.amazonaws.com',
      },
      forgedEks,
    );

    expect(creator).toMatchObject({ person: 'mallory', service: false });
  });

  it('trusts eks:nodegroup-name from the EKS node group service-linked role', () => {
    const identity = serviceLinkedSession(
      'eks-nodegroup.amazonaws.com',
      'AWSServiceRoleForAmazonEKSNodegroup',
    );

    expect(resolveCreator(identity, new Map([['eks:nodegroup-name', 'workers']]))).toMatchObject({
      label: 'EKS node group workers',
      service: true,
    });
  });

  it('does not trust eks:nodegroup-name from another service, but still names that service', () => {
    const identity = serviceLinkedSession('spotfleet.amazonaws.com', 'AWSServiceRoleForEC2SpotFleet');

    expect(resolveCreator(identity, forgedEks)).toMatchObject({ label: 'Spot Fleet', service: true });
  });
});
