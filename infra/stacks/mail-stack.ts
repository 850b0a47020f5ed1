import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { MailSender } from '../constructs/regiokurs-function.js';

export type MailStackProps = StackProps & { senderEmail: string };

/**
 * The SES identity of the sender's domain. Its own stack because verification lives in DNS:
 * replacing the identity would mean new DKIM records and a new verification round.
 */
export class MailStack extends Stack {
  /** What a function needs to send as the region; granted through the house function construct. */
  readonly sender: MailSender;

  constructor(scope: Construct, id: string, props: MailStackProps) {
    super(scope, id, props);
    const domain = props.senderEmail.split('@')[1] ?? '';
    // A domain identity with Easy DKIM: a no-reply mailbox cannot click a verification link, a DNS record can.
    const identity = new EmailIdentity(this, 'SenderDomain', { identity: Identity.domain(domain) });
    this.sender = { identityArn: identity.emailIdentityArn, from: props.senderEmail };

    const dkim = [
      [identity.dkimDnsTokenName1, identity.dkimDnsTokenValue1],
      [identity.dkimDnsTokenName2, identity.dkimDnsTokenValue2],
      [identity.dkimDnsTokenName3, identity.dkimDnsTokenValue3],
    ] as const;
    dkim.forEach(([name, value], i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        description: `CNAME to add to the DNS of ${domain} for DKIM`,
        value: `${name} CNAME ${value}`,
      });
    });
  }
}
