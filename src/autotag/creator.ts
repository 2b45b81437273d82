/** Who made a create call, in words: what the tags, the notice and the retag rules use. */
export interface Creator {
  /** What kind of identity: IAMUser, AssumedRole, Root, FederatedUser, IdentityCenterUser, AWSService, … */
  kind: string;
  /**
   * One readable line, e.g. `alice@example.com via SSO AdministratorAccess` or `Auto Scaling group web`. Worded
   * with tag-safe characters only, so the tag reads the same as the notice.
   */
  label: string;
  /** The person, when there is one: IAM user name, SSO e-mail or user, session name of a person. */
  person?: string;
  /** The full ARN of the caller (or of the Service Catalog provisioning principal). */
  arn: string;
  /** True when an AWS service launched it on its own (Auto Scaling, Spot Fleet, …). */
  service: boolean;
}

const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;

/** A person's label from an assumed-role ARN `arn:…:sts::<acct>:assumed-role/<role>/<session>`. */
export function creatorFromArn(arn: string): Creator | undefined {
  const assumed = /^arn:[\w-]+:sts::\d{12}:assumed-role\/(.+)\/([^/]+)$/.exec(arn);
  if (assumed) return assumedRoleCreator(assumed[1] ?? '', assumed[2] ?? '', arn);
  const user = /^arn:[\w-]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (user) return { kind: 'IAMUser', label: user[1] ?? arn, person: user[1], arn, service: false };
  const federated = /^arn:[\w-]+:sts::\d{12}:federated-user\/(.+)$/.exec(arn);
  if (federated) {
    const name = federated[1] ?? arn;
    return { kind: 'FederatedUser', label: `${name} federated`, person: name, arn, service: false };
  }
  if (/^arn:[\w-]+:iam::\d{12}:root$/.test(arn)) return rootCreator(arn);
  return undefined;
}

export function assumedRoleCreator(rolePath: string, session: string, arn: string): Creator {
  const role = rolePath.split('/').pop() ?? rolePath;
  const sso = SSO_ROLE.exec(role);
  if (sso) {
    return {
      kind: 'AssumedRole',
      label: `${session} via SSO ${sso[1]}`,
      person: session,
      arn,
      service: false,
    };
  }
  return { kind: 'AssumedRole', label: `${session} via role ${role}`, person: session, arn, service: false };
}

export function rootCreator(arn: string): Creator {
  const account = /::(\d{12}):root$/.exec(arn)?.[1];
  return {
    kind: 'Root',
    label: `root user${account ? ` of ${account}` : ''}`,
    person: 'root',
    arn,
    service: false,
  };
}
