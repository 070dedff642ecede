export { AvailabilityMenu } from './members/AvailabilityMenu';
