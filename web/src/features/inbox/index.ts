export { InboxLiveUpdates } from './LiveUpdates';
