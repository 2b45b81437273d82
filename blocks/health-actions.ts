/** Action id of the "Open in AWS Health" link button (acknowledged by src/slack/app/actions/health-open-dashboard). */
export const HEALTH_OPEN_DASHBOARD = 'health_open_dashboard';
/** "I'm on it" on an alert: adds (or, clicked again, removes) the person. */
export const HEALTH_ON_IT = 'health_on_it';
/** "Mute…" on an alert: opens the mute modal for allowed people. */
export const HEALTH_MUTE = 'health_mute';
/** "Unmute" on a mute's thread reply or in `/aws-health mutes`; its value is the mute's id. */
export const HEALTH_UNMUTE = 'health_unmute';
/** "Post as alert" on a digest line; its value is the line's number in the digest. */
export const HEALTH_DIGEST_EXPAND = 'health_digest_expand';
/** "Notify me about this account" on an alert (a button, or a menu of the alert's accounts); the value is the account. */
export const HEALTH_SUBSCRIBE_ACCOUNT = 'health_subscribe_account';
/** "Notify me about this service" on an alert: the alert's own service, in every account. */
export const HEALTH_SUBSCRIBE_SERVICE = 'health_subscribe_service';
