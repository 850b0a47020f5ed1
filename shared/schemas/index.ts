export * from './common.js';
export * from './region.js';
export * from './auth.js';
export * from './household.js';
export * from './offer.js';
export * from './registration.js';
