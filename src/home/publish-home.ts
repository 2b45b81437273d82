import type { HomeView } from '@slack/types';
import { checkSlackLimits, fitSlackLimits } from '../../blocks/check-limits';
import { homeView } from '../../blocks/home-view';
import { logger } from '../lambda/logger';
import { type HomeLoaderDeps, loadHome } from './load-home';

export interface PublishHomeDeps extends HomeLoaderDeps {
  /** views.publish for that user. */
  publish: (userId: string, view: HomeView) => Promise<void>;
}

/**
 * What `app_home_opened` and the Refresh button do: read the person's Home from state, build it, publish it (one
 * views.publish). A view the limits would refuse is cut to fit and the cut logged, so the tab never stays blank.
 */
export async function publishHome(userId: string, deps: PublishHomeDeps): Promise<HomeView> {
  const started = Date.now();
  const model = await loadHome(userId, deps);
  const built = homeView(model);
  const problems = checkSlackLimits(built, 'home');
  const view = problems.length > 0 ? fitSlackLimits(built, 'home').message : built;
  if (problems.length > 0) logger.warn('Home view cut to Slack limits', { problems: problems.slice(0, 5) });
  await deps.publish(userId, view);
  logger.info('Home published', { accounts: model.accounts.length, ms: Date.now() - started });
  return view;
}
