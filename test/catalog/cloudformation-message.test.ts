import { describe, expect, it } from 'vitest';
import {
  CloudFormationMessageError,
  parseCloudFormationMessage,
} from '../../src/catalog/cloudformation-message';
import { catalogFixture } from '../support/catalog-fixtures';

type SnsFixture = { Records: { Sns: { Message: string } }[] };
const messageOf = (name: string) => catalogFixture<SnsFixture>(name).Records[0]?.Sns.Message ?? '';

describe('parseCloudFormationMessage', () => {
  it('reads every Key=value line of a stack notification', () => {
    const fields = parseCloudFormationMessage(messageOf('sns-stack-rollback-complete'));

    expect(fields.ResourceStatus).toBe('ROLLBACK_COMPLETE');
    expect(fields.ResourceType).toBe('AWS::CloudFormation::Stack');
    expect(fields.ResourceStatusReason).toBe('');
    expect(fields.ClientRequestToken).toBe('a3f0c7e2-5b1d-4c8e-9f26-1d7b3e8a4c51');
    expect(Object.keys(fields)).toHaveLength(13);
  });

  it('keeps quotes, = and newlines inside values, including multi-line JSON properties', () => {
    const fields = parseCloudFormationMessage(messageOf('sns-resource-create-failed-tricky-reason'));

    expect(fields.ResourceStatusReason).toBe(
      "Resource handler returned message: \"Bucket 'payments-artifacts' already exists; set BucketName='' to let CloudFormation name it\nor choose another name\" (RequestToken: 0f1e2d3c, HandlerErrorCode: AlreadyExists)",
    );
    expect(JSON.parse(fields.ResourceProperties ?? '')).toEqual({
      BucketName: 'payments-artifacts',
      Tags: [{ Key: 'Owner', Value: 'team=payments' }],
    });
    expect(fields.ResourceType).toBe('AWS::S3::Bucket');
  });

  it("keeps a reason's own lowercase key='value' lines (custom resource and hook messages) inside the reason", () => {
    const reason = "ValueError: bucket 'payments' is taken\nbucket_name='payments'\nretry='no'";

    const fields = parseCloudFormationMessage(
      `StackId='x'\nResourceStatusReason='${reason}'\nResourceType='Custom::Bucket'\n`,
    );

    expect(fields).toEqual({ StackId: 'x', ResourceStatusReason: reason, ResourceType: 'Custom::Bucket' });
  });

  it('keeps keys it does not know', () => {
    const fields = parseCloudFormationMessage(
      "StackId='x'\nProductVersionId='vers-1234'\nResourceStatus='CREATE_FAILED'\n",
    );

    expect(fields).toEqual({ StackId: 'x', ProductVersionId: 'vers-1234', ResourceStatus: 'CREATE_FAILED' });
  });

  it('accepts CRLF line ends, blank lines and a value that ends in a quote', () => {
    const fields = parseCloudFormationMessage("A='it''s'\r\n\r\nB='says 'no''\r\n");

    expect(fields).toEqual({ A: "it''s", B: "says 'no'" });
  });

  it.each([
    ['empty text', '   \n'],
    ['a line that is not Key=value', 'hello world'],
    ['an unquoted value', 'ResourceStatus=CREATE_FAILED'],
    ['a value with no closing quote', "StackId='arn:aws:cloudformation"],
  ])('rejects %s with the position where reading stopped', (_label, text) => {
    expect(() => parseCloudFormationMessage(text)).toThrow(CloudFormationMessageError);
  });
});
