export { createTimelineService, type TimelineService } from './timeline.service';
export { timelineRoutes } from './timeline.routes';
export { listLastKeyContactTouches, listLastTouches } from './timeline.repository';
export { decodeFeedCursor, encodeFeedCursor, type FeedCursor } from './calculate-feed-cursor';
