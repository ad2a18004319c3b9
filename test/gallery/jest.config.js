/**
 * The page gallery's first half (`npm run gallery`): renders every page and main state in
 * miniprogram-simulate and writes each as HTML; test/gallery/photograph.ts photographs them.
 * Kept apart from the suite: it writes files and takes a few minutes.
 * @type {import('jest').Config}
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/gallery'],
  testMatch: ['**/*.gallery.ts'],
  reporters: ['default'],
  testTimeout: 600000,
  maxWorkers: 1,
};
