/** Action id of the "Open in AWS Health" link button (acknowledged by src/slack/app/actions/health-open-dashboard). */
export const HEALTH_OPEN_DASHBOARD = 'health_open_dashboard';
