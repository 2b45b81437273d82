import { builtArn, firstOf, responseArn, type TaggedCall, viaTaggingApi } from './tagged-call';

const RDS = ['rds:AddTagsToResource'];
const rds = (eventName: string, type: string, label: string, arnField: string, idField: string) =>
  viaTaggingApi(
    'rds.amazonaws.com',
    eventName,
    `rds:${type}`,
    label,
    RDS,
    firstOf(
      responseArn(arnField),
      builtArn('rds', `request.${idField}`, (id) => `${type}:${id}`),
    ),
  );

/** Storage and databases: S3, RDS, DynamoDB, ElastiCache, OpenSearch, Kinesis, EFS, Redshift, Backup. */
export const DATA_CALLS: readonly TaggedCall[] = [
  viaTaggingApi(
    's3.amazonaws.com',
    'CreateBucket',
    's3:bucket',
    'S3 bucket',
    ['s3:GetBucketTagging', 's3:PutBucketTagging'],
    builtArn('s3', 'request.bucketName', (name) => name, 'global'),
  ),
  rds('CreateDBInstance', 'db', 'RDS DB instance', 'dBInstanceArn', 'dBInstanceIdentifier'),
  rds('CreateDBCluster', 'cluster', 'RDS DB cluster', 'dBClusterArn', 'dBClusterIdentifier'),
  rds('CreateDBSnapshot', 'snapshot', 'RDS DB snapshot', 'dBSnapshotArn', 'dBSnapshotIdentifier'),
  rds(
    'CreateDBClusterSnapshot',
    'cluster-snapshot',
    'RDS cluster snapshot',
    'dBClusterSnapshotArn',
    'dBClusterSnapshotIdentifier',
  ),
  rds('CreateDBSubnetGroup', 'subgrp', 'RDS subnet group', 'dBSubnetGroupArn', 'dBSubnetGroupName'),
  rds('CreateDBParameterGroup', 'pg', 'RDS parameter group', 'dBParameterGroupArn', 'dBParameterGroupName'),
  viaTaggingApi(
    'dynamodb.amazonaws.com',
    'CreateTable',
    'dynamodb:table',
    'DynamoDB table',
    ['dynamodb:TagResource'],
    firstOf(
      responseArn('tableDescription.tableArn'),
      builtArn('dynamodb', 'request.tableName', (name) => `table/${name}`),
    ),
  ),
  viaTaggingApi(
    'elasticache.amazonaws.com',
    'CreateCacheCluster',
    'elasticache:cluster',
    'ElastiCache cluster',
    ['elasticache:AddTagsToResource'],
    firstOf(
      responseArn('aRN'),
      builtArn('elasticache', 'request.cacheClusterId', (id) => `cluster:${id}`),
    ),
  ),
  viaTaggingApi(
    'elasticache.amazonaws.com',
    'CreateReplicationGroup',
    'elasticache:replicationgroup',
    'ElastiCache replication group',
    ['elasticache:AddTagsToResource'],
    firstOf(
      responseArn('aRN'),
      builtArn('elasticache', 'request.replicationGroupId', (id) => `replicationgroup:${id}`),
    ),
  ),
  viaTaggingApi(
    'es.amazonaws.com',
    'CreateDomain',
    'es:domain',
    'OpenSearch domain',
    ['es:AddTags'],
    firstOf(
      responseArn('domainStatus.aRN'),
      builtArn('es', 'request.domainName', (name) => `domain/${name}`),
    ),
  ),
  viaTaggingApi(
    'kinesis.amazonaws.com',
    'CreateStream',
    'kinesis:stream',
    'Kinesis data stream',
    ['kinesis:AddTagsToStream'],
    builtArn('kinesis', 'request.streamName', (name) => `stream/${name}`),
  ),
  viaTaggingApi(
    'elasticfilesystem.amazonaws.com',
    'CreateFileSystem',
    'elasticfilesystem:file-system',
    'EFS file system',
    ['elasticfilesystem:TagResource'],
    firstOf(
      responseArn('fileSystemArn'),
      builtArn('elasticfilesystem', 'response.fileSystemId', (id) => `file-system/${id}`),
    ),
  ),
  viaTaggingApi(
    'elasticfilesystem.amazonaws.com',
    'CreateAccessPoint',
    'elasticfilesystem:access-point',
    'EFS access point',
    ['elasticfilesystem:TagResource'],
    responseArn('accessPointArn'),
  ),
  viaTaggingApi(
    'redshift.amazonaws.com',
    'CreateCluster',
    'redshift:cluster',
    'Redshift cluster',
    ['redshift:CreateTags'],
    builtArn('redshift', 'request.clusterIdentifier', (id) => `cluster:${id}`),
  ),
  viaTaggingApi(
    'backup.amazonaws.com',
    'CreateBackupVault',
    'backup:backup-vault',
    'Backup vault',
    ['backup:TagResource'],
    responseArn('backupVaultArn'),
  ),
];
