import {
  builtArn,
  firstOf,
  responseArn,
  responseListArns,
  type TaggedCall,
  viaTaggingApi,
} from './tagged-call';

const ecs = (eventName: string, type: string, label: string, path: string) =>
  viaTaggingApi('ecs.amazonaws.com', eventName, `ecs:${type}`, label, ['ecs:TagResource'], responseArn(path));
const eks = (eventName: string, type: string, label: string, path: string) =>
  viaTaggingApi('eks.amazonaws.com', eventName, `eks:${type}`, label, ['eks:TagResource'], responseArn(path));
const sageMaker = (eventName: string, type: string, label: string, field: string) =>
  viaTaggingApi(
    'sagemaker.amazonaws.com',
    eventName,
    `sagemaker:${type}`,
    label,
    ['sagemaker:AddTags'],
    responseArn(field),
  );

/** Compute and containers: Lambda, ECS, EKS, Elastic Load Balancing, SageMaker. */
export const COMPUTE_CALLS: readonly TaggedCall[] = [
  viaTaggingApi(
    'lambda.amazonaws.com',
    'CreateFunction20150331',
    'lambda:function',
    'Lambda function',
    ['lambda:TagResource'],
    responseArn('functionArn'),
  ),
  viaTaggingApi(
    'lambda.amazonaws.com',
    'CreateEventSourceMapping20150331',
    'lambda:event-source-mapping',
    'Lambda event source mapping',
    ['lambda:TagResource'],
    firstOf(
      responseArn('eventSourceMappingArn'),
      builtArn('lambda', 'response.uUID', (id) => `event-source-mapping:${id}`),
    ),
  ),
  ecs('CreateCluster', 'cluster', 'ECS cluster', 'cluster.clusterArn'),
  ecs('CreateService', 'service', 'ECS service', 'service.serviceArn'),
  ecs('RegisterTaskDefinition', 'task-definition', 'ECS task definition', 'taskDefinition.taskDefinitionArn'),
  eks('CreateCluster', 'cluster', 'EKS cluster', 'cluster.arn'),
  eks('CreateNodegroup', 'nodegroup', 'EKS node group', 'nodegroup.nodegroupArn'),
  eks('CreateFargateProfile', 'fargateprofile', 'EKS Fargate profile', 'fargateProfile.fargateProfileArn'),
  viaTaggingApi(
    'elasticloadbalancing.amazonaws.com',
    'CreateLoadBalancer',
    'elasticloadbalancing:loadbalancer',
    'load balancer',
    ['elasticloadbalancing:AddTags'],
    responseListArns('loadBalancers', 'loadBalancerArn'),
  ),
  viaTaggingApi(
    'elasticloadbalancing.amazonaws.com',
    'CreateTargetGroup',
    'elasticloadbalancing:targetgroup',
    'target group',
    ['elasticloadbalancing:AddTags'],
    responseListArns('targetGroups', 'targetGroupArn'),
  ),
  sageMaker(
    'CreateNotebookInstance',
    'notebook-instance',
    'SageMaker notebook instance',
    'notebookInstanceArn',
  ),
  sageMaker('CreateEndpoint', 'endpoint', 'SageMaker endpoint', 'endpointArn'),
  sageMaker('CreateModel', 'model', 'SageMaker model', 'modelArn'),
];
