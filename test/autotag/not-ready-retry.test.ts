import { describe, expect, it } from 'vitest';
import type { CloudTrailDetail } from '../../src/autotag/cloudtrail-event';
import { requestTags } from '../../src/autotag/cloudtrail-event';
import { isNotReady } from '../../src/autotag/not-ready-retry';

describe('what counts as not ready yet', () => {
  it.each([
    [{ statusCode: 400, code: 'InvalidParameterException', message: 'The resource is being created' }, true],
    [{ statusCode: 404, code: 'ResourceNotFoundException', message: 'Cluster not found' }, true],
    [{ statusCode: 500, code: 'InternalServiceException', message: '' }, true],
    [
      {
        statusCode: 400,
        code: 'InvalidCacheClusterStateFault',
        message: 'Cluster is not in available state',
      },
      true,
    ],
    [
      {
        statusCode: 403,
        code: 'AccessDeniedException',
        message: 'User is not authorized to perform: rds:AddTagsToResource',
      },
      false,
    ],
    [{ statusCode: 400, code: 'InvalidParameterException', message: 'Unsupported resource type' }, false],
    [{ statusCode: 400, code: 'InvalidParameterException', message: 'arn:aws:x is not a valid ARN' }, false],
    [{ statusCode: 400, code: 'ValidationException', message: 'Tag key is not valid' }, false],
    [
      { statusCode: 400, code: 'InvalidParameterValue', message: 'The tag value is not a valid value' },
      false,
    ],
    [{ statusCode: 400, code: 'InvalidRequestException', message: 'The secret is not active yet' }, true],
    [
      {
        statusCode: 400,
        code: 'InvalidParameterException',
        message: 'arn:aws:sqs:eu-west-1:222222222222:orders-pending is not a valid ARN',
      },
      false,
    ],
  ])('%o → %s', (failure, expected) => {
    expect(isNotReady(failure)).toBe(expected);
  });
});

describe('tags passed in a create call', () => {
  const detail = (requestParameters: Record<string, unknown>) => ({ requestParameters }) as CloudTrailDetail;

  it('reads every way services record them, the first value of a key winning', () => {
    expect(
      Object.fromEntries(
        requestTags(
          detail({
            tags: [
              { key: 'a', value: '1' },
              { Key: 'b', Value: '2' },
            ],
          }),
        ),
      ),
    ).toEqual({ a: '1', b: '2' });
    expect(Object.fromEntries(requestTags(detail({ tags: { app: 'media' } })))).toEqual({ app: 'media' });
    expect(Object.fromEntries(requestTags(detail({ tags: [{ tagKey: 'k', tagValue: 'v' }] })))).toEqual({
      k: 'v',
    });
    expect(
      Object.fromEntries(
        requestTags(
          detail({
            tagSpecificationSet: {
              items: [{ resourceType: 'instance', tags: [{ key: 'a', value: 'first' }] }],
            },
            tags: { a: 'second' },
          }),
        ),
      ),
    ).toEqual({ a: 'first' });
  });
});
