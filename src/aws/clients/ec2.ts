import { EC2Client } from '@aws-sdk/client-ec2';
import type { ClientMaker } from '../member-clients';

export const ec2Clients: ClientMaker<EC2Client> = { make: (base) => new EC2Client(base) };
