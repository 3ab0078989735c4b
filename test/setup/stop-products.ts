import { afterAll } from 'vitest';
import { stopEveryLocalProduct } from '../support/local-product.js';

// After each test file: a product (and its engines) that a timed-out test left running is ended.
afterAll(stopEveryLocalProduct);
