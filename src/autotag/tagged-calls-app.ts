import {
  builtArn,
  type CallContext,
  firstOf,
  responseArn,
  stringAt,
  type TaggedCall,
  viaTaggingApi,
} from './tagged-call';

/** `https://sqs.<region>.amazonaws.com/<account>/<name>` → the queue's ARN. */
function queueArn(call: CallContext): string[] {
  const url = stringAt(call.response, 'queueUrl');
  const match = url ? /\/(\d{12})\/([\w-]+(?:\.fifo)?)$/.exec(url) : null;
  if (match) return [`arn:${call.partition}:sqs:${call.region}:${match[1]}:${match[2]}`];
  return builtArn('sqs', 'request.queueName', (name) => name)(call);
}

/** Messaging, security, logs, APIs, workflows and deployment: the rest of the table. */
export const APPLICATION_CALLS: readonly TaggedCall[] = [
  viaTaggingApi(
    'sns.amazonaws.com',
    'CreateTopic',
    'sns:topic',
    'SNS topic',
    ['sns:TagResource'],
    firstOf(
      responseArn('topicArn'),
      builtArn('sns', 'request.name', (name) => name),
    ),
  ),
  viaTaggingApi('sqs.amazonaws.com', 'CreateQueue', 'sqs:queue', 'SQS queue', ['sqs:TagQueue'], queueArn),
  viaTaggingApi(
    'kms.amazonaws.com',
    'CreateKey',
    'kms:key',
    'KMS key',
    ['kms:TagResource'],
    firstOf(
      responseArn('keyMetadata.arn'),
      builtArn('kms', 'response.keyMetadata.keyId', (id) => `key/${id}`),
    ),
  ),
  viaTaggingApi(
    'secretsmanager.amazonaws.com',
    'CreateSecret',
    'secretsmanager:secret',
    'Secrets Manager secret',
    ['secretsmanager:TagResource'],
    responseArn('arn'),
  ),
  viaTaggingApi(
    'logs.amazonaws.com',
    'CreateLogGroup',
    'logs:log-group',
    'CloudWatch Logs group',
    ['logs:TagResource', 'logs:TagLogGroup'],
    builtArn('logs', 'request.logGroupName', (name) => `log-group:${name}`),
  ),
  viaTaggingApi(
    'ecr.amazonaws.com',
    'CreateRepository',
    'ecr:repository',
    'ECR repository',
    ['ecr:TagResource'],
    responseArn('repository.repositoryArn'),
  ),
  viaTaggingApi(
    'states.amazonaws.com',
    'CreateStateMachine',
    'states:stateMachine',
    'Step Functions state machine',
    ['states:TagResource'],
    responseArn('stateMachineArn'),
  ),
  viaTaggingApi(
    'states.amazonaws.com',
    'CreateActivity',
    'states:activity',
    'Step Functions activity',
    ['states:TagResource'],
    responseArn('activityArn'),
  ),
  viaTaggingApi(
    'apigateway.amazonaws.com',
    'CreateRestApi',
    'apigateway:restapis',
    'API Gateway REST API',
    ['apigateway:PUT', 'apigateway:POST'],
    builtArn('apigateway', 'response.id', (id) => `/restapis/${id}`, 'regionOnly'),
  ),
  viaTaggingApi(
    'apigateway.amazonaws.com',
    'CreateApi',
    'apigateway:apis',
    'API Gateway HTTP/WebSocket API',
    ['apigateway:PUT', 'apigateway:POST'],
    builtArn('apigateway', 'response.apiId', (id) => `/apis/${id}`, 'regionOnly'),
  ),
  viaTaggingApi(
    'cognito-idp.amazonaws.com',
    'CreateUserPool',
    'cognito-idp:userpool',
    'Cognito user pool',
    ['cognito-idp:TagResource'],
    responseArn('userPool.arn'),
  ),
  viaTaggingApi(
    'events.amazonaws.com',
    'CreateEventBus',
    'events:event-bus',
    'EventBridge event bus',
    ['events:TagResource'],
    responseArn('eventBusArn'),
  ),
  viaTaggingApi(
    'acm.amazonaws.com',
    'RequestCertificate',
    'acm:certificate',
    'ACM certificate',
    ['acm:AddTagsToCertificate'],
    responseArn('certificateArn'),
  ),
];
